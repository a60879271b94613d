import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the UI at /api/docs and the JSON at /api/docs/openapi.json', async () => {
    const ui = await t.api.get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
    const json = await t.api.get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/notices',
        '/api/notices/{id}',
        '/api/calendars',
        '/api/calendars/{year}',
      ]),
    );
  });

  it('matches docs/openapi.json (run `npm run openapi` after changing the API)', async () => {
    const served = (await t.api.get('/api/docs/openapi.json').expect(200)).body;
    const committed = JSON.parse(
      readFileSync(resolve(__dirname, '../../../docs/openapi.json'), 'utf8'),
    );
    expect(served).toEqual(committed);
  });
});
