import { describe, expect, it } from 'vitest';
import { nodeNoProxy, proxyFor, readProxySettings, redact } from '../src/http/proxy.ts';
import { oidcIssuerFor, isEnterpriseServer } from '../src/config/runner-env.ts';

describe('proxy variables, read as the runner reads them', () => {
  it('prefers lowercase, adds http:// to a bare proxy, and never falls back from https to http', () => {
    const settings = readProxySettings({
      https_proxy: 'proxy.corp:3128',
      HTTPS_PROXY: 'http://upper:1',
      HTTP_PROXY: 'http://plain:8080',
    });
    expect(settings.httpsProxy).toBe('http://proxy.corp:3128');
    expect(settings.httpProxy).toBe('http://plain:8080');
    expect(proxyFor('https://api.github.com/x', settings)).toBe('http://proxy.corp:3128');
    const httpOnly = readProxySettings({ http_proxy: 'http://plain:8080' });
    expect(proxyFor('https://api.github.com/', httpOnly)).toBeUndefined();
    expect(proxyFor('http://pypi.test/', httpOnly)).toBe('http://plain:8080');
  });

  it('bypasses no_proxy hosts, their subdomains, host:port entries, * and loopback', () => {
    const settings = readProxySettings({
      https_proxy: 'http://p:3128',
      no_proxy: 'Example.com, .corp.test *.wild.test,pypi.test:8443',
    });
    const via = (url: string) => proxyFor(url, settings);
    expect(via('https://example.com/')).toBeUndefined();
    expect(via('https://api.example.com/')).toBeUndefined();
    expect(via('https://notexample.com/')).toBe('http://p:3128');
    expect(via('https://a.corp.test/')).toBeUndefined();
    expect(via('https://a.wild.test/')).toBeUndefined();
    expect(via('https://pypi.test:8443/')).toBeUndefined();
    expect(via('https://pypi.test/')).toBe('http://p:3128');
    expect(via('https://127.0.0.1:9/')).toBeUndefined();
    expect(via('https://localhost/')).toBeUndefined();
    expect(via('https://[::1]/')).toBeUndefined();
    expect(proxyFor('https://x/', readProxySettings({ https_proxy: 'p:1', no_proxy: '*' }))).toBe(
      undefined,
    );
  });

  it("gives Node's matcher the same decisions", () => {
    const settings = readProxySettings({ https_proxy: 'p:1', no_proxy: 'example.com,a.test:8443' });
    expect(nodeNoProxy(settings).split(',')).toEqual(
      expect.arrayContaining(['localhost', '::1', 'example.com', '.example.com', 'a.test:8443']),
    );
    expect(nodeNoProxy(readProxySettings({ https_proxy: 'p:1', no_proxy: 'x,*' }))).toBe('*');
  });

  it('keeps credentials out of messages', () => {
    expect(redact('http://user:secret@proxy:3128')).toBe('http://***@proxy:3128');
    expect(() => readProxySettings({ https_proxy: 'http://[bad' })).toThrow(/not a URL/);
  });
});

describe('OIDC issuer of the server', () => {
  it('is GitHub’s token service, GHE.com’s own, or the GHES host’s /_services/token', () => {
    expect(oidcIssuerFor('https://github.com')).toBe('https://token.actions.githubusercontent.com');
    expect(oidcIssuerFor('https://octo.ghe.com')).toBe('https://token.actions.octo.ghe.com');
    expect(oidcIssuerFor('https://ghes.example/')).toBe('https://ghes.example/_services/token');
    expect(isEnterpriseServer('https://ghes.example')).toBe(true);
    expect(isEnterpriseServer('https://octo.ghe.com')).toBe(false);
    expect(isEnterpriseServer('https://github.com')).toBe(false);
  });
});
