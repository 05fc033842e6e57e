/**
 * Benchmark inputs made on the spot: valid wheels whose payload is random bytes, written as a
 * stored (uncompressed) zip by streaming, so a 1 GiB wheel never sits in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32 } from 'node:zlib';

interface Entry {
  name: string;
  crc: number;
  size: number;
  offset: number;
}

const CHUNK = 8 * 1024 * 1024;

function localHeader(name: Buffer, crc: number, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 names
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, entry: Entry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(0x031e, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.size, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, name]);
}

/**
 * Writes `{name}-{version}-{tag}.whl` with a random payload of `payloadBytes` (below 4 GiB:
 * no zip64 needed), plus METADATA, WHEEL and RECORD.
 */
export async function writeRandomWheel(
  path: string,
  name: string,
  version: string,
  payloadBytes: number,
): Promise<void> {
  const out = createWriteStream(path);
  const entries: Entry[] = [];
  let offset = 0;
  const write = async (chunk: Buffer): Promise<void> => {
    offset += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const addSmall = async (entryName: string, data: string): Promise<void> => {
    const bytes = Buffer.from(data);
    const entry = { name: entryName, crc: crc32(bytes), size: bytes.length, offset };
    await write(localHeader(Buffer.from(entryName), entry.crc, entry.size));
    await write(bytes);
    entries.push(entry);
  };
  const info = `${name}-${version}.dist-info`;
  // The payload: random chunks; its CRC is computed as it streams and patched in after.
  const payloadName = `${name}/payload.bin`;
  const payloadOffset = offset;
  await write(localHeader(Buffer.from(payloadName), 0, payloadBytes));
  let crc = 0;
  const sha256 = createHash('sha256');
  for (let left = payloadBytes; left > 0; left -= CHUNK) {
    const chunk = randomBytes(Math.min(CHUNK, left));
    crc = crc32(chunk, crc);
    sha256.update(chunk);
    await write(chunk);
  }
  // RECORD lists every file with its hash and size, as a wheel builder writes it.
  const rows = [`${payloadName},sha256=${sha256.digest('base64url')},${payloadBytes}`];
  const recorded = async (entryName: string, data: string): Promise<void> => {
    const digest = createHash('sha256').update(data).digest('base64url');
    rows.push(`${entryName},sha256=${digest},${Buffer.byteLength(data)}`);
    await addSmall(entryName, data);
  };
  entries.push({ name: payloadName, crc, size: payloadBytes, offset: payloadOffset });
  await recorded(
    `${info}/METADATA`,
    `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: benchmark\n`,
  );
  await recorded(`${info}/WHEEL`, 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n');
  await addSmall(`${info}/RECORD`, `${rows.join('\n')}\n${info}/RECORD,,\n`);
  const centralStart = offset;
  for (const entry of entries) await write(centralHeader(Buffer.from(entry.name), entry));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - centralStart, 12);
  end.writeUInt32LE(centralStart, 16);
  await write(end);
  out.end();
  await once(out, 'finish');
  // Patch the payload's CRC into its local header.
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r+');
  const crcBytes = Buffer.alloc(4);
  crcBytes.writeUInt32LE(crc >>> 0);
  await handle.write(crcBytes, 0, 4, payloadOffset + 14);
  await handle.close();
}
