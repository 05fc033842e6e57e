/** Exact-length reads from an async stream of byte chunks (a tar stream out of gunzip). */
export class ByteReader {
  private readonly iterator: AsyncIterator<Buffer>;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Buffers at least `length` bytes; false when the stream ends first. */
  private async fill(length: number): Promise<boolean> {
    while (this.buffered < length && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else if (next.value.length > 0) {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
    return this.buffered >= length;
  }

  /** The next `length` bytes, or undefined when fewer are left. */
  async take(length: number): Promise<Buffer | undefined> {
    if (!(await this.fill(length))) return undefined;
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, length);
  }

  /** Passes the next `length` bytes to `onChunk` piece by piece; false when they run out. */
  async stream(length: number, onChunk: (chunk: Buffer, offset: number) => void): Promise<boolean> {
    let offset = 0;
    while (offset < length) {
      if (this.buffered === 0 && !(await this.fill(1))) return false;
      const chunk = this.chunks.shift() as Buffer;
      const piece = chunk.subarray(0, length - offset);
      if (piece.length < chunk.length) this.chunks.unshift(chunk.subarray(piece.length));
      this.buffered -= piece.length;
      onChunk(piece, offset);
      offset += piece.length;
    }
    return true;
  }

  /** Reads to the end; true when every byte left is zero. */
  async restIsZero(): Promise<boolean> {
    let zero = true;
    for (;;) {
      for (const chunk of this.chunks) if (zero && chunk.some((b) => b !== 0)) zero = false;
      this.chunks = [];
      this.buffered = 0;
      if (this.done) return zero;
      await this.fill(1);
    }
  }
}
