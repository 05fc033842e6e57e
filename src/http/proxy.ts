/**
 * The runner's proxy variables, applied once to every request the process makes. Self-hosted
 * runners behind a proxy set `https_proxy`/`http_proxy`/`no_proxy` (either case); Node 24 reads
 * none of them by itself (only with NODE_USE_ENV_PROXY=1 at start-up). Installing the proxy
 * at start-up covers, in one place, Node's `fetch` (Octokit, OIDC, artifact listing,
 * attestations, trusted publishing, Sigstore, TUF) and the `node:http(s)` global agents (the
 * PyPI upload). `@actions/artifact` reads the variables itself, the same way.
 *
 * The variables are read as the runner and `@actions/http-client` read them: lowercase wins,
 * https URLs use only `https_proxy` (no fallback to `http_proxy`), `no_proxy` entries match a
 * host and its subdomains (`example.com`, `.example.com`, `*.example.com`), `host:port`, or `*`,
 * and loopback is never proxied (a proxy cannot reach the runner's own loopback).
 */
import * as http from 'node:http';
import { EnvironmentError } from '../core/errors.ts';

/** What the environment asks for; undefined fields mean "direct". */
export interface ProxySettings {
  httpsProxy: string | undefined;
  httpProxy: string | undefined;
  /** The entries of no_proxy, lowercased, without empty ones. */
  noProxy: string[];
}

/** Reads the proxy variables as the runner does (lowercase first). */
export function readProxySettings(env: NodeJS.ProcessEnv = process.env): ProxySettings {
  const pick = (name: string): string | undefined =>
    (env[name] ?? env[name.toUpperCase()] ?? '').trim() || undefined;
  return {
    httpsProxy: withScheme(pick('https_proxy')),
    httpProxy: withScheme(pick('http_proxy')),
    noProxy: (pick('no_proxy') ?? '')
      .split(/[\s,]+/)
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  };
}

/** A proxy written without a scheme (`proxy.corp:3128`) means plain HTTP, as in http-client. */
function withScheme(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    new URL(url);
  } catch {
    throw new EnvironmentError(
      `The proxy variable holds ${JSON.stringify(redact(url))}, which is not a URL.`,
      {
        subject: 'https_proxy',
        hint: 'Set https_proxy/http_proxy to the proxy URL, e.g. http://proxy.corp.example:3128.',
      },
    );
  }
  return url;
}

// fetch (undici) matches names only, the http agents take the range too.
const LOOPBACK = ['localhost', '127.0.0.1', '127.0.0.0-127.255.255.255', '::1', '[::1]'];

/**
 * The `NO_PROXY` value that makes Node's matcher decide as the runner does: every bare entry
 * also covers its subdomains, and loopback always goes direct.
 */
export function nodeNoProxy(settings: ProxySettings): string {
  const entries = new Set<string>(LOOPBACK);
  for (const entry of settings.noProxy) {
    if (entry === '*') return '*';
    const bare = entry.replace(/^\*?\./, '');
    entries.add(bare);
    // Node's matcher takes `.suffix` for subdomains; with a port it keeps the entry as given.
    if (!/:\d+$/.test(bare)) entries.add(`.${bare}`);
  }
  return [...entries].join(',');
}

/** Whether a request to `url` goes through the proxy under `settings` (the rules above). */
export function proxyFor(url: string | URL, settings: ProxySettings): string | undefined {
  const target = new URL(url);
  const proxy = target.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (!proxy) return undefined;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) return undefined;
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const entry of settings.noProxy) {
    if (entry === '*') return undefined;
    const [name = '', entryPort] = entry.replace(/^\*?\./, '').split(/:(?=\d+$)/);
    if (entryPort && entryPort !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return undefined;
  }
  return proxy;
}

/** `http://user:secret@proxy:3128` without the credentials, for messages. */
export function redact(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username || url.password) {
      url.username = '***';
      url.password = '';
    }
    return url.href.replace(/\/$/, '');
  } catch {
    return '(unparseable)';
  }
}

/**
 * Routes every later `fetch` and `node:http(s)` request of this process through the proxy the
 * environment names. Returns a line for the log, or undefined when no proxy is set. Fails
 * closed on a Node without `http.setGlobalProxyFromEnv` (before 24.14) unless Node was started
 * with NODE_USE_ENV_PROXY=1, which does the same by itself.
 */
export function installProxy(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const settings = readProxySettings(env);
  if (!settings.httpsProxy && !settings.httpProxy) return undefined;
  const proxyEnv: http.ProxyEnv = { NO_PROXY: nodeNoProxy(settings) };
  if (settings.httpsProxy) proxyEnv.HTTPS_PROXY = settings.httpsProxy;
  if (settings.httpProxy) proxyEnv.HTTP_PROXY = settings.httpProxy;
  const setGlobal = (http as { setGlobalProxyFromEnv?: typeof http.setGlobalProxyFromEnv })
    .setGlobalProxyFromEnv;
  if (typeof setGlobal !== 'function') {
    if (env.NODE_USE_ENV_PROXY === '1') return describe(settings, 'NODE_USE_ENV_PROXY');
    throw new EnvironmentError(
      `A proxy is set (${redact(settings.httpsProxy ?? settings.httpProxy ?? '')}) but Node ${process.version} cannot route every request through it.`,
      {
        subject: 'https_proxy',
        hint: 'Use a runner whose node24 is 24.14 or newer, or set NODE_USE_ENV_PROXY=1 in the job environment.',
      },
    );
  }
  setGlobal(proxyEnv);
  return describe(settings, 'proxy');
}

function describe(settings: ProxySettings, how: string): string {
  const parts = [
    settings.httpsProxy ? `https through ${redact(settings.httpsProxy)}` : 'https direct',
    settings.httpProxy ? `http through ${redact(settings.httpProxy)}` : 'http direct',
  ];
  const bypass = settings.noProxy.length > 0 ? settings.noProxy.join(',') : 'none';
  return `Proxy (${how}): ${parts.join(', ')}; no_proxy: ${bypass}; loopback direct.`;
}
