import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports the database reachable, its type and the version', async () => {
    const res = await t.api.get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      version: t.config.version,
      environment: 'test',
      database: { type: isMysql() ? 'mysql' : 'sqlite', isReachable: true },
      isClockOverrideAllowed: true,
    });
  });

  it('answers 503 degraded when the database is gone', async () => {
    const other = await createTestApp();
    await other.dataSource.destroy();
    const res = await other.api.get('/api/health').expect(503);
    expect(res.body).toMatchObject({ status: 'degraded', database: { isReachable: false } });
    await other.app.close().catch(() => undefined);
  });
});
