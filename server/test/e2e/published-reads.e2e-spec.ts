import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PUBLIC_FRESHNESS_MS } from '../../src/modules/calendar/notice-year-registry.service';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const PUBLIC_READS = ['/api/calendars/2023', '/api/notices', '/api/calendars'];

// Two instances on one database (a SQLite file here, the pass's MariaDB there), as production
// runs several behind one load balancer.
describe('published reads: from memory, conditional, fresh across instances', () => {
  let directory: string | null = null;
  let one: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    const env: Record<string, string> = {};
    if (!isMysql()) {
      directory = mkdtempSync(join(tmpdir(), 'titletrack-published-reads-'));
      env.DATABASE_URL = `sqlite:${join(directory, 'titletrack.sqlite')}`;
    }
    one = await createTestApp(env);
    other = await createTestApp(env);
  });
  afterAll(async () => {
    await one.close();
    await other.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it.each(PUBLIC_READS)(
    '%s: an ETag, 304 for it, gzip for a browser that takes it',
    async (path) => {
      const first = await one.api.get(path).set('Accept-Encoding', 'identity').expect(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');

      const notModified = await one.api.get(path).set('If-None-Match', etag).expect(304);
      expect(notModified.text ?? '').toBe('');
      expect(notModified.headers.etag).toBe(etag);
      // Weak comparison (the tag without its W/), and a list of tags, as proxies send them.
      await one.api
        .get(path)
        .set('If-None-Match', `"other", ${etag.slice(2)}`)
        .expect(304);
      await one.api.get(path).set('If-None-Match', '"other"').expect(200);

      // superagent inflates the body; the header says it came gzipped.
      const zipped = await one.api.get(path).set('Accept-Encoding', 'gzip, deflate').expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body).toEqual(first.body);
      // Every instance tags the same answer alike.
      expect((await other.api.get(path).expect(200)).headers.etag).toBe(etag);
    },
  );

  it('answers a bad parameter with its code and caches nothing for it', async () => {
    const bad = await one.api.get('/api/calendars/20x3').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.headers.etag).toBeUndefined();
    const unknown = await one.api.get('/api/calendars/2023?regionCode=9999').expect(400);
    expect(unknown.body.code).toBe('REGION_UNKNOWN');
    await one.api.get('/api/calendars/2019').expect(404);
  });

  it("shows another instance's change within a second, and a stale ETag then gets the new answer", async () => {
    const before = await one.api.get('/api/notices').expect(200);
    const [calendar] = await other.dataSource.query(
      "SELECT id, title, version FROM calendar_year WHERE regionCode = '6532' AND year = 2023 AND state = 'published'",
    );
    const [notice] = await other.dataSource.query(
      'SELECT title FROM notice WHERE calendarYearId = ?',
      [calendar.id],
    );
    const renamed = `${String(calendar.title)}（更正）`;
    try {
      // What a correction on the other instance writes: the row, its notice, a new version.
      await other.unitOfWork.write(async (manager) => {
        await manager.query('UPDATE calendar_year SET title = ?, version = ? WHERE id = ?', [
          renamed,
          Number(calendar.version) + 1,
          calendar.id,
        ]);
        await manager.query('UPDATE notice SET title = ? WHERE calendarYearId = ?', [
          renamed,
          calendar.id,
        ]);
      });
      await new Promise((resolve) => setTimeout(resolve, PUBLIC_FRESHNESS_MS + 200));
      const after = await one.api
        .get('/api/notices')
        .set('If-None-Match', String(before.headers.etag))
        .expect(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.body.items.map((item: { title: string }) => item.title)).toContain(renamed);
      const year = await one.api.get('/api/calendars/2023').expect(200);
      expect(year.body.title).toBe(renamed);
    } finally {
      await other.unitOfWork.write(async (manager) => {
        await manager.query('UPDATE calendar_year SET title = ?, version = ? WHERE id = ?', [
          calendar.title,
          calendar.version,
          calendar.id,
        ]);
        await manager.query('UPDATE notice SET title = ? WHERE calendarYearId = ?', [
          notice.title,
          calendar.id,
        ]);
      });
    }
  });
});
