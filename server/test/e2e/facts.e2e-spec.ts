import { STAFF_ROLE } from '@titletrack/shared/contract';
import { HOTAN_2023_RULES, nextActions } from '@titletrack/shared/domain';
import type { Application, ContinuingEducationHours } from '@titletrack/shared/domain';

import { BindingRepository } from '../../src/modules/binding/binding.repository';
import { NoticeYearRegistry } from '../../src/modules/calendar/notice-year-registry.service';
import { StaffService } from '../../src/modules/staff/staff.service';
import { ID_BOB, newApplication } from '../support/factories';
import { callerFrom } from '../support/requests';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const PASSWORD = 'a long enough password';
// Inside the 2023 Hotan application window, while the application is being drafted.
const NOW = new Date('2023-08-20T04:00:00Z');
const run = Date.now().toString(36);

// Hours that meet R13 in every counting year, except `short` in the application year.
const hours = (applicationYearTotal: number): ContinuingEducationHours[] =>
  HOTAN_2023_RULES.continuingEducation.countingYears.map((year) => ({
    year,
    totalHours: year === 2023 ? applicationYearTotal : 90,
    professionalHours: 60,
  }));

describe('facts: mine, the office’s, eligibility and the checklist', () => {
  let t: TestApp;
  const caller = callerFrom('10.71.0');
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  let visitor: { token: string; id: string };
  let applicationId: number;
  let hotanStaff: string;
  let kashgarStaff: string;

  const login = async (who: string) => {
    const body = (
      await t.api
        .post('/api/auth/dev')
        .set(caller())
        .send({ devUserId: `${who}-${run}` })
        .expect(200)
    ).body;
    return { token: body.token as string, id: String(body.principal.id) };
  };
  const staffLogin = async (username: string, password: string): Promise<string> =>
    (await t.api.post('/api/auth/staff').set(caller()).send({ username, password }).expect(200))
      .body.token;

  const progressOf = async (token: string): Promise<Application> =>
    (
      await t.api
        .get(`/api/me/applications/${applicationId}/progress`)
        .set(caller(token))
        .expect(200)
    ).body.application;
  const owesContinuingEducation = (application: Application): boolean => {
    const year = t.app.get(NoticeYearRegistry).find('6532', 2023, 'prefecture_directed');
    if (!year) throw new Error('The 2023 Hotan notice is not published');
    return nextActions(application, year, NOW).some(
      (action) => action.kind === 'complete_continuing_education',
    );
  };

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    alice = await login('alice');
    bob = await login('bob');
    visitor = await login('visitor');
    const application = await newApplication(t, {
      status: 'drafting',
      statusChangedAt: new Date('2023-07-21T03:00:00Z'),
    });
    applicationId = application.id;
    await t.app.get(BindingRepository).createIfFree(Number(alice.id), applicationId);
    // Bob has an application of his own, so his facts have somewhere to go.
    const bobs = await newApplication(t, { idCardNumber: ID_BOB, status: 'drafting' });
    await t.app.get(BindingRepository).createIfFree(Number(bob.id), bobs.id);

    hotanStaff = await staffLogin(ADMIN.username, ADMIN.password);
    await t.app.get(StaffService).create({
      username: `kashgar-facts-${run}`,
      displayName: 'Kashgar',
      role: STAFF_ROLE.PREFECTURE_OFFICE,
      password: PASSWORD,
      regionCode: '6531',
    });
    kashgarStaff = await staffLogin(`kashgar-facts-${run}`, PASSWORD);
  });
  afterAll(() => t.close());

  it('starts with no facts: nothing is guessed', async () => {
    const response = await t.api.get('/api/me/facts').set(caller(alice.token)).expect(200);
    expect(response.body).toEqual({ facts: {} });
    expect(owesContinuingEducation(await progressOf(alice.token))).toBe(false);
  });

  it('turns declared hours into a to-do while short, and drops it once met', async () => {
    const declared = await t.api
      .put('/api/me/facts')
      .set(caller(alice.token))
      .send({ continuingEducation: hours(80) })
      .expect(200);
    expect(declared.body.facts.continuingEducation).toMatchObject({
      value: hours(80),
      source: 'declared',
    });
    const short = await progressOf(alice.token);
    expect(short.continuingEducation).toEqual(hours(80));
    expect(owesContinuingEducation(short)).toBe(true);

    await t.api
      .put('/api/me/facts')
      .set(caller(alice.token))
      .send({ continuingEducation: hours(90) })
      .expect(200);
    const met = await progressOf(alice.token);
    expect(met.continuingEducation).toEqual(hours(90));
    expect(owesContinuingEducation(met)).toBe(false);
  });

  it.each([
    [
      'hours above 1000',
      { continuingEducation: [{ year: 2023, totalHours: 1001, professionalHours: 60 }] },
      'continuingEducation.0.totalHours',
    ],
    [
      'a fractional hour',
      { continuingEducation: [{ year: 2023, totalHours: 90.5, professionalHours: 60 }] },
      'continuingEducation.0.totalHours',
    ],
    [
      'a year before 2000',
      { grassrootsService: [{ year: 1999, service: 'fang_hui_ju', rating: 'excellent' }] },
      'grassrootsService.0.year',
    ],
    ['an unknown employer kind', { employerKind: 'family_business' }, 'employerKind'],
    ['an unknown fact', { isVeteran: true }, 'isVeteran'],
  ])('refuses %s with VALIDATION_FAILED and writes nothing', async (_label, body, field) => {
    const response = await t.api
      .put('/api/me/facts')
      .set(caller(alice.token))
      // A valid fact beside the bad one must not be written either.
      .send({ ...body, isFirstApplication: true })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    const mine = await t.api.get('/api/me/facts').set(caller(alice.token)).expect(200);
    expect(mine.body.facts.isFirstApplication).toBeUndefined();
  });

  it('withdraws a declaration with null, leaving the others', async () => {
    await t.api
      .put('/api/me/facts')
      .set(caller(alice.token))
      .send({ employerKind: 'private_enterprise', isFirstApplication: false })
      .expect(200);
    const response = await t.api
      .put('/api/me/facts')
      .set(caller(alice.token))
      .send({ isFirstApplication: null })
      .expect(200);
    expect(response.body.facts.isFirstApplication).toBeUndefined();
    expect(response.body.facts.employerKind).toMatchObject({
      value: 'private_enterprise',
      source: 'declared',
    });
    expect(response.body.facts.continuingEducation.value).toEqual(hours(90));
  });

  it("never returns another applicant's facts", async () => {
    const bobs = await t.api.get('/api/me/facts').set(caller(bob.token)).expect(200);
    expect(bobs.body).toEqual({ facts: {} });
    const other = await t.api
      .get(`/api/me/applications/${applicationId}/progress`)
      .set(caller(bob.token))
      .expect(404);
    expect(other.body.code).toBe('APPLICATION_NOT_FOUND');
    // Bob's own declaration stays his.
    await t.api
      .put('/api/me/facts')
      .set(caller(bob.token))
      .send({ isContinuingEducationExempt: true })
      .expect(200);
    const alices = await t.api.get('/api/me/facts').set(caller(alice.token)).expect(200);
    expect(alices.body.facts.isContinuingEducationExempt).toBeUndefined();
  });

  it('shows staff in scope the facts and lets them set office facts, audited, which take precedence', async () => {
    const read = await t.api
      .get(`/api/staff/applications/${applicationId}/facts`)
      .set(caller(hotanStaff))
      .expect(200);
    expect(read.body.applicationId).toBe(String(applicationId));
    expect(read.body.facts.employerKind).toMatchObject({ source: 'declared' });

    const set = await t.api
      .put(`/api/staff/applications/${applicationId}/facts`)
      .set(caller(hotanStaff))
      .send({ employerKind: 'state_enterprise' })
      .expect(200);
    expect(set.body.facts.employerKind).toMatchObject({
      value: 'state_enterprise',
      source: 'office',
    });
    const mine = await t.api.get('/api/me/facts').set(caller(alice.token)).expect(200);
    expect(mine.body.facts.employerKind).toMatchObject({
      value: 'state_enterprise',
      source: 'office',
    });
    expect((await progressOf(alice.token)).employerKind).toBe('state_enterprise');
    const audit: unknown[] = await t.dataSource.query(
      'SELECT id FROM audit_log WHERE action = ? AND targetId = ?',
      ['application_facts_set', String(applicationId)],
    );
    expect(audit).toHaveLength(1);
  });

  it('answers staff outside the scope as if the application did not exist, and writes nothing', async () => {
    const read = await t.api
      .get(`/api/staff/applications/${applicationId}/facts`)
      .set(caller(kashgarStaff))
      .expect(404);
    expect(read.body.code).toBe('APPLICATION_NOT_FOUND');
    await t.api
      .put(`/api/staff/applications/${applicationId}/facts`)
      .set(caller(kashgarStaff))
      .send({ isFirstApplication: true })
      .expect(404);
    const facts = await t.api
      .get(`/api/staff/applications/${applicationId}/facts`)
      .set(caller(hotanStaff))
      .expect(200);
    expect(facts.body.facts.isFirstApplication).toBeUndefined();
    // Applicants are not staff.
    await t.api
      .get(`/api/staff/applications/${applicationId}/facts`)
      .set(caller(alice.token))
      .expect(403);
  });

  it('answers eligibility without a binding, against the notice asked for or the latest one', async () => {
    const asked = await t.api
      .post('/api/me/eligibility')
      .set(caller(visitor.token))
      .send({ level: 'intermediate', series: 'education', regionCode: '6532', year: 2023 })
      .expect(200);
    expect(asked.body).toMatchObject({
      regionCode: '6532',
      year: 2023,
      noticeDocumentNumber: HOTAN_2023_RULES.noticeDocumentNumber,
    });
    expect(asked.body.answers.length).toBeGreaterThan(0);
    // No facts declared: the hours rule cannot say yes.
    expect(
      asked.body.answers.find((a: { ruleId: string }) => a.ruleId === 'R13')?.verdict,
    ).not.toBe('can_apply');

    const later = await t.api
      .post('/api/me/eligibility')
      .set(caller(visitor.token))
      .send({ level: 'intermediate', series: 'education', year: 2031 })
      .expect(200);
    expect(later.body).toMatchObject({ regionCode: '6532', year: 2023 });

    const none = await t.api
      .post('/api/me/eligibility')
      .set(caller(visitor.token))
      .send({ level: 'intermediate', series: 'education', regionCode: '6543' })
      .expect(404);
    expect(none.body.code).toBe('CALENDAR_NOT_FOUND');
    await t.api
      .post('/api/me/eligibility')
      .set(caller(visitor.token))
      .send({ level: 'grand_master', series: 'education' })
      .expect(400);
  });

  it('keeps checklist ticks for the bound applicant only', async () => {
    const url = `/api/me/applications/${applicationId}/checklist`;
    const empty = await t.api.get(url).set(caller(alice.token)).expect(200);
    expect(empty.body).toEqual({ applicationId: String(applicationId), tickedItemKeys: [] });
    await t.api
      .put(url)
      .set(caller(alice.token))
      .send({ itemKey: 'r5.id_card', isDone: true })
      .expect(200);
    // Ticking twice (another device) keeps one tick.
    const ticked = await t.api
      .put(url)
      .set(caller(alice.token))
      .send({ itemKey: 'r5.id_card', isDone: true })
      .expect(200);
    expect(ticked.body.tickedItemKeys).toEqual(['r5.id_card']);
    expect((await t.api.get(url).set(caller(alice.token)).expect(200)).body.tickedItemKeys).toEqual(
      ['r5.id_card'],
    );

    const bad = await t.api
      .put(url)
      .set(caller(alice.token))
      .send({ itemKey: 'R5 ID card!', isDone: true })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await t.api
      .put(url)
      .set(caller(alice.token))
      .send({ itemKey: 'x'.repeat(81), isDone: true })
      .expect(400);

    for (const request of [
      t.api.get(url).set(caller(bob.token)),
      t.api.put(url).set(caller(bob.token)).send({ itemKey: 'r5.id_card', isDone: false }),
    ]) {
      const refused = await request.expect(404);
      expect(refused.body.code).toBe('APPLICATION_NOT_FOUND');
    }
    const kept = await t.api
      .put(url)
      .set(caller(alice.token))
      .send({ itemKey: 'r5.id_card', isDone: false })
      .expect(200);
    expect(kept.body.tickedItemKeys).toEqual([]);
  });
});
