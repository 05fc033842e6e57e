/** Which secret key `release-action sign` checks existing signatures with, read from gpg's colons. */
import { describe, expect, it } from 'vitest';
import { firstSigningKey } from '../../src/provenance/local-gpg.ts';

const EXPIRED = 'A'.repeat(40);
const ENCRYPT_ONLY = 'B'.repeat(40);
const SIGNING = 'C'.repeat(40);
const SUBKEY = 'D'.repeat(40);

// As `gpg --with-colons --list-secret-keys` prints them (GnuPG 2.2): sec, fpr, grp, uid, ssb…
const colons = [
  `sec:e:255:22:${EXPIRED.slice(24)}:1700000000:1710000000::u:::scSC:::+:::23::0:`,
  `fpr:::::::::${EXPIRED}:`,
  `uid:e::::1700000000::0000::Old <old@example.com>::::::::::0:`,
  `sec:u:255:22:${ENCRYPT_ONLY.slice(24)}:1700000000:::u:::cE:::+:::23::0:`,
  `fpr:::::::::${ENCRYPT_ONLY}:`,
  `ssb:u:255:18:${SIGNING.slice(24)}:1700000000::::::e:::+:::23:`,
  `fpr:::::::::${SIGNING}:`,
  `sec:u:255:22:${SIGNING.slice(24)}:1700000000:::u:::scESC:::+:::23::0:`,
  `fpr:::::::::${SIGNING.toLowerCase()}:`,
  `grp:::::::::${'0'.repeat(40)}:`,
  `ssb:u:255:18:${SUBKEY.slice(24)}:1700000000::::::s:::+:::23:`,
  `fpr:::::::::${SUBKEY}:`,
  '',
].join('\n');

describe('firstSigningKey', () => {
  it("is the first primary key that can sign, as gpg's default key is", () => {
    expect(firstSigningKey(colons)).toBe(SIGNING);
  });

  it('never answers with a subkey or an unusable key', () => {
    expect(firstSigningKey(colons.split('sec:u:255:22:' + SIGNING.slice(24))[0] ?? '')).toBe(
      undefined,
    );
    expect(firstSigningKey('')).toBe(undefined);
  });
});
