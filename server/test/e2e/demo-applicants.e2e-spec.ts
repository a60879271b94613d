import { PRODUCTION_ENV } from '../support/production-env';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

// Development (`npm start`) seeds one demo applicant per main state; "try as a demo applicant"
// signs in as one of them. The MariaDB pass shares one database between files, so the demo rows
// are removed again at the end.
describe('demo applicants, progress and calendar files (development)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ APP_ENV: 'development' });
  });
  afterAll(async () => {
    await t.dataSource.query("DELETE FROM certificate WHERE certificateNo LIKE 'DEMO-%'");
    await t.dataSource.query("DELETE FROM application WHERE applicationNo LIKE 'DEMO-%'");
    await t.close();
  });

  it('signs in as the returned demo applicant, bound to its application, with a demo moment', async () => {
    const res = await t.api.post('/api/auth/demo').send({ persona: 'returned' }).expect(200);
    expect(res.body).toMatchObject({
      principal: { kind: 'applicant' },
      demoNow: '2023-08-20T06:00:00.000Z',
    });
    const mine = await t.api
      .get('/api/me/applications')
      .set('Authorization', `Bearer ${res.body.token}`)
      .expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id: res.body.applicationId,
        applicationNo: 'DEMO-2023-0002',
        status: 'returned',
        idCardNumberMasked: '653221********1510',
      }),
    ]);
  });

  it('answers the progress in the shape the shared rules read, with the history oldest first', async () => {
    const session = (await t.api.post('/api/auth/demo').send({ persona: 'returned' }).expect(200))
      .body;
    const res = await t.api
      .get(`/api/me/applications/${session.applicationId}/progress`)
      .set('Authorization', `Bearer ${session.token}`)
      .expect(200);
    expect(res.body.isDemo).toBe(true);
    expect(res.body.application).toMatchObject({
      status: 'returned',
      level: 'intermediate',
      series: 'engineering',
      submissionCount: 2,
      returnedAt: '2023-08-20T02:00:00.000Z',
      feePaid: false,
    });
    expect(res.body.history.map((row: { status: string }) => row.status)).toEqual([
      'registered',
      'drafting',
      'submitted',
      'employer_review',
      'authority_review',
      'returned',
      'submitted',
      'authority_review',
      'returned',
    ]);
  });

  it('gives each persona facts and alerts that fit its state', async () => {
    const signIn = async (persona: string) => {
      const session = (await t.api.post('/api/auth/demo').send({ persona }).expect(200)).body;
      const bearer = { Authorization: `Bearer ${session.token}` };
      const progress = (
        await t.api
          .get(`/api/me/applications/${session.applicationId}/progress`)
          .set(bearer)
          .expect(200)
      ).body;
      const inbox = (await t.api.get('/api/me/inbox').set(bearer).expect(200)).body;
      return { session, bearer, progress, inbox };
    };

    // Drafting: 80 hours in the application year, short of 90.
    const drafting = await signIn('drafting');
    expect(drafting.progress.application.continuingEducation).toContainEqual({
      year: 2023,
      totalHours: 80,
      professionalHours: 60,
    });
    expect(drafting.inbox.total).toBeGreaterThan(0);
    // A visitor's change is undone for the next one.
    await t.api
      .put('/api/me/facts')
      .set(drafting.bearer)
      .send({ continuingEducation: [{ year: 2023, totalHours: 90, professionalHours: 60 }] })
      .expect(200);
    const again = await signIn('drafting');
    expect(again.progress.application.continuingEducation).toContainEqual({
      year: 2023,
      totalHours: 80,
      professionalHours: 60,
    });
    // Planned once: a second sign-in adds no message.
    expect(again.inbox.total).toBe(drafting.inbox.total);

    const returned = await signIn('returned');
    expect(returned.progress.returnReason).toMatch(/继续教育/);
    expect(returned.inbox.total).toBeGreaterThan(0);

    const passed = await signIn('passed');
    expect(passed.progress.returnReason).toBeNull();
    expect(passed.progress.application.defence.scheduledAt).toBe('2023-10-10T03:00:00.000Z');
  });

  it("answers another applicant's application like one that does not exist", async () => {
    const owner = (await t.api.post('/api/auth/demo').send({ persona: 'passed' }).expect(200)).body;
    const stranger = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `stranger-${Date.now()}` })
        .expect(200)
    ).body;
    const res = await t.api
      .get(`/api/me/applications/${owner.applicationId}/progress`)
      .set('Authorization', `Bearer ${stranger.token}`)
      .expect(404);
    expect(res.body.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('gives the certificate-issued demo applicant a demo e-certificate that verifies', async () => {
    const session = (
      await t.api.post('/api/auth/demo').send({ persona: 'certificate_issued' }).expect(200)
    ).body;
    const mine = await t.api
      .get('/api/me/certificates')
      .set('Authorization', `Bearer ${session.token}`)
      .expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        certificateNo: 'DEMO-ZC-2023-0001',
        state: 'valid',
        holderName: '演示·李强',
      }),
    ]);
    const path = new URL(mine.body.items[0].verifyUrl).pathname;
    expect((await t.api.get(`/api/certificates${path}`).expect(200)).body).toMatchObject({
      result: 'valid',
      holderNameMasked: '演*·李*',
    });
  });

  it('refuses an unknown persona', async () => {
    const res = await t.api.post('/api/auth/demo').send({ persona: 'someone' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it("gives my own deadlines as an iCalendar file, at the demo clock's moment", async () => {
    const session = (await t.api.post('/api/auth/demo').send({ persona: 'returned' }).expect(200))
      .body;
    const res = await t.api
      .get('/api/me/calendar.ics?now=2023-08-20T06:00:00Z')
      .set('Authorization', `Bearer ${session.token}`)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = res.text.replace(/\r\n /g, '');
    expect(body).toContain('SUMMARY:退回修改重新提交截止（DEMO-2023-0002）');
    // 48 hours after the return of 2023-08-20 10:00 Beijing time (R4).
    expect(body).toContain('DTEND:20230822T020000Z');
    expect(body).toContain('TRIGGER;RELATED=END:-PT1440M');
  });

  it("gives the year's deadlines as an iCalendar file to anyone", async () => {
    const res = await t.api.get('/api/calendars/2023/ics').expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(8);
    const unfolded = res.text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:网上申报（和地职称办〔2023〕1号）');
    expect(unfolded).toContain('DTSTART:20230719T160000Z\r\nDTEND:20230830T160000Z');
    for (const line of res.text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('seeds the demo applicants once, whatever the number of starts', async () => {
    const again = await createTestApp({ APP_ENV: 'development' });
    try {
      const rows = await again.dataSource.query<Array<{ n: number | string }>>(
        "SELECT COUNT(*) AS n FROM application WHERE applicationNo LIKE 'DEMO-%'",
      );
      expect(Number(rows[0]?.n)).toBe(5);
    } finally {
      await again.close();
    }
  });
});

describe('demo sign-in outside development', () => {
  it('is refused in production, where no demo applicant is seeded', async () => {
    const t = await createTestApp(PRODUCTION_ENV);
    try {
      const res = await t.api.post('/api/auth/demo').send({ persona: 'returned' }).expect(403);
      expect(res.body.code).toBe('DEV_LOGIN_DISABLED');
      const rows = await t.dataSource.query<Array<{ n: number | string }>>(
        "SELECT COUNT(*) AS n FROM application WHERE applicationNo LIKE 'DEMO-%'",
      );
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await t.close();
    }
  });
});
