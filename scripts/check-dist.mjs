// Fails when the committed dist/ differs from a fresh bundle of the sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const fresh = mkdtempSync(join(tmpdir(), 'release-action-dist-'));
try {
  execFileSync(process.execPath, ['scripts/bundle.mjs', fresh], { stdio: 'inherit' });
  const list = (root) =>
    readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => statSync(join(root, name)).isFile())
      .sort();
  const expected = list(fresh);
  const actual = list('dist');
  const differing = [
    ...expected.filter(
      (name) =>
        !actual.includes(name) ||
        !readFileSync(join(fresh, name)).equals(readFileSync(join('dist', name))),
    ),
    ...actual.filter((name) => !expected.includes(name)),
  ];
  if (differing.length > 0) {
    console.error(
      `dist/ is not current: ${differing.join(', ')} differ${differing.length === 1 ? 's' : ''} from a fresh bundle.`,
    );
    console.error('Run `npm run bundle` and commit dist/.');
    process.exit(1);
  }
  console.log(
    `dist/ is current (${expected.length} files, compared with ${relative(process.cwd(), fresh) || fresh}).`,
  );
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
