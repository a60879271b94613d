import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  H5PolicySource,
  helmetHeaderPairs,
  RESPONSE_KIND,
  cspHash,
  h5Policy,
  inlineScriptHashes,
  inlineStyleHashes,
  responseKindOf,
  verifyPagePolicy,
} from './security-headers';

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('responseKindOf', () => {
  it('tells the API, its docs, the verify pages and the H5 app apart by path, ignoring the query', () => {
    expect(responseKindOf('/api/health')).toBe(RESPONSE_KIND.API);
    expect(responseKindOf('/api')).toBe(RESPONSE_KIND.API);
    expect(responseKindOf('/api/docs')).toBe(RESPONSE_KIND.API_DOCS);
    expect(responseKindOf('/api/docs/swagger-ui-init.js')).toBe(RESPONSE_KIND.API_DOCS);
    expect(responseKindOf('/api/documents')).toBe(RESPONSE_KIND.API);
    expect(responseKindOf('/verify/abc.def')).toBe(RESPONSE_KIND.VERIFY_PAGE);
    expect(responseKindOf('/verify/share/tok?x=1')).toBe(RESPONSE_KIND.VERIFY_PAGE);
    expect(responseKindOf('/')).toBe(RESPONSE_KIND.H5);
    expect(responseKindOf('/?now=2023-08-01')).toBe(RESPONSE_KIND.H5);
    expect(responseKindOf('/apiary')).toBe(RESPONSE_KIND.H5);
    expect(responseKindOf('/verifyx')).toBe(RESPONSE_KIND.H5);
  });
});

describe('cspHash', () => {
  it('hashes the text as the HTML parser hands it over: CR LF and lone CR read as LF', () => {
    expect(cspHash('a\r\nb\rc\n')).toBe(sha256('a\nb\nc\n'));
  });
});

describe('inlineScriptHashes', () => {
  it('hashes inline scripts that run, and skips external scripts and data blocks', () => {
    const html =
      '<script>one()</script><script src="/js/app.js"></script>' +
      '<script type="application/json" id="d">{"a":1}</script>' +
      '<script type="module">two()</script><script type="text/javascript">three()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha256('one()'), sha256('two()'), sha256('three()')]);
  });

  it('finds nothing in a page without inline scripts', () => {
    expect(inlineScriptHashes('<div id="app"></div>')).toEqual([]);
  });
});

describe('inlineStyleHashes', () => {
  it('hashes each inline stylesheet', () => {
    expect(inlineStyleHashes('<style>a{}</style><p></p><style media="x">b{}</style>')).toEqual([
      sha256('a{}'),
      sha256('b{}'),
    ]);
  });
});

describe('verifyPagePolicy', () => {
  it('allows no style at all when the page has none', () => {
    expect(verifyPagePolicy([])).toContain("style-src 'none'");
  });
});

describe(H5PolicySource.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-h5-policy-'));
  const options = { isUpgradingInsecureRequests: false };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('allows no inline script while there is no build', () => {
    const sut = new H5PolicySource(join(dir, 'missing'), options);
    expect(sut.policy(0)).toBe(h5Policy([], options));
  });

  it('follows a rebuild of index.html, looking at the file at most every 2 seconds', () => {
    const file = join(dir, 'index.html');
    writeFileSync(file, '<script>first()</script>');
    const sut = new H5PolicySource(dir, options);
    expect(sut.policy(0)).toContain(sha256('first()'));

    writeFileSync(file, '<script>second()</script>');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(sut.policy(1_000)).toContain(sha256('first()'));
    expect(sut.policy(2_000)).toContain(sha256('second()'));
    expect(sut.policy(2_000)).not.toContain(sha256('first()'));
  });

  it('upgrades insecure requests only when asked', () => {
    expect(h5Policy([], { isUpgradingInsecureRequests: true })).toMatch(
      /; upgrade-insecure-requests$/,
    );
    expect(h5Policy([], options)).not.toContain('upgrade-insecure-requests');
  });
});

describe('helmetHeaderPairs', () => {
  it("takes helmet's headers for the options once, HSTS only when asked", () => {
    const options = {
      contentSecurityPolicy: false,
      referrerPolicy: { policy: 'no-referrer' as const },
    };
    const plain = new Map(helmetHeaderPairs({ ...options, strictTransportSecurity: false }));
    expect(plain.get('x-content-type-options')).toBe('nosniff');
    expect(plain.get('referrer-policy')).toBe('no-referrer');
    expect(plain.has('strict-transport-security')).toBe(false);
    expect(plain.has('content-security-policy')).toBe(false);
    const strict = new Map(
      helmetHeaderPairs({ ...options, strictTransportSecurity: { maxAge: 60 } }),
    );
    expect(strict.get('strict-transport-security')).toBe('max-age=60; includeSubDomains');
  });
});
