import { gunzipSync } from 'node:zlib';

import { acceptsGzip, cachedBody, cachedJson, matchesIfNoneMatch } from './cached-body';

describe('cached bodies', () => {
  it('tags the same content alike, whoever makes it, and different content differently', () => {
    const one = cachedJson({ items: [1, 2] });
    expect(one.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(cachedJson({ items: [1, 2] }).etag).toBe(one.etag);
    expect(cachedJson({ items: [2, 1] }).etag).not.toBe(one.etag);
    expect(gunzipSync(one.gzip).toString('utf8')).toBe('{"items":[1,2]}');
    expect(cachedBody('<p>和田</p>', 'text/html; charset=utf-8').body.toString('utf8')).toBe(
      '<p>和田</p>',
    );
  });

  it('compares If-None-Match weakly, in lists and with *', () => {
    const { etag } = cachedJson({ a: 1 });
    const opaque = etag.slice(2);
    expect(matchesIfNoneMatch(etag, etag)).toBe(true);
    expect(matchesIfNoneMatch(opaque, etag)).toBe(true);
    expect(matchesIfNoneMatch(`"x", ${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch('"x"', etag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
  });

  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['deflate', false],
    [undefined, false],
  ])('Accept-Encoding %p takes gzip: %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
