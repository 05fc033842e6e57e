/**
 * Writers for hand-made wheels and sdists, hostile ones included: entries with `..`, absolute
 * paths, links, bombs, broken metadata. Tests describe entries; these write the archive.
 */
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { pack } from 'tar-stream';

export interface ZipEntrySpec {
  name: string;
  data?: string | Uint8Array;
  /** Unix mode in the high 16 bits of the external attributes, e.g. 0o120777 for a symlink. */
  mode?: number;
  /** Deflate level (0 stores). */
  level?: 0 | 9;
}

export async function writeZip(path: string, entries: ZipEntrySpec[]): Promise<void> {
  const files: Zippable = {};
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string'
        ? new TextEncoder().encode(entry.data)
        : (entry.data ?? new Uint8Array());
    files[entry.name] = [
      data,
      {
        level: entry.level ?? 9,
        ...(entry.mode === undefined ? {} : { os: 3, attrs: (entry.mode << 16) >>> 0 }),
      },
    ];
  }
  await writeFile(path, zipSync(files));
}

export const metadataText = (name: string, version: string, extra = ''): string =>
  `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: test\n${extra ? `${extra}\n` : ''}\nLong description.\n`;

/** A structurally valid wheel for `name`/`version`, with extra entries and overrides. */
export async function writeWheel(
  path: string,
  name: string,
  version: string,
  options: { extra?: ZipEntrySpec[]; metadata?: string | Uint8Array | null; record?: boolean } = {},
): Promise<void> {
  const info = `${name.replace(/-/g, '_')}-${version}.dist-info`;
  const entries: ZipEntrySpec[] = [{ name: `${name.replace(/-/g, '_')}/__init__.py`, data: '' }];
  if (options.metadata !== null)
    entries.push({
      name: `${info}/METADATA`,
      data: options.metadata ?? metadataText(name, version),
    });
  entries.push({
    name: `${info}/WHEEL`,
    data: 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
  });
  if (options.record !== false) entries.push({ name: `${info}/RECORD`, data: '' });
  await writeZip(path, [...entries, ...(options.extra ?? [])]);
}

export interface TarEntrySpec {
  name: string;
  data?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo';
  linkname?: string;
}

export async function writeTarGz(path: string, entries: TarEntrySpec[]): Promise<void> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
    const header = {
      name: entry.name,
      type: entry.type ?? 'file',
      ...(entry.linkname ? { linkname: entry.linkname } : {}),
    };
    await new Promise<void>((resolve, reject) =>
      tar.entry(header, data ?? Buffer.alloc(0), (e) => (e ? reject(e) : resolve())),
    );
  }
  tar.finalize();
  await done;
  await writeFile(path, gzipSync(Buffer.concat(chunks)));
}

/** A valid sdist for `name`/`version` plus extra entries. */
export async function writeSdist(
  path: string,
  name: string,
  version: string,
  extra: TarEntrySpec[] = [],
  pkgInfo?: string,
): Promise<void> {
  const top = `${name.replace(/-/g, '_')}-${version}`;
  await writeTarGz(path, [
    { name: `${top}/PKG-INFO`, data: pkgInfo ?? metadataText(name, version) },
    { name: `${top}/pyproject.toml`, data: '[project]\n' },
    ...extra,
  ]);
}
