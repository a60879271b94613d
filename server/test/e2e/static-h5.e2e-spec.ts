import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('serving the H5 build', () => {
  const h5Dir = mkdtempSync(join(tmpdir(), 'titletrack-h5-'));
  let t: TestApp;
  beforeAll(async () => {
    writeFileSync(
      join(h5Dir, 'index.html'),
      '<!DOCTYPE html><title>职称通</title><div id="app"></div>',
    );
    mkdirSync(join(h5Dir, 'js'));
    writeFileSync(join(h5Dir, 'js', 'app.js'), 'console.log(1)');
    writeFileSync(
      join(h5Dir, 'js', 'big.js'),
      `const notices = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `和田地区通知 ${i}`))};`,
    );
    t = await createTestApp({ H5_DIR: h5Dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5Dir, { recursive: true, force: true });
  });

  it('serves index.html at /', async () => {
    const res = await t.api.get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<div id="app">');
  });

  it('serves assets with their type', async () => {
    const res = await t.api.get('/js/app.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('sends the bundle gzipped to browsers that accept it, as weak phone links need', async () => {
    const res = await t.api.get('/js/big.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('和田地区通知 499');
    const plain = await t.api.get('/js/big.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('falls back to index.html for app routes (SPA)', async () => {
    const res = await t.api.get('/pages/notice/index').expect(200);
    expect(res.text).toContain('<div id="app">');
  });

  it('keeps unknown API routes as JSON 404s', async () => {
    const res = await t.api.get('/api/pages/notice').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Route not found' });
  });
});
