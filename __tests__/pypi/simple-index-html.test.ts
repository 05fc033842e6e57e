// The backup index's pages read by Python's own HTML parser (html.parser, which pip's link
// collector is built on): hostile strings from release assets stay attribute values and text,
// never markup.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectPage, rootPage } from '../../src/pypi/simple-index.ts';

const PYTHON = '/usr/bin/python3';
const READ_PAGE = `
import json, sys
from html.parser import HTMLParser

class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.anchors, self.text = [], [], []
        self.current = None
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == 'a':
            self.current = {'attrs': dict(attrs), 'text': ''}
            self.anchors.append(self.current)
    def handle_endtag(self, tag):
        if tag == 'a':
            self.current = None
    def handle_data(self, data):
        if self.current is not None:
            self.current['text'] += data
        elif data.strip():
            self.text.append(data.strip())

reader = Reader()
reader.feed(sys.stdin.read())
reader.close()
print(json.dumps({'tags': reader.tags, 'anchors': reader.anchors, 'text': reader.text}))
`;

interface PageView {
  tags: string[];
  anchors: { attrs: Record<string, string | null>; text: string }[];
  text: string[];
}

const read = (html: string): PageView =>
  JSON.parse(
    execFileSync(PYTHON, ['-c', READ_PAGE], { input: html, encoding: 'utf8' }),
  ) as PageView;

const HOSTILE = `"><script>alert(1)</script><a href='x' onclick="y">&amp;&#x27;`;

describe("the backup index's HTML, as Python's html.parser reads it", () => {
  it('keeps hostile filenames, URLs and Requires-Python values as values', () => {
    const page = projectPage(
      'demo',
      [
        {
          filename: `demo-1.0${HOSTILE}.whl`,
          url: `https://example.test/dl/${HOSTILE}`,
          sha256: 'a'.repeat(64),
          requiresPython: `>=3.9${HOSTILE}`,
          gpgSig: true,
        },
      ],
      [{ filename: `demo.intoto.jsonl${HOSTILE}`, url: `https://example.test/p/${HOSTILE}` }],
    );
    const view = read(page);
    // Only the page's own elements: no script and no anchor smuggled in by a value.
    expect(view.tags).not.toContain('script');
    expect(view.anchors).toHaveLength(2);
    const [file, provenance] = view.anchors;
    expect(file?.attrs).toEqual({
      href: `https://example.test/dl/${HOSTILE}#sha256=${'a'.repeat(64)}`,
      'data-requires-python': `>=3.9${HOSTILE}`,
      'data-gpg-sig': 'true',
    });
    expect(file?.text).toBe(`demo-1.0${HOSTILE}.whl`);
    expect(provenance?.attrs).toEqual({
      href: `https://example.test/p/${HOSTILE}`,
      rel: 'provenance',
    });
    expect(provenance?.text).toBe(`demo.intoto.jsonl${HOSTILE}`);
  });

  it('keeps a hostile project name in the root page as text, and its link inside the index', () => {
    const view = read(rootPage([HOSTILE, 'demo']));
    expect(view.tags).not.toContain('script');
    expect(view.anchors.map((a) => a.text)).toEqual([HOSTILE, 'demo'].sort());
    const hostile = view.anchors.find((a) => a.text === HOSTILE);
    // A relative link one folder down: no scheme, no parent step, no second path segment.
    expect(hostile?.attrs.href).toBe(`${encodeURIComponent(HOSTILE)}/`);
    expect(hostile?.attrs.href).not.toMatch(/^[a-z]+:|\.\.|\/.+\//i);
  });
});
