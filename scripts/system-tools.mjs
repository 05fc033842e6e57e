// The system tools the tests check our output with: real Python-side clients (twine, pip and the
// build backends), GnuPG and coreutils' digests. Checked without any package manager call; on a
// Debian or Ubuntu machine run as root, installed with apt-get; anywhere else, the command is
// printed and the test run stops before it starts.
//
// Also a command, so that CI installs the very same list:
//   sudo "$(command -v node)" scripts/system-tools.mjs install
// installs what is missing and, when the kernel forbids users to make user namespaces (Ubuntu
// 24.04's AppArmor default), allows them, so the proxy test runs as a normal user;
//   node scripts/system-tools.mjs print
// prints the apt-get command line for every package the tests use.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Every Debian package the tests use, each once. */
export const PACKAGES = [...new Set(TOOLS.map(([, , pkg]) => pkg))];

const aptCommand = (packages) =>
  `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;

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
  const command = aptCommand(packages);
  return [
    `The tests check the action's output with real clients, and these are missing: ${names}.`,
    process.platform === 'linux' && onPath('apt-get')
      ? 'Install them with:'
      : 'They are the Debian packages below, at /usr/bin: run the tests on Debian or Ubuntu (a container will do), where this installs them:',
    `  ${command}`,
  ].join('\n');
}

/** [sysctl setting, the value that forbids user namespaces to users, the value that allows] */
const USERNS_SETTINGS = [
  ['kernel.apparmor_restrict_unprivileged_userns', '1', '0'],
  ['kernel.unprivileged_userns_clone', '0', '1'],
  ['user.max_user_namespaces', '0', '1024'],
];

/** The settings (`key=value`) that would let a user make user namespaces, read from /proc/sys. */
function userNamespaceFixes() {
  return USERNS_SETTINGS.filter(([key, forbids]) => {
    try {
      return readFileSync(`/proc/sys/${key.replace(/\./g, '/')}`, 'utf8').trim() === forbids;
    } catch {
      return false;
    }
  }).map(([key, , allows]) => `${key}=${allows}`);
}

/**
 * The proxy test (`__tests__/helpers/proxy-world.ts`) gives tinyproxy an /etc/hosts of its own
 * in a mount namespace; a user who is not root makes it inside a user namespace
 * (`unshare --map-root-user`). Undefined when that works (or runs as root, or off Linux), else
 * what stops it and the one command that fixes it.
 */
export function userNamespaceProblem() {
  if (process.platform !== 'linux' || process.getuid?.() === 0 || !onPath('unshare')) return;
  const probe = spawnSync(
    'unshare',
    ['--map-root-user', '--mount', 'mount', '--bind', '/etc/hosts', '/etc/hosts'],
    { encoding: 'utf8' },
  );
  if (probe.status === 0) return undefined;
  const fixes = userNamespaceFixes();
  return [
    `The proxy test runs tinyproxy in a mount namespace of its own, which a user who is not root makes inside a user namespace, and this kernel refuses it (unshare --map-root-user --mount: ${(probe.stderr || probe.error?.message || '').trim()}).`,
    fixes.length > 0
      ? `Allow user namespaces with:\n  sudo sysctl -w ${fixes.join(' ')}`
      : 'Run the tests as root, or allow user namespaces for users (see user_namespaces(7)).',
  ].join('\n');
}

// As a command: `install` (as root) installs what is missing and allows user namespaces;
// `print` prints the apt-get line for every package.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode === 'print') {
    console.log(aptCommand(PACKAGES));
  } else if (mode === 'install') {
    const unmet = ensureSystemTools();
    if (unmet) {
      console.error(unmet);
      process.exit(1);
    }
    const fixes = process.platform === 'linux' ? userNamespaceFixes() : [];
    if (fixes.length > 0) {
      console.log(`Allowing user namespaces for users (the proxy test): ${fixes.join(' ')}`);
      if (spawnSync('sysctl', ['-w', ...fixes], { stdio: 'inherit' }).status !== 0) process.exit(1);
    }
  } else {
    console.error('Usage: node scripts/system-tools.mjs install | print');
    process.exit(2);
  }
}
