/**
 * A network where only a real forward proxy reaches the services: Debian's tinyproxy runs in
 * a mount namespace of its own whose /etc/hosts maps test names (`api.github.test`, ...) to
 * 127.0.0.1, so those names resolve for the proxy and for nothing else on the machine. A user
 * who is not root gets that namespace inside a user namespace of their own (`unshare
 * --map-root-user`), so no root is needed; `scripts/system-tools.mjs` checks before the run that
 * the kernel allows it. A TLS
 * front-end, with a certificate from a throwaway CA (given to the action through
 * NODE_EXTRA_CA_CERTS), serves the loopback stand-ins under those names. A request that
 * reached a stand-in by its name therefore went through the proxy; the proxy's log and the
 * front-end's connection count say how many did.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ProxyWorld {
  /** `http://127.0.0.1:PORT`, the proxy. */
  proxyUrl: string;
  /** The test CA's PEM file, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** `https://NAME:PORT` for a routed name. */
  origin(name: string): string;
  /** Requests the front-end served, per name. */
  requests: Map<string, number>;
  /** TLS connections the front-end accepted. */
  connections(): number;
  /** Requests tinyproxy logged (CONNECT or plain), per host name. */
  proxied(): Promise<Map<string, number>>;
  /** tinyproxy's log. */
  log(): Promise<string>;
  close(): Promise<void>;
}

/** `routes`: test name → the stand-in's `http://127.0.0.1:PORT` origin. */
export async function startProxyWorld(routes: Record<string, string>): Promise<ProxyWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'proxy-world-'));
  const names = Object.keys(routes);
  const caFile = join(dir, 'ca.pem');
  const { key, cert } = await makeCertificates(dir, names);
  const requests = new Map<string, number>();
  let connections = 0;
  const frontEnd: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const target = routes[host];
    if (!target) {
      res.writeHead(421).end(`no route for ${host}`);
      return;
    }
    requests.set(host, (requests.get(host) ?? 0) + 1);
    const upstream = httpRequest(
      new URL(req.url ?? '/', target),
      {
        method: req.method,
        headers: {
          ...req.headers,
          host: new URL(target).host,
          'x-forwarded-host': req.headers.host ?? host,
          'x-forwarded-proto': 'https',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.destroy(error));
    req.pipe(upstream);
  });
  frontEnd.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => frontEnd.listen(0, '127.0.0.1', resolve));
  const port = (frontEnd.address() as AddressInfo).port;

  const proxyPort = await freePort();
  const log = join(dir, 'tinyproxy.log');
  await writeFile(join(dir, 'hosts'), `127.0.0.1 localhost\n127.0.0.1 ${names.join(' ')}\n`);
  await writeFile(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${proxyPort}`,
      'Listen 127.0.0.1',
      'Timeout 120',
      'MaxClients 100',
      'LogLevel Connect',
      `LogFile "${log}"`,
      '',
    ].join('\n'),
  );
  // The names resolve only inside the proxy's own mount namespace.
  const asRoot = process.getuid?.() === 0;
  const proxy: ChildProcess = spawn(
    'unshare',
    [
      ...(asRoot ? [] : ['--map-root-user']),
      '--mount',
      'sh',
      '-c',
      `mount --bind "${dir}/hosts" /etc/hosts && exec tinyproxy -d -c "${dir}/tinyproxy.conf"`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  proxy.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(
    proxyPort,
    () => proxy.exitCode,
    () => stderr,
  );

  return {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    caFile,
    origin: (name) => `https://${name}:${port}`,
    requests,
    connections: () => connections,
    log: () => readFile(log, 'utf8').catch(() => ''),
    async proxied() {
      const text = await readFile(log, 'utf8').catch(() => '');
      const counts = new Map<string, number>();
      const request =
        /Request \(file descriptor \d+\): (?:CONNECT ([^: ]+):\d+|[A-Z]+ \w+:\/\/([^:/ ]+))/g;
      for (const match of text.matchAll(request)) {
        const host = match[1] ?? match[2] ?? '';
        counts.set(host, (counts.get(host) ?? 0) + 1);
      }
      return counts;
    },
    async close() {
      proxy.kill();
      await new Promise<void>((resolve) => frontEnd.close(() => resolve()));
      frontEnd.closeAllConnections();
      await rm(dir, { recursive: true, force: true });
    },
  };

  async function makeCertificates(
    at: string,
    hosts: string[],
  ): Promise<{ key: string; cert: string }> {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    await run('openssl', [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      join(at, 'ca.key'),
      '-out',
      caFile,
      '-subj',
      '/CN=release-action test CA',
      '-days',
      '2',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]);
    await run('openssl', [
      'req',
      ...ec,
      '-keyout',
      join(at, 'server.key'),
      '-out',
      join(at, 'server.csr'),
      '-subj',
      `/CN=${hosts[0]}`,
    ]);
    await writeFile(
      join(at, 'ext.cnf'),
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}\nextendedKeyUsage=serverAuth\n`,
    );
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      join(at, 'server.csr'),
      '-CA',
      caFile,
      '-CAkey',
      join(at, 'ca.key'),
      '-CAcreateserial',
      '-out',
      join(at, 'server.pem'),
      '-days',
      '2',
      '-extfile',
      join(at, 'ext.cnf'),
    ]);
    return {
      key: await readFile(join(at, 'server.key'), 'utf8'),
      cert: await readFile(join(at, 'server.pem'), 'utf8'),
    };
  }
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(
  port: number,
  exited: () => number | null,
  stderr: () => string,
): Promise<void> {
  const { connect } = await import('node:net');
  for (let i = 0; i < 100; i++) {
    if (exited() !== null) throw new Error(`tinyproxy did not start: ${stderr()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`tinyproxy did not listen on ${port}: ${stderr()}`);
}
