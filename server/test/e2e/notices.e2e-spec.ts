import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('notices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/notices lists the seeded 2023 Hotan notice without its body', async () => {
    const res = await t.api.get('/api/notices').expect(200);
    const notice = res.body.items.find(
      (item: { documentNumber: string }) => item.documentNumber === '和地职称办〔2023〕1号',
    );
    expect(notice).toEqual({
      id: expect.stringMatching(/^[1-9]\d*$/),
      documentNumber: '和地职称办〔2023〕1号',
      title: '关于开展和田地区各系列（专业）2023年度职称评审工作的通知',
      issuer: '和田地区专业技术人员职称办公室',
      publishedOn: '2023-07-12',
      year: 2023,
    });
  });

  it('GET /api/notices/:id returns the verbatim text', async () => {
    const list = await t.api.get('/api/notices').expect(200);
    const id = list.body.items[0].id as string;
    const res = await t.api.get(`/api/notices/${id}`).expect(200);
    expect(res.body.id).toBe(id);
    expect(res.body.body).toContain('申报截止时间为2023年8月30日');
    expect(res.body.body).toContain('联系人：付永超');
  });

  it('answers 404 NOTICE_NOT_FOUND with a JSON body for an unknown id', async () => {
    const res = await t.api.get('/api/notices/999999').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ code: 'NOTICE_NOT_FOUND', message: 'Notice not found' });
  });

  it.each(['abc', '0', '-1', '1.5', '12345678901'])(
    'answers 400 for the malformed id %s',
    async (id) => {
      const res = await t.api.get(`/api/notices/${id}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id' }] });
    },
  );

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.api.get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Route not found' });
  });
});
