import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDistributionFilename,
  parseSdistFilename,
  parseWheelFilename,
} from '../src/distributions/filenames.ts';
import { parseCoreMetadata } from '../src/distributions/metadata.ts';
import { ActionError } from '../src/core/errors.ts';
import { readSettings } from '../src/config/inputs.ts';
import { parseManifest } from '../src/custody/manifest.ts';

/**
 * Cases per property: a few hundred in the test command, FUZZ_RUNS=100000 for a long run
 * (fast-check prints the seed and the shrunk case of any failure).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

/** Parsers may only ever fail with the action's own typed errors, never crash. */
function onlyTypedErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError);
    const message = (error as Error).message;
    // Messages never carry a raw line break that could start a workflow command.
    expect(message.split('\n')[0]).not.toMatch(/^::/);
    expect(message).not.toMatch(/\r|\n::/);
  }
}

const filenameLike = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9_.-]{0,20}$/),
      fc.stringMatching(/^[0-9a-z.+!_-]{0,12}$/),
      fc.stringMatching(/^[A-Za-z0-9_.-]{0,10}$/),
      fc.constantFrom('.whl', '.tar.gz', '.zip', ''),
    )
    .map(([n, v, t, ext]) => `${n}-${v}-${t}-none-any${ext}`),
);

describe('fuzzing the parsers', () => {
  it('filename parsers return a parse or a DistributionError', () => {
    fc.assert(
      fc.property(filenameLike, (name) => {
        onlyTypedErrors(() => parseDistributionFilename(name));
        onlyTypedErrors(() => parseWheelFilename(name));
        onlyTypedErrors(() => parseSdistFilename(name));
      }),
      { numRuns: RUNS },
    );
  });

  it('a wheel name that parses round-trips its parts', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/),
        fc.stringMatching(/^[1-9][0-9]{0,2}(\.[0-9]{1,3}){0,2}$/),
        (name, version) => {
          const parsed = parseWheelFilename(`${name}-${version}-py3-none-any.whl`);
          expect(parsed.name).toBe(name);
          expect(parsed.pythonTags).toEqual(['py3']);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('core metadata parser returns metadata or a DistributionError', () => {
    const header = fc.tuple(
      fc.constantFrom('Name', 'Version', 'Metadata-Version', 'Summary', 'Classifier', 'X', ' ', ''),
      fc.string({ maxLength: 40 }),
    );
    const text = fc
      .array(header, { maxLength: 12 })
      .map((lines) =>
        lines
          .map(([k, v]) => `${k}: ${v}`)
          .join(fc.sample(fc.constantFrom('\n', '\r\n', '\r'), 1)[0]),
      );
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ maxLength: 500 })),
        fc.uint8Array({ maxLength: 64 }),
        (t, bytes) => {
          onlyTypedErrors(() => parseCoreMetadata(new TextEncoder().encode(t), 'x.whl'));
          onlyTypedErrors(() => parseCoreMetadata(bytes, 'x.whl'));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('manifest parser returns a manifest or a typed error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((v) =>
            JSON.stringify({
              mediaType: 'application/vnd.release-action.manifest.v1+json',
              project: 'p',
              name: 'p',
              version: '1',
              producer: {},
              files: [v],
            }),
          ),
        ),
        (text) => {
          onlyTypedErrors(() => parseManifest(String(text), 'm.json'));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('inputs parser returns settings or an InputError', () => {
    const names = [
      'step',
      'packages-dir',
      'artifact-name',
      'expected-version',
      'upload-artifact',
      'tag',
      'repository-url',
      'upload-concurrency',
      'make-latest',
      'from',
      'provenance-name',
      'fulcio-url',
      'repository',
      'project',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(
          'prepare',
          'collect',
          'provenance',
          'release',
          'publish',
          'verify',
          'index',
        ),
        fc.dictionary(fc.constantFrom(...names), fc.string({ maxLength: 60 })),
        (step, values) => {
          onlyTypedErrors(() =>
            readSettings({ get: (name) => (name === 'step' ? step : (values[name] ?? '')) }),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
