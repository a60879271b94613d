import { readFileSync } from 'fs';
import { join } from 'path';

import { HOTAN_2023_CALENDAR } from '@titletrack/shared/calendar';
import { HOTAN_2023_RULES } from '@titletrack/shared/domain';
import { draftNoticeCalendar } from '@titletrack/shared/notice-draft';
import type { DraftParameter } from '@titletrack/shared/notice-draft';

import type { ApplicationEntity } from '../../src/modules/application/application.entity';
import { BindingRepository } from '../../src/modules/binding/binding.repository';
import { NoticeYearRegistry } from '../../src/modules/calendar/notice-year-registry.service';
import { newApplication } from '../support/factories';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const PASSWORD = 'a long enough password';
// A real notice, re-dated: the 2023 Hotan text as Kashgar's 2027 notice, so its deadlines are
// ahead of the clock and its alerts due now.
const YEAR = 2027;
const KASHGAR = '6531';
const noticeText = readFileSync(
  join(__dirname, '../../src/database/seed/hotan-2023-notice.md'),
  'utf8',
).replaceAll('2023', String(YEAR));
const draft = draftNoticeCalendar(noticeText, { year: YEAR });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

// The console shows each parameter once; of the two platforms the office keeps the first.
const oneEach = (parameters: DraftParameter[]): DraftParameter[] =>
  parameters.filter((p, i) => parameters.findIndex((q) => q.name === p.name) === i);

const requestFrom = (isConfirmed: boolean) => ({
  regionCode: KASHGAR,
  year: YEAR,
  route: 'prefecture_directed',
  title: `关于开展喀什地区各系列（专业）${YEAR}年度职称评审工作的通知`,
  documentNumber: `喀地职称办〔${YEAR}〕1号`,
  text: noticeText,
  events: draft.events.map((event) => ({
    kind: event.kind,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    quote: event.quote,
    reading: event.reading,
    isConfirmed,
  })),
  parameters: oneEach(draft.parameters).map((parameter) => ({
    name: parameter.name,
    value: parameter.value,
    unit: parameter.unit,
    quote: parameter.quote,
    isConfirmed,
  })),
});
const firstEvent = (request: ReturnType<typeof requestFrom>) => {
  const [event] = request.events;
  if (!event) throw new Error('The draft has no event');
  return event;
};
const { regionCode: _region, year: _year, route: _route, ...confirmedUpdate } = requestFrom(true);

describe('office notices: draft → publish → correct → withdraw', () => {
  let t: TestApp;
  let hotanOffice: string;
  let kashgarOffice: string;
  let noticeId: string;
  let applicant: string;
  let kashgarOpen: ApplicationEntity;
  let kashgarPushed: ApplicationEntity;
  let hotanOpen: ApplicationEntity;

  const signInAs = async (
    username: string,
    fields: Record<string, string>,
    regionCode: string | null = null,
  ): Promise<string> => {
    await t.api
      .post('/api/staff/users')
      .set(bearer(hotanOffice))
      .send({ username, displayName: username, password: PASSWORD, ...fields })
      .expect(201);
    // Accounts of another region are made by that region's office; here the row is moved.
    if (regionCode !== null) {
      await t.dataSource.query('UPDATE staff_user SET regionCode = ? WHERE username = ?', [
        regionCode,
        username,
      ]);
    }
    return (await t.api.post('/api/auth/staff').send({ username, password: PASSWORD }).expect(200))
      .body.token;
  };
  const alertsOf = async (
    applicationId: number,
  ): Promise<Array<{ kind: string; dedupeKey: string }>> =>
    (
      await t.dataSource.query(
        'SELECT kind, dedupeKey FROM reminder_alert WHERE applicationId = ? ORDER BY id',
        [applicationId],
      )
    ).map((row: { kind: string; dedupeKey: string }) => ({
      kind: row.kind,
      dedupeKey: row.dedupeKey,
    }));
  const inbox = async () =>
    (await t.api.get('/api/me/inbox?pageSize=100').set(bearer(applicant)).expect(200)).body
      .items as Array<{
      applicationId: string | null;
      kind: string;
      deadline: string | null;
      data: Record<string, unknown>;
    }>;
  const auditActions = async (): Promise<string[]> =>
    (
      await t.dataSource.query(
        "SELECT action FROM audit_log WHERE targetType = 'calendar_year' AND targetId = ? ORDER BY id",
        [noticeId],
      )
    ).map((row: { action: string }) => row.action);

  const removeNotices = async (): Promise<void> => {
    const ids = (
      await t.dataSource.query(
        'SELECT id FROM calendar_year WHERE (regionCode = ? AND year = ?) OR (regionCode = ? AND year = ?)',
        [KASHGAR, YEAR, '6532', 2024],
      )
    ).map((row: { id: number }) => Number(row.id));
    for (const id of ids) {
      for (const table of ['notice', 'notice_parameter', 'calendar_event']) {
        await t.dataSource.query(`DELETE FROM ${table} WHERE calendarYearId = ?`, [id]);
      }
      await t.dataSource.query('DELETE FROM calendar_year WHERE id = ?', [id]);
    }
  };

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    hotanOffice = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
    await removeNotices();
    const run = Date.now().toString(36);
    kashgarOffice = await signInAs(`kashgar-${run}`, { role: 'prefecture_office' }, KASHGAR);
    const open = { year: YEAR, status: 'materials_received', isFeePaid: false } as const;
    kashgarOpen = await newApplication(t, { ...open, regionCode: KASHGAR });
    kashgarPushed = await newApplication(t, { ...open, regionCode: KASHGAR });
    hotanOpen = await newApplication(t, { ...open, regionCode: '6532' });
    const login = await t.api
      .post('/api/auth/dev')
      .send({ devUserId: `notice-${run}` })
      .expect(200);
    applicant = login.body.token;
    const applicantId = Number(login.body.principal.id);
    for (const application of [kashgarOpen, kashgarPushed, hotanOpen]) {
      await t.app.get(BindingRepository).createIfFree(applicantId, application.id);
    }
  });
  // The MySQL pass shares one database between files, and others count its calendars.
  afterAll(async () => {
    await removeNotices();
    await t.close();
  });

  it('holds the seeded 2023 Hotan notice, published through the same path, as the hand-made one', () => {
    const hotan = t.app.get(NoticeYearRegistry).find('6532', 2023, 'prefecture_directed');
    expect(hotan?.rules).toEqual(HOTAN_2023_RULES);
    expect(hotan?.calendar.events.map((e) => [e.kind, e.startsOn, e.endsOn, e.title])).toEqual(
      [...HOTAN_2023_CALENDAR.events]
        .sort((a, b) => a.endsOn.localeCompare(b.endsOn))
        .map((e) => [e.kind, e.startsOn, e.endsOn, e.title]),
    );
  });

  it('creates a draft from a real extraction, refused to publish while unconfirmed', async () => {
    const created = await t.api
      .post('/api/office/notices')
      .set(bearer(kashgarOffice))
      .send(requestFrom(false))
      .expect(201);
    noticeId = created.body.id;
    expect(created.body).toMatchObject({
      regionCode: KASHGAR,
      regionName: '喀什地区',
      year: YEAR,
      state: 'draft',
      documentNumber: `喀地职称办〔${YEAR}〕1号`,
    });
    expect(created.body.events.map((e: { kind: string }) => e.kind)).toEqual(
      draft.events.map((e) => e.kind),
    );
    expect(created.body.events[0]).toMatchObject({
      kind: 'application',
      startsAt: `${YEAR}-07-20T00:00:00+08:00`,
      endsAt: `${YEAR}-08-31T00:00:00+08:00`,
      isConfirmed: false,
    });
    // Kashgar has no earlier notice: nothing is inherited.
    expect(created.body.parameters.every((p: { isInherited: boolean }) => !p.isInherited)).toBe(
      true,
    );

    const refused = await t.api
      .post(`/api/office/notices/${noticeId}/publish`)
      .set(bearer(kashgarOffice))
      .expect(422);
    expect(refused.body.code).toBe('NOTICE_UNCONFIRMED');
    await t.api.get(`/api/calendars/${YEAR}?regionCode=${KASHGAR}`).expect(404);
  });

  it('refuses a second notice for the same region, year and route, and bad input', async () => {
    const exists = await t.api
      .post('/api/office/notices')
      .set(bearer(kashgarOffice))
      .send(requestFrom(false))
      .expect(409);
    expect(exists.body.code).toBe('NOTICE_EXISTS');
    const backwards = requestFrom(false);
    backwards.year = YEAR + 1;
    backwards.events[0] = {
      ...firstEvent(backwards),
      startsAt: `${YEAR + 1}-09-01T00:00:00+08:00`,
    };
    const badRange = await t.api
      .post('/api/office/notices')
      .set(bearer(kashgarOffice))
      .send(backwards)
      .expect(400);
    expect(badRange.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'events.0.endsAt' }],
    });
    const noOffset = requestFrom(false);
    noOffset.year = YEAR + 1;
    noOffset.events[0] = { ...firstEvent(noOffset), endsAt: `${YEAR + 1}-08-31T00:00:00` };
    await t.api.post('/api/office/notices').set(bearer(kashgarOffice)).send(noOffset).expect(400);
    const unknown = await t.api
      .post('/api/office/notices')
      .set(bearer(kashgarOffice))
      .send({ ...requestFrom(false), regionCode: '6599' })
      .expect(400);
    expect(unknown.body.code).toBe('REGION_UNKNOWN');
    // Nothing of the refused requests was stored.
    const [row] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM calendar_year WHERE regionCode = ?',
      [KASHGAR],
    );
    expect(Number(row.n)).toBe(1);
  });

  it("answers 403 to another region's office, and to county and series accounts", async () => {
    const other = await t.api
      .get(`/api/office/notices/${noticeId}`)
      .set(bearer(hotanOffice))
      .expect(403);
    expect(other.body.code).toBe('OUT_OF_SCOPE');
    await t.api
      .post(`/api/office/notices/${noticeId}/publish`)
      .set(bearer(hotanOffice))
      .expect(403);
    const outside = await t.api
      .post('/api/office/notices')
      .set(bearer(kashgarOffice))
      .send({ ...requestFrom(false), regionCode: '6532', year: YEAR + 2 })
      .expect(403);
    expect(outside.body.code).toBe('OUT_OF_SCOPE');
    const run = Date.now().toString(36);
    const county = await signInAs(
      `county-${run}`,
      { role: 'county_hr_bureau', county: '喀什市' },
      KASHGAR,
    );
    const series = await signInAs(
      `series-${run}`,
      { role: 'series_authority', series: 'education' },
      KASHGAR,
    );
    for (const token of [county, series]) {
      const res = await t.api.get('/api/office/notices').set(bearer(token)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('publishes once confirmed: applicants see it, alerts are planned for its applications only', async () => {
    const noticesBefore = String((await t.api.get('/api/notices').expect(200)).headers.etag);
    await t.api
      .put(`/api/office/notices/${noticeId}`)
      .set(bearer(kashgarOffice))
      .send(confirmedUpdate)
      .expect(200);
    const published = await t.api
      .post(`/api/office/notices/${noticeId}/publish`)
      .set(bearer(kashgarOffice))
      .expect(200);
    expect(published.body.notice).toMatchObject({ state: 'published', version: 1 });
    expect(published.body.applications).toBeGreaterThanOrEqual(2);
    expect(published.body.plannedAlerts).toBeGreaterThanOrEqual(2);
    expect(published.body.notifiedWatchers).toEqual(expect.any(Number));

    const calendar = await t.api.get(`/api/calendars/${YEAR}?regionCode=${KASHGAR}`).expect(200);
    expect(calendar.body).toMatchObject({ regionCode: KASHGAR, year: YEAR, version: 1 });
    expect(calendar.body.rules).toMatchObject({
      year: YEAR,
      noticeDocumentNumber: `喀地职称办〔${YEAR}〕1号`,
      fee: { amountsCny: { senior: 450, intermediate: 280, primary: 140 } },
      continuingEducation: { countingYears: [YEAR - 2, YEAR - 1, YEAR] },
    });
    // The moment it is published: a phone asking with the list's old ETag gets the new list.
    const notices = await t.api.get('/api/notices').set('If-None-Match', noticesBefore).expect(200);
    expect(notices.headers.etag).not.toBe(noticesBefore);
    expect(notices.body.items.map((n: { documentNumber: string }) => n.documentNumber)).toContain(
      `喀地职称办〔${YEAR}〕1号`,
    );

    const feeEnds = new Date(`${YEAR}-09-29T16:00:00Z`);
    expect((await alertsOf(kashgarOpen.id)).map((a) => a.kind)).toContain('fee_due');
    expect(await alertsOf(hotanOpen.id)).toEqual([]);
    const messages = await inbox();
    const fee = messages.find(
      (m) => m.kind === 'fee_due' && m.applicationId === String(kashgarOpen.id),
    );
    expect(fee?.deadline).toBe(feeEnds.toISOString());
    expect(messages.some((m) => m.applicationId === String(hotanOpen.id))).toBe(false);
  });

  it('a correction withdraws the unpushed alerts of the old date, plans the new one and tells old → new', async () => {
    // One applicant's message was pushed already: it stays, as their record.
    await t.dataSource.query(
      "UPDATE inbox_message SET pushState = 'sent' WHERE applicationId = ? AND kind = 'fee_due'",
      [kashgarPushed.id],
    );
    const oldEnds = `${YEAR}-09-29T16:00:00.000Z`;
    const newEnds = `${YEAR}-10-09T16:00:00.000Z`;
    const corrected = await t.api
      .post(`/api/office/notices/${noticeId}/corrections`)
      .set(bearer(kashgarOffice))
      .send({
        events: [{ kind: 'fee', startsAt: null, endsAt: `${YEAR}-10-10T00:00:00+08:00` }],
        note: '缴费截止顺延至10月10日前',
      })
      .expect(200);
    expect(corrected.body.notice.version).toBe(2);
    expect(corrected.body.withdrawnAlerts).toBeGreaterThanOrEqual(1);
    expect(corrected.body.informedApplicants).toBeGreaterThanOrEqual(2);

    const fees = (await inbox()).filter((m) => m.kind === 'fee_due');
    expect(
      fees.filter((m) => m.applicationId === String(kashgarOpen.id)).map((m) => m.deadline),
    ).toEqual([newEnds]);
    expect(
      fees.filter((m) => m.applicationId === String(kashgarPushed.id)).map((m) => m.deadline),
    ).toEqual([oldEnds]);
    const changed = (await inbox()).filter(
      (m) => m.kind === 'calendar_date_changed' && m.applicationId === String(kashgarOpen.id),
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]?.data).toMatchObject({
      regionCode: KASHGAR,
      year: YEAR,
      eventKind: 'fee',
      oldEndsAt: oldEnds,
      newEndsAt: newEnds,
      note: '缴费截止顺延至10月10日前',
    });
    const calendar = await t.api.get(`/api/calendars/${YEAR}?regionCode=${KASHGAR}`).expect(200);
    expect(calendar.body.events.find((e: { kind: string }) => e.kind === 'fee').endsAt).toBe(
      newEnds,
    );
    expect(calendar.body.rules.fee.amountsCny.senior).toBe(450);

    // A second correction tells again (the alert is keyed by the calendar's version).
    await t.api
      .post(`/api/office/notices/${noticeId}/corrections`)
      .set(bearer(kashgarOffice))
      .send({
        events: [{ kind: 'fee', startsAt: null, endsAt: `${YEAR}-10-12T00:00:00+08:00` }],
        note: '再次顺延',
      })
      .expect(200);
    expect(
      (await inbox()).filter(
        (m) => m.kind === 'calendar_date_changed' && m.applicationId === String(kashgarOpen.id),
      ),
    ).toHaveLength(2);

    const [audit] = await t.dataSource.query(
      "SELECT staffUserId, detail FROM audit_log WHERE action = 'notice_corrected' AND targetId = ? ORDER BY id LIMIT 1",
      [noticeId],
    );
    expect(Number(audit.staffUserId)).toBeGreaterThan(0);
    expect(JSON.parse(audit.detail)).toMatchObject({
      note: '缴费截止顺延至10月10日前',
      events: [{ kind: 'fee', old: { endsAt: oldEnds }, new: { endsAt: newEnds } }],
    });
  });

  it('refuses to edit a published notice', async () => {
    const res = await t.api
      .put(`/api/office/notices/${noticeId}`)
      .set(bearer(kashgarOffice))
      .send(confirmedUpdate)
      .expect(409);
    expect(res.body.code).toBe('NOTICE_STATE_CONFLICT');
  });

  it('withdraws: applicants no longer see it, unpushed dated alerts go, the audit trail stays', async () => {
    const withdrawn = await t.api
      .post(`/api/office/notices/${noticeId}/withdraw`)
      .set(bearer(kashgarOffice))
      .send({ note: '通知有误，重新发布' })
      .expect(200);
    expect(withdrawn.body.notice).toMatchObject({ state: 'withdrawn', version: 4 });
    expect(withdrawn.body.withdrawnAlerts).toBeGreaterThanOrEqual(1);
    await t.api.get(`/api/calendars/${YEAR}?regionCode=${KASHGAR}`).expect(404);
    const notices = await t.api.get('/api/notices').expect(200);
    expect(
      notices.body.items.map((n: { documentNumber: string }) => n.documentNumber),
    ).not.toContain(`喀地职称办〔${YEAR}〕1号`);
    const messages = await inbox();
    expect(
      messages.filter(
        (m) =>
          m.applicationId === String(kashgarOpen.id) &&
          m.deadline !== null &&
          m.kind !== 'calendar_date_changed',
      ),
    ).toEqual([]);
    // What the applicant was told about the notice's changes stays true.
    expect(
      messages.filter(
        (m) => m.applicationId === String(kashgarOpen.id) && m.kind === 'calendar_date_changed',
      ),
    ).toHaveLength(2);
    // What was pushed stays.
    expect(
      messages.some((m) => m.applicationId === String(kashgarPushed.id) && m.kind === 'fee_due'),
    ).toBe(true);
    expect(await auditActions()).toEqual([
      'notice_drafted',
      'notice_updated',
      'notice_published',
      'notice_corrected',
      'notice_corrected',
      'notice_withdrawn',
    ]);
    const list = await t.api.get('/api/office/notices').set(bearer(kashgarOffice)).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: noticeId, state: 'withdrawn', version: 4 }),
    ]);
  });

  it("a 2024 notice stating fewer parameters inherits the rest from the region's 2023 one", async () => {
    const res = await t.api
      .post('/api/office/notices')
      .set(bearer(hotanOffice))
      .send({
        regionCode: '6532',
        year: 2024,
        route: 'prefecture_directed',
        title: '关于开展和田地区各系列（专业）2024年度职称评审工作的通知',
        documentNumber: '和地职称办〔2024〕1号',
        text: '……',
        events: [
          {
            kind: 'application',
            startsAt: '2024-07-20T00:00:00+08:00',
            endsAt: '2024-08-31T00:00:00+08:00',
            quote: '2024年7月20日起……申报截止时间为2024年8月30日',
            reading: 'inclusive',
            isConfirmed: true,
          },
        ],
        parameters: [
          { name: 'fee_senior', value: 500, unit: 'yuan', quote: '高级500元', isConfirmed: true },
        ],
      })
      .expect(201);
    const byName = new Map(res.body.parameters.map((p: { name: string }) => [p.name, p] as const));
    expect(byName.get('fee_senior')).toMatchObject({
      value: 500,
      isInherited: false,
      inheritedFrom: null,
    });
    expect(byName.get('fee_intermediate')).toMatchObject({
      value: 280,
      isInherited: true,
      inheritedFrom: { year: 2023, documentNumber: '和地职称办〔2023〕1号' },
    });
    expect(byName.get('max_submissions')).toMatchObject({ value: 3, isInherited: true });
    // The event keeps the title and section the 2023 notice gave its kind.
    expect(res.body.events[0]).toMatchObject({ kind: 'application', isConfirmed: true });
    const [event] = await t.dataSource.query(
      'SELECT title, section FROM calendar_event WHERE calendarYearId = ?',
      [res.body.id],
    );
    expect(event).toEqual({ title: '网上申报', section: '三(一)' });
  });
});
