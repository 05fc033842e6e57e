/**
 * Mutation fuzzing of real wheels and sdists (header bytes, offsets, flags, sizes): the
 * action either refuses with its typed error, or accepts an archive that CPython and pip
 * read exactly as it does. A fixed seed and few runs keep this a few seconds in the test
 * command; FUZZ_RUNS=5000 (and FUZZ_SEED) run more.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DistributionError } from '../../src/core/errors.ts';
import { actionView, disagreement, oracle } from '../helpers/cpython.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'dists');
const WHEELS = [
  'hatch_demo-0.1.0-py3-none-any.whl',
  'flit_demo-2.0-py2.py3-none-any.whl',
  'st_demo-1.0-py3-none-any.whl',
];
const SDISTS = ['hatch_demo-0.1.0.tar.gz', 'flit_demo-2.0.tar.gz', 'st-demo-1.0.tar.gz'];
const read = (name: string) => readFileSync(join(FIXTURES, name));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archive-fuzz-'));
});
afterAll(async () => {
  if (!process.env.FUZZ_KEEP) await rm(dir, { recursive: true, force: true });
});

/** Offsets where zip records start: mutations aim at their fields. */
function zipAnchors(zip: Buffer): number[] {
  const anchors: number[] = [];
  for (let at = zip.indexOf('PK'); at >= 0; at = zip.indexOf('PK', at + 1))
    if ([0x0403, 0x0201, 0x0605, 0x0606, 0x0706].includes(zip.readUInt16LE(at + 2)))
      anchors.push(at);
  return anchors;
}
const INTERESTING = [0, 1, 8, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0xffffffff];
const mutation = fc.record({
  anchor: fc.nat(),
  field: fc.nat({ max: 60 }),
  width: fc.constantFrom(1, 2, 4),
  value: fc.oneof(
    fc.constantFrom(...INTERESTING),
    fc.nat({ max: 0xffffffff }),
    fc.integer({ min: -4, max: 4 }),
  ),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Writes `value` (or adds a small delta) at the field of an anchor; out of range is skipped. */
function apply(bytes: Buffer, anchors: number[], m: Mutation): void {
  const at = (anchors[m.anchor % anchors.length] ?? 0) + m.field;
  if (at + m.width > bytes.length) return;
  const readers = { 1: 'readUInt8', 2: 'readUInt16LE', 4: 'readUInt32LE' } as const;
  const writers = { 1: 'writeUInt8', 2: 'writeUInt16LE', 4: 'writeUInt32LE' } as const;
  const max = 2 ** (8 * m.width);
  const old = bytes[readers[m.width]](at);
  const value = m.value < 0 || m.value <= 4 ? (old + m.value + max) % max : m.value % max;
  bytes[writers[m.width]](value, at);
}

/** Header blocks of a tar, and where their fields start. */
function tarAnchors(tar: Buffer): number[] {
  const anchors: number[] = [];
  for (let at = 0; at + 512 <= tar.length; at += 512)
    if (tar.subarray(at + 257, at + 262).toString('latin1') === 'ustar')
      for (const field of [0, 100, 124, 148, 156, 157, 257, 345]) anchors.push(at + field);
  return anchors;
}
function fixChecksum(tar: Buffer): void {
  for (let at = 0; at + 512 <= tar.length; at += 512) {
    if (tar.subarray(at + 257, at + 262).toString('latin1') !== 'ustar') continue;
    tar.fill(0x20, at + 148, at + 156);
    let sum = 0;
    for (let i = at; i < at + 512; i++) sum += tar[i] as number;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1');
  }
}

const wheelCase = fc.record({
  base: fc.constantFrom(...WHEELS),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
});
const sdistCase = fc.record({
  base: fc.constantFrom(...SDISTS),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  checksum: fc.boolean(),
  text: fc.option(
    fc.constantFrom('.', '/', '..', 'x/../', '\0', 'ustar\0', '0', '5', 'x', 'L', '2'),
    { nil: undefined },
  ),
});

describe('fuzzing the archive readers against CPython and pip', () => {
  it(
    'mutated archives are refused with a typed error or read alike',
    { timeout: 120_000 },
    async () => {
      const accepted: { path: string; members: Awaited<ReturnType<typeof actionView>> }[] = [];
      let count = 0;
      const check = async (name: string, bytes: Buffer) => {
        const path = join(dir, `${++count}`, name);
        await mkdtempFolder(join(dir, `${count}`));
        await writeFile(path, bytes);
        const view = await actionView(path);
        if (!(view instanceof DistributionError)) accepted.push({ path, members: view });
        else expect(view.message).not.toMatch(/[\n\r]/);
      };
      await fc.assert(
        fc.asyncProperty(fc.oneof(wheelCase, sdistCase), async (c) => {
          if ('checksum' in c) {
            const tar = Buffer.from(gunzipSync(read(c.base)));
            const anchors = tarAnchors(tar);
            for (const m of c.mutations) apply(tar, anchors, m);
            if (c.text !== undefined)
              tar.write(c.text, anchors[c.mutations[0]!.anchor % anchors.length] ?? 0, 'latin1');
            if (c.checksum) fixChecksum(tar);
            await check(c.base, gzipSync(tar));
          } else {
            const zip = Buffer.from(read(c.base));
            const anchors = zipAnchors(zip);
            for (const m of c.mutations) apply(zip, anchors, m);
            await check(c.base, zip);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Both sides of the property are exercised: some mutants are refused, and some are
      // accepted and compared with CPython and pip (with the fixed seed, 11 of 60).
      if (RUNS >= 60) {
        expect(accepted.length, 'mutants the action accepted').toBeGreaterThan(0);
        expect(accepted.length, 'mutants the action refused').toBeLessThan(count);
      }
      const views = await oracle(accepted.map((a) => a.path));
      for (const { path, members } of accepted)
        expect(
          disagreement(members as never, views[path] as never, path.endsWith('.tar.gz')),
          path,
        ).toBeUndefined();
    },
  );
});

async function mkdtempFolder(path: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(path, { recursive: true });
}
