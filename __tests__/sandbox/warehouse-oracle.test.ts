/**
 * The Warehouse stand-in's own readings of PyPI's data, without uploads: License-Expression
 * against packaging 26.2's verdicts, and the Python oracle (classifiers, e-mail addresses,
 * description rendering) in Warehouse's order, failing closed when Python cannot answer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { askOracle, consultOracle, startOracle } from '../../sandbox/warehouse-oracle.ts';
import { Refusal } from '../../sandbox/warehouse-rules.ts';
import { validLicenseExpression } from '../../sandbox/warehouse-spdx.ts';

afterAll(() => startOracle('/usr/bin/python3'));

describe('License-Expression as packaging 26.2 reads it', () => {
  // Each verdict is what packaging 26.2's canonicalize_license_expression gives.
  const accepted = [
    'MIT',
    'mit or (apache-2.0 with llvm-exception) or LicenseRef-Mine',
    'GPL-2.0+',
    '((MIT AND BSD-2-Clause)) OR 0BSD',
    '(MIT) WITH LLVM-exception',
    'MIT WITH LLVM-exception WITH LLVM-exception',
    'LicenseRef-',
    'LicenseRef-x OR LicenseRef-x+',
    'MIT\x1cOR\x1cBSD-2-Clause',
  ];
  const refused = [
    '',
    'MIT OR',
    'MIT WITH',
    'MIT AND AND 0BSD',
    'MIT 0BSD',
    'MIT (Apache-2.0)',
    '()',
    '(MIT',
    'Apache-3.0',
    'MIT WITH Apache-2.0',
    'DocumentRef-x:LicenseRef-y',
    'LicenseRef-a_b',
    // packaging 26.2 fails with a KeyError here (PyPI: an internal error).
    'LicenseRef-x+',
  ];
  it.each(accepted)('accepts %j', (e) => expect(validLicenseExpression(e)).toBe(true));
  it.each(refused)('refuses %j', (e) => expect(validLicenseExpression(e)).toBe(false));
});

describe('the Python oracle', () => {
  it('lists unknown classifiers, then deprecated ones, each sorted, then e-mail errors', async () => {
    const answer = await askOracle({
      classifiers: [
        'Topic :: Communications :: Chat :: AOL Instant Messenger',
        'Programming Language :: Python :: 3.14',
        'Private :: Do Not Upload',
        'Framework :: Django CMS :: 4.2',
        'Programming Language :: Cobol :: 2',
      ],
      'maintainer-email': 'Someone <someone@localhost>',
      'author-email': 'A <a@example.com>, B <b@example>',
    });
    expect(answer.errors).toEqual([
      ['classifier', "'Private :: Do Not Upload' is not a valid classifier."],
      ['classifier', "'Programming Language :: Cobol :: 2' is not a valid classifier."],
      [
        'classifier',
        "The classifier 'Framework :: Django CMS :: 4.2' has been deprecated, use one of ['Framework :: Django CMS :: 5.0'] instead.",
      ],
      [
        'classifier',
        "The classifier 'Topic :: Communications :: Chat :: AOL Instant Messenger' has been deprecated.",
      ],
      [
        'maintainer-email',
        expect.stringMatching(/^'someone@localhost' is not a valid email address: /),
      ],
    ]);
    expect(answer.rendered).toBeUndefined();
  });

  it('renders as PyPI does at upload: reST by default, no fallback', async () => {
    const rst = 'Demo\n====\n\n*unclosed\n';
    expect((await askOracle({ classifiers: [], description: rst })).rendered).toBe(false);
    const markdown = { classifiers: [], description: rst, contentType: 'text/markdown' };
    expect((await askOracle(markdown)).rendered).toBe(true);
    const plain = {
      classifiers: [],
      description: '   \n',
      contentType: 'Text/Plain; charset=UTF-8',
    };
    expect((await askOracle(plain)).rendered).toBe(true);
    expect((await askOracle({ classifiers: [], description: '   \n' })).rendered).toBe(false);
    const accents = { classifiers: [], description: 'Démo ✓\n======\n\nÇa marche.\n' };
    expect((await askOracle(accents)).rendered).toBe(true);
  });

  it('refuses the upload, saying what it could not establish, when Python cannot answer', async () => {
    startOracle('/nonexistent/python3');
    const answer = consultOracle(() => []);
    await expect(answer).rejects.toBeInstanceOf(Refusal);
    await expect(answer).rejects.toThrow(/could not establish PyPI's verdict .*nonexistent/);
  });
});
