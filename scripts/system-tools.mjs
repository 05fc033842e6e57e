// The system tools the tests check our output with: real Python-side clients (twine, pip and the
// build backends), GnuPG and coreutils' digests. Checked without any package manager call; on a
// Debian or Ubuntu machine run as root, installed with apt-get; anywhere else, the command is
// printed and the test run stops before it starts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const PYTHON = '/usr/bin/python3';

/** [what the tests use, how to find it, the Debian package that provides it] */
const TOOLS = [
  ['/usr/bin/python3', { file: PYTHON }, 'python3'],
  ['twine', { file: '/usr/bin/twine' }, 'twine'],
  ['pip', { module: 'pip' }, 'python3-pip'],
  ['build', { module: 'build' }, 'python3-build'],
  ['hatchling', { module: 'hatchling' }, 'python3-hatchling'],
  ['flit', { module: 'flit' }, 'flit'],
  ['setuptools', { module: 'setuptools' }, 'python3-setuptools'],
  ['wheel', { module: 'wheel' }, 'python3-wheel'],
  ['packaging', { module: 'packaging' }, 'python3-packaging'],
  ['gpg', { command: 'gpg' }, 'gnupg'],
  ['sha256sum', { command: 'sha256sum' }, 'coreutils'],
  ['b2sum', { command: 'b2sum' }, 'coreutils'],
  ['/usr/bin/time', { file: '/usr/bin/time' }, 'time'],
  ['readme_renderer', { module: 'readme_renderer' }, 'python3-readme-renderer'],
  ['trove_classifiers', { module: 'trove_classifiers' }, 'python3-trove-classifiers'],
  ['email_validator', { module: 'email_validator' }, 'python3-email-validator'],
  ['tinyproxy', { file: '/usr/bin/tinyproxy' }, 'tinyproxy'],
  ['openssl', { command: 'openssl' }, 'openssl'],
  ['curl', { command: 'curl' }, 'curl'],
  ['unshare', { command: 'unshare' }, 'util-linux'],
];

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (command) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, command)));

/** The Python modules /usr/bin/python3 cannot find, in one interpreter start (no imports). */
function missingModules(modules) {
  if (!executable(PYTHON)) return modules;
  const script =
    'import importlib.util as u, sys\nprint(" ".join(m for m in sys.argv[1:] if u.find_spec(m) is None))';
  const { status, stdout } = spawnSync(PYTHON, ['-c', script, ...modules], { encoding: 'utf8' });
  return status === 0 ? stdout.split(/\s+/).filter(Boolean) : modules;
}

/** The tools that are missing, as [name, package] pairs. */
export function missingTools() {
  const modules = TOOLS.filter(([, how]) => how.module).map(([, how]) => how.module);
  const absentModules = new Set(missingModules(modules));
  return TOOLS.filter(([, how]) => {
    if (how.file) return !executable(how.file);
    if (how.command) return !onPath(how.command);
    return absentModules.has(how.module);
  }).map(([name, , pkg]) => [name, pkg]);
}

const aptGet = (args) =>
  spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

/**
 * Makes sure every tool is there: installs the missing ones with apt-get when it can (root on
 * a machine with apt), else returns the one command that installs them. Undefined when done.
 */
export function ensureSystemTools() {
  const missing = missingTools();
  if (missing.length === 0) return undefined;
  const packages = [...new Set(missing.map(([, pkg]) => pkg))];
  const names = missing.map(([name]) => name).join(', ');
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
  if (canInstall) {
    console.log(`Installing the system tools the tests use (${names}): ${packages.join(' ')}`);
    if (
      aptGet(['update', '-qq']) &&
      aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages])
    ) {
      const still = missingTools();
      if (still.length === 0) return undefined;
      return `apt-get installed ${packages.join(' ')}, but these are still missing: ${still.map(([n]) => n).join(', ')}.`;
    }
  }
  const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  return [
    `The tests check the action's output with real clients, and these are missing: ${names}.`,
    process.platform === 'linux' && onPath('apt-get')
      ? 'Install them with:'
      : 'They are the Debian packages below, at /usr/bin: run the tests on Debian or Ubuntu (a container will do), where this installs them:',
    `  ${command}`,
  ].join('\n');
}
