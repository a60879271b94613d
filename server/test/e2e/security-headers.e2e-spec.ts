import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { PRODUCTION_ENV } from '../support/production-env';

// Shaped like the Taro H5 build's page: two inline scripts (the rem sizing and the first-screen
// check, here with Windows line ends), the bundle, and the app root the first screen goes before.
const REM_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const CHECK_SCRIPT = '\r\n  (function () {\r\n    document.documentElement.lang;\r\n  })();\r\n';
const BUILT_INDEX = `<!doctype html><html lang="zh-CN"><head><title>职称通</title><script>${REM_SCRIPT}</script><script>${CHECK_SCRIPT}</script><script defer="defer" src="/js/app.js"></script></head><body><div id="app"></div></body></html>`;

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

type Headers = Record<string, string | undefined>;

// The policy as a map of directive → sources.
function cspOf(headers: Headers): Map<string, string[]> {
  const header = headers['content-security-policy'];
  if (!header) throw new Error('no Content-Security-Policy');
  return new Map(
    header.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function expectCommonHeaders(headers: Headers): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
  expect(cspOf(headers).get('frame-ancestors')).toEqual(["'none'"]);
}

describe('security headers', () => {
  const h5Dir = mkdtempSync(join(tmpdir(), 'titletrack-headers-'));
  let t: TestApp;

  beforeAll(async () => {
    writeFileSync(join(h5Dir, 'index.html'), BUILT_INDEX);
    mkdirSync(join(h5Dir, 'js'));
    writeFileSync(join(h5Dir, 'js', 'app.js'), 'console.log(1)');
    t = await createTestApp({ H5_DIR: h5Dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('an API answer may load nothing and be framed by nobody', async () => {
    const res = await t.api.get('/api/health').expect(200);
    expectCommonHeaders(res.headers);
    const csp = cspOf(res.headers);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    // Headers that concern documents only are left off a JSON answer.
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['x-dns-prefetch-control']).toBeUndefined();
  });

  it('an error answer carries the same headers', async () => {
    const unknown = await t.api.get('/api/no-such-route').expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expectCommonHeaders(unknown.headers);
    expect(cspOf(unknown.headers).get('default-src')).toEqual(["'none'"]);

    const refused = await t.api.get('/api/me').expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expectCommonHeaders(refused.headers);
  });

  it('the H5 page (GET /, first screen drawn in) runs its own scripts and its two inline ones, by hash', async () => {
    const res = await t.api.get('/').expect(200);
    expect(res.text).toContain('<div id="app"></div>');
    expectCommonHeaders(res.headers);
    const csp = cspOf(res.headers);
    // The browser hashes the script as parsed: line ends already LF.
    expect(csp.get('script-src')).toEqual([
      "'self'",
      sha256(REM_SCRIPT),
      sha256(CHECK_SCRIPT.replace(/\r\n/g, '\n')),
    ]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-dns-prefetch-control']).toBe('off');
    // Not production: no HSTS, and http:// is left alone (a phone on the office LAN).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('the H5 app’s own routes and files get the page’s policy too', async () => {
    const route = await t.api.get('/pages/calendar/index').expect(200);
    expect(cspOf(route.headers).get('script-src')).toContain(sha256(REM_SCRIPT));
    const asset = await t.api.get('/js/app.js').expect(200);
    expectCommonHeaders(asset.headers);
  });

  it('a verify page allows its own stylesheet, by hash, and no script at all', async () => {
    // Compressed, as a phone asks for it: the hash is still over the page's text.
    const res = await t.api
      .get('/verify/not-a-certificate-code')
      .set('accept-encoding', 'gzip')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-encoding']).toBe('gzip');
    expectCommonHeaders(res.headers);
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)?.[1];
    if (style === undefined) throw new Error('the verify page has no stylesheet');
    const csp = cspOf(res.headers);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual([sha256(style)]);
    expect(csp.has('script-src')).toBe(false);
  });

  it('the API docs run their own scripts only', async () => {
    const res = await t.api.get('/api/docs').expect(200);
    expectCommonHeaders(res.headers);
    expect(cspOf(res.headers).get('script-src')).toEqual(["'self'"]);
  });
});

describe('security headers in production', () => {
  it('add HSTS and upgrade insecure requests behind an https origin', async () => {
    const t = await createTestApp({
      ...PRODUCTION_ENV,
      PUBLIC_BASE_URL: 'https://titletrack.example.cn',
    });
    try {
      const api = await t.api.get('/api/health').expect(200);
      expect(api.headers['strict-transport-security']).toBe('max-age=15552000');
      const page = await t.api.get('/verify/not-a-certificate-code').expect(200);
      expect(page.headers['strict-transport-security']).toBe('max-age=15552000');
      expectCommonHeaders(page.headers);
      // The app's page or, without an H5 build, its 404: the page's policy either way.
      const h5 = await t.api.get('/pages/index/index');
      expect(cspOf(h5.headers).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
