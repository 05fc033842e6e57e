import { describe, expect, it } from 'vitest';
import { DistributionError } from '../../src/core/errors.ts';
import type { IndexFile } from '../../src/pypi/index-api.ts';
import {
  MAX_RELEASE_AGE_DAYS,
  planIndexUploads,
  releaseAge,
  undatedReleaseWarning,
  type PlannedFile,
} from '../../src/pypi/precheck.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const HEX = (c: string) => c.repeat(64);

const wheel: PlannedFile = {
  filename: 'p-1.0-cp311-cp311-manylinux_2_17_x86_64.whl',
  sha256: HEX('1'),
  kind: 'wheel',
  metadataVersion: '2.4',
};
const sdist: PlannedFile = {
  filename: 'p-1.0.tar.gz',
  sha256: HEX('2'),
  kind: 'sdist',
  metadataVersion: '2.4',
};
const onIndex = (file: PlannedFile, over: Partial<IndexFile> = {}): IndexFile => ({
  filename: file.filename,
  sha256: file.sha256,
  packagetype: file.kind === 'sdist' ? 'sdist' : 'bdist_wheel',
  uploadTime: new Date(NOW.getTime() - DAY),
  ...over,
});

/** The one error, typed, naming the file, with a fix. */
function refusal(fn: () => unknown): DistributionError {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(DistributionError);
  expect((error as DistributionError).hint).toBeTruthy();
  return error as DistributionError;
}

describe('planIndexUploads: what the index would refuse, before the first upload', () => {
  it('uploads files the index lacks; identical files are already there', () => {
    const decisions = planIndexUploads('PyPI', [wheel, sdist], [onIndex(sdist)], false, NOW);
    expect(decisions.map((d) => [d.file.filename, d.action])).toEqual([
      [wheel.filename, 'upload'],
      [sdist.filename, 'already there'],
    ]);
  });

  it('refuses a filename the index holds with other bytes, naming both digests', () => {
    const error = refusal(() =>
      planIndexUploads('TestPyPI', [wheel], [onIndex(wheel, { sha256: HEX('f') })], false, NOW),
    );
    expect(error.subject).toBe(wheel.filename);
    expect(error.message).toContain('TestPyPI');
    expect(error.message).toContain(HEX('f'));
    expect(error.message).toContain(HEX('1'));
    expect(error.hint).toMatch(/skip-existing/);
  });

  it("with skip-existing, leaves the index's different file in place, as a conflict", () => {
    const decisions = planIndexUploads(
      'PyPI',
      [wheel],
      [onIndex(wheel, { sha256: HEX('f') })],
      true,
      NOW,
    );
    expect(decisions[0]).toMatchObject({ action: 'conflict', indexSha256: HEX('f') });
  });

  it.each(['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'])(
    'takes Metadata-Version %s',
    (v) => {
      expect(
        planIndexUploads('PyPI', [{ ...wheel, metadataVersion: v }], [], false, NOW)[0]?.action,
      ).toBe('upload');
    },
  );

  it.each(['2.0', '2.6', '3.0', ''])('refuses Metadata-Version %j for a new file', (v) => {
    const error = refusal(() =>
      planIndexUploads('PyPI', [{ ...wheel, metadataVersion: v }], [], false, NOW),
    );
    expect(error.subject).toBe(wheel.filename);
    expect(error.message).toMatch(/Metadata-Version/);
  });

  it('does not judge the metadata of a file already there', () => {
    const old = { ...sdist, metadataVersion: '2.6' };
    expect(planIndexUploads('PyPI', [old], [onIndex(old)], false, NOW)[0]?.action).toBe(
      'already there',
    );
  });

  it(`refuses new files for a release older than ${MAX_RELEASE_AGE_DAYS} days, dated by its oldest file`, () => {
    const existing = [
      onIndex(sdist, { uploadTime: new Date(NOW.getTime() - (MAX_RELEASE_AGE_DAYS + 1) * DAY) }),
      onIndex(
        { ...wheel, filename: 'p-1.0-py3-none-any.whl' },
        { uploadTime: new Date(NOW.getTime() - DAY) },
      ),
    ];
    const error = refusal(() => planIndexUploads('PyPI', [wheel], existing, false, NOW));
    expect(error.subject).toBe(wheel.filename);
    expect(error.message).toContain('2026-11-16');
    expect(error.hint).toMatch(/new version/);
  });

  it('takes new files on the last day of the window, and files already there after it', () => {
    const edge = [
      onIndex(sdist, { uploadTime: new Date(NOW.getTime() - MAX_RELEASE_AGE_DAYS * DAY) }),
    ];
    expect(planIndexUploads('PyPI', [wheel], edge, false, NOW)[0]?.action).toBe('upload');
    const old = [onIndex(sdist, { uploadTime: new Date(NOW.getTime() - 100 * DAY) })];
    expect(planIndexUploads('PyPI', [sdist], old, false, NOW)[0]?.action).toBe('already there');
  });

  it('refuses a second sdist for the release', () => {
    const other = { ...sdist, filename: 'P-1.0.tar.gz', sha256: HEX('3') };
    const error = refusal(() => planIndexUploads('PyPI', [other], [onIndex(sdist)], false, NOW));
    expect(error.subject).toBe(other.filename);
    expect(error.message).toContain(sdist.filename);
  });

  it('takes the first sdist of a release that has only wheels', () => {
    const decisions = planIndexUploads('PyPI', [sdist], [onIndex(wheel)], false, NOW);
    expect(decisions[0]?.action).toBe('upload');
  });
});

describe('the 14-day window on a page without upload times (PEP 503, PEP 691 without PEP 700)', () => {
  const undated = (file: PlannedFile) => onIndex(file, { uploadTime: new Date(NaN) });

  it('is not checked, and the warning names what could not be established', () => {
    const existing = [undated(sdist)];
    expect(planIndexUploads('idx', [sdist, wheel], existing, false, NOW)[1]?.action).toBe('upload');
    expect(undatedReleaseWarning('https://devpi.example/ci/prod/', existing)).toBe(
      `https://devpi.example/ci/prod/ lists 1 file(s) of this release without an upload time ("${sdist.filename}"; its simple page is PEP 503 HTML, or PEP 691 JSON without PEP 700's upload-time), so whether the release is older than ${MAX_RELEASE_AGE_DAYS} days could not be established. PyPI takes no new files for such a release; if this index has that rule, the upload may be refused.`,
    );
  });

  it('uses the times it has: one dated old file still refuses, an undated one does not hide it', () => {
    const old = onIndex(sdist, { uploadTime: new Date(NOW.getTime() - 100 * DAY) });
    const existing = [undated(wheel), old];
    expect(releaseAge(existing)).toEqual({ oldest: old.uploadTime, undated: [wheel.filename] });
    const other = { ...wheel, filename: 'p-1.0-py3-none-any.whl' };
    refusal(() => planIndexUploads('idx', [other], existing, false, NOW));
  });

  it('says nothing when every file has its time (PEP 691 with PEP 700, the JSON API)', () => {
    expect(undatedReleaseWarning('idx', [onIndex(sdist)])).toBeUndefined();
    expect(releaseAge([])).toEqual({ oldest: undefined, undated: [] });
  });
});
