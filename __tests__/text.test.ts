import { describe, expect, it } from 'vitest';
import { formatBytes, hasControlCharacters, quote } from '../src/core/text.ts';

describe('quote', () => {
  it.each(['a\nb', 'a\r::error::x', 'x\u2028y', 'bidi\u202eevil', 'del\u007f'])(
    'keeps %j on one printable line',
    (value) => {
      const quoted = quote(value);
      expect(quoted).not.toMatch(/[\r\n\u2028\u2029\u202e\u007f]/);
      expect(quoted.startsWith('"')).toBe(true);
    },
  );

  it('shortens very long values', () => {
    expect(quote('a'.repeat(10_000)).length).toBeLessThan(400);
  });

  it('detects control characters', () => {
    expect(hasControlCharacters('ok.whl')).toBe(false);
    expect(hasControlCharacters('bad\n.whl')).toBe(true);
  });

  it('formats sizes', () => {
    expect(formatBytes(17)).toBe('17 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(5_000_000)).toBe('5.0 MB');
  });
});

describe('plainNameProblem', () => {
  it('accepts plain names and refuses what could leave or confuse a folder', async () => {
    const { plainNameProblem } = await import('../src/core/text.ts');
    expect(plainNameProblem('release-dists-build-0123456789ab')).toBeUndefined();
    expect(plainNameProblem('..')).toMatch(/names a folder/);
    expect(plainNameProblem('.')).toMatch(/names a folder/);
    expect(plainNameProblem('a/b')).toMatch(/separator/);
    expect(plainNameProblem('a\\b')).toMatch(/separator/);
    expect(plainNameProblem('a\u202eb')).toMatch(/bidirectional/);
    expect(plainNameProblem('a\u0007b')).toMatch(/control/);
    expect(plainNameProblem('')).toMatch(/empty/);
  });
});
