import { NoticeYearRegistry } from '../../src/modules/calendar/notice-year-registry.service';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('GET /api/calendars', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the years that have a calendar', async () => {
    const res = await t.api.get('/api/calendars').expect(200);
    expect(res.body.items).toEqual([
      {
        year: 2023,
        route: 'prefecture_directed',
        regionCode: '6532',
        title: '和田地区2023年度职称评审（地区“定向评价”）',
      },
    ]);
  });
});

describe('GET /api/calendars/:year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('R3 returns the 2023 prefecture calendar with every §三 step, ordered by deadline', async () => {
    const res = await t.api.get('/api/calendars/2023').expect(200);
    expect(res.body).toMatchObject({
      year: 2023,
      route: 'prefecture_directed',
      region: '和田地区',
      noticeDocumentNumber: '和地职称办〔2023〕1号',
    });
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'application',
      'review',
      'paper_materials',
      'fee',
      'evaluation_meetings',
      'junior_evaluations',
      'qualification_documents',
      'post_filing_and_certificates',
    ]);
    expect(res.body.events[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      kind: 'application',
      title: '网上申报',
      startsAt: '2023-07-19T16:00:00.000Z',
      endsAt: '2023-08-30T16:00:00.000Z',
      section: '三(一)',
      wording: expect.stringContaining('申报截止时间为2023年8月30日'),
      interpretation: null,
    });
    expect(res.body.events[3]).toMatchObject({
      kind: 'fee',
      startsAt: null,
      endsAt: '2023-09-29T16:00:00.000Z',
    });
  });

  it('accepts the route explicitly', async () => {
    await t.api.get('/api/calendars/2023?route=prefecture_directed').expect(200);
  });

  it.each(['abc', '20x', '1999', '2101', '2023.5'])(
    'answers 400 for the non-year %s',
    async (year) => {
      const res = await t.api.get(`/api/calendars/${year}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'year' }] });
    },
  );

  it('answers 400 for an unknown route or an unknown query parameter', async () => {
    await t.api.get('/api/calendars/2023?route=moon').expect(400);
    await t.api.get('/api/calendars/2023?foo=1').expect(400);
  });

  it('answers 404 CALENDAR_NOT_FOUND for a year or route with no calendar', async () => {
    const res = await t.api.get('/api/calendars/2024').expect(404);
    expect(res.body).toEqual({ code: 'CALENDAR_NOT_FOUND', message: 'Calendar not found' });
    await t.api.get('/api/calendars/2023?route=region').expect(404);
  });
});

describe('GET /api/calendars by region and round', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("serves a region's calendar by regionCode, Hotan's by default, with its rules and version", async () => {
    const byDefault = await t.api.get('/api/calendars/2023').expect(200);
    const hotan = await t.api.get('/api/calendars/2023?regionCode=6532').expect(200);
    expect(hotan.body).toEqual(byDefault.body);
    expect(hotan.body).toMatchObject({
      regionCode: '6532',
      version: 1,
      rules: { year: 2023, noticeDocumentNumber: '和地职称办〔2023〕1号' },
    });
    expect(hotan.body.publishedAt).toEqual(expect.any(String));
    await t.api.get('/api/calendars/2023?regionCode=6531').expect(404);
    await t.api.get('/api/calendars/2023/ics?regionCode=6531').expect(404);
  });

  it('answers 400 REGION_UNKNOWN for a region that does not exist', async () => {
    const res = await t.api.get('/api/calendars/2023?regionCode=6599').expect(400);
    expect(res.body.code).toBe('REGION_UNKNOWN');
  });

  it("gives this year's calendar when published", async () => {
    const res = await t.api.get('/api/calendars/round?regionCode=6532&year=2023').expect(200);
    expect(res.body).toMatchObject({
      regionCode: '6532',
      regionName: '和田地区',
      year: 2023,
      route: 'prefecture_directed',
      isPublished: true,
      calendar: { year: 2023, regionCode: '6532' },
      previous: null,
    });
  });

  it('gives the latest published year before it when this year is not out', async () => {
    const res = await t.api.get('/api/calendars/round?regionCode=6532&year=2025').expect(200);
    expect(res.body).toMatchObject({
      year: 2025,
      isPublished: false,
      calendar: null,
      previous: { year: 2023, regionCode: '6532' },
    });
  });

  it('gives nothing for a region or route with no published calendar', async () => {
    const region = await t.api.get('/api/calendars/round?regionCode=6531&year=2025').expect(200);
    expect(region.body).toMatchObject({ isPublished: false, calendar: null, previous: null });
    const route = await t.api
      .get('/api/calendars/round?regionCode=6532&year=2025&route=region')
      .expect(200);
    expect(route.body).toMatchObject({ route: 'region', previous: null });
  });

  it('answers 400 for an unknown region or a missing year', async () => {
    const unknown = await t.api.get('/api/calendars/round?regionCode=6599&year=2025').expect(400);
    expect(unknown.body.code).toBe('REGION_UNKNOWN');
    const missing = await t.api.get('/api/calendars/round?regionCode=6532').expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
  });

  it('hides a calendar that is not published', async () => {
    await t.dataSource.query(
      "UPDATE calendar_year SET state = 'withdrawn' WHERE regionCode = '6532' AND year = 2023",
    );
    // What the office's withdrawal does after its commit on this instance.
    await t.app.get(NoticeYearRegistry).refresh();
    try {
      await t.api.get('/api/calendars/2023').expect(404);
      expect((await t.api.get('/api/calendars').expect(200)).body.items).toEqual([]);
    } finally {
      await t.dataSource.query(
        "UPDATE calendar_year SET state = 'published' WHERE regionCode = '6532' AND year = 2023",
      );
      await t.app.get(NoticeYearRegistry).refresh();
    }
  });
});
