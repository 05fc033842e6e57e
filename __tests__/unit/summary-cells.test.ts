import { describe, expect, it } from 'vitest';
import { cellHtml, cellText } from '../../src/core/io.ts';
import { destinationCell, logCell, pythonhostedUrl } from '../../src/custody/review-summary.ts';

describe('job summary cells', () => {
  it('escapes text and links only to http(s)', () => {
    expect(cellHtml('<b>')).toBe('&#60;b&#62;');
    expect(cellHtml({ text: 'a.whl', href: 'https://pypi.org/x?a=1&b="2"' })).toBe(
      '<a href="https://pypi.org/x?a=1&#38;b=&#34;2&#34;">a.whl</a>',
    );
    expect(cellHtml({ text: 'x', href: 'javascript:alert(1)' })).toBe('x');
    expect(cellText({ text: 'a.whl', href: 'https://h/a.whl' })).toBe('a.whl <https://h/a.whl>');
  });

  it("links a public-good Rekor entry to Sigstore's search, another Rekor to its API", () => {
    const bundle = {
      verificationMaterial: { tlogEntries: [{ logIndex: '42' }] },
    } as unknown as Parameters<typeof logCell>[0];
    expect(logCell(bundle, 'https://rekor.sigstore.dev')).toEqual({
      text: 'Rekor log index 42',
      href: 'https://search.sigstore.dev/?logIndex=42',
    });
    expect(logCell(bundle, 'http://127.0.0.1:9/')).toEqual({
      text: 'Rekor log index 42',
      href: 'http://127.0.0.1:9/api/v1/log/entries?logIndex=42',
    });
  });

  it("names the publish job's indexes as the destination, PyPI's address only as PyPI's", () => {
    // The provenance step cannot read publish's `repository-url` (TestPyPI first in the
    // examples, devpi elsewhere): no host is claimed as the destination.
    const cell = destinationCell('demo-1.0.tar.gz', `0123${'f'.repeat(60)}`);
    expect(cell).toEqual({
      text: "the publish job's indexes (its repository-url); on PyPI, this address",
      href: `https://files.pythonhosted.org/packages/01/23/${'f'.repeat(60)}/demo-1.0.tar.gz`,
    });
    expect(cellText(cell)).not.toMatch(/^files\.pythonhosted\.org/);
  });

  it("gives PyPI's storage path, from the blake2b-256", () => {
    const b2 = `0123${'f'.repeat(60)}`;
    expect(pythonhostedUrl('demo-1.0.tar.gz', b2)).toBe(
      `https://files.pythonhosted.org/packages/01/23/${'f'.repeat(60)}/demo-1.0.tar.gz`,
    );
  });
});
