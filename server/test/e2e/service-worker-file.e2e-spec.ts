import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const H5_PAGE = '<!DOCTYPE html><title>职称通</title><div id="app"></div>';

describe('the H5 service worker file', () => {
  describe('in a build that has one', () => {
    const h5Dir = mkdtempSync(join(tmpdir(), 'titletrack-h5-sw-'));
    let t: TestApp;
    beforeAll(async () => {
      writeFileSync(join(h5Dir, 'index.html'), H5_PAGE);
      writeFileSync(join(h5Dir, 'sw.js'), 'self.addEventListener("fetch", () => undefined);');
      t = await createTestApp({ H5_DIR: h5Dir });
    });
    afterAll(async () => {
      await t.close();
      rmSync(h5Dir, { recursive: true, force: true });
    });

    it('is served as JavaScript that the browser revalidates on every check', async () => {
      const res = await t.api.get('/sw.js').expect(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('addEventListener');
    });

    it('may be registered by the H5 page: its policy lets same-origin workers run', async () => {
      const res = await t.api.get('/').expect(200);
      expect(res.headers['content-security-policy']).toMatch(/worker-src 'self'/);
    });
  });

  describe('in a build without one', () => {
    const h5Dir = mkdtempSync(join(tmpdir(), 'titletrack-h5-nosw-'));
    let t: TestApp;
    beforeAll(async () => {
      writeFileSync(join(h5Dir, 'index.html'), H5_PAGE);
      t = await createTestApp({ H5_DIR: h5Dir });
    });
    afterAll(async () => {
      await t.close();
      rmSync(h5Dir, { recursive: true, force: true });
    });

    it('answers 404, not the app page the fallback serves for app routes', async () => {
      const res = await t.api.get('/sw.js').expect(404);
      expect(res.text).not.toContain('<div id="app">');
    });
  });
});
