import { BindingRepository } from '../../src/modules/binding/binding.repository';
import { signWebhook } from '../../src/modules/mirror/webhook-signature';
import { platformApplicationData } from '../support/factories';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const SECRET = 'k'.repeat(40);
const OLD_SECRET = 'o'.repeat(40);
const run = Date.now().toString(36);

function event(
  id: string,
  applicationNo: string,
  status: string,
  statusChangedAt: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    type: 'application.status_changed',
    occurredAt: statusChangedAt,
    data: platformApplicationData(applicationNo, status, statusChangedAt, extra),
  };
}

describe('POST /api/platform/events (signed webhooks)', () => {
  let t: TestApp;
  const deliver = (
    body: unknown,
    options: { secret?: string; timestamp?: number; signature?: string } = {},
  ) => {
    const raw = Buffer.from(JSON.stringify(body));
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return t.api
      .post('/api/platform/events')
      .set('Content-Type', 'application/json')
      .set('X-Platform-Timestamp', timestamp)
      .set(
        'X-Platform-Signature',
        options.signature ?? signWebhook(options.secret ?? SECRET, timestamp, raw),
      )
      .send(raw.toString());
  };
  const statusOf = async (applicationNo: string): Promise<string> =>
    (
      await t.dataSource.query('SELECT status FROM application WHERE applicationNo = ?', [
        applicationNo,
      ])
    )[0]?.status;

  beforeAll(async () => {
    t = await createTestApp({ PLATFORM_WEBHOOK_SECRETS: `${SECRET},${OLD_SECRET}` });
  });
  afterAll(() => t.close());

  it('applies a signed event through the same path as imports', async () => {
    const no = `WH${run}-1`;
    const res = await deliver(
      event(`evt-${run}-1`, no, 'materials_received', '2023-08-20T04:00:00Z'),
    ).expect(200);
    expect(res.body).toMatchObject({
      status: 'applied',
      outcome: { created: 1, changed: 0, skipped: [] },
    });
    expect(await statusOf(no)).toBe('materials_received');
    const [history] = await t.dataSource.query(
      'SELECT h.source, h.sourceRef FROM status_history h JOIN application a ON a.id = h.applicationId WHERE a.applicationNo = ?',
      [no],
    );
    expect(history).toEqual({ source: 'webhook', sourceRef: `platform_event:evt-${run}-1` });
  });

  it('acknowledges a replayed event id with 200 and changes nothing', async () => {
    const no = `WH${run}-2`;
    const first = event(`evt-${run}-2`, no, 'materials_received', '2023-08-20T04:00:00Z');
    await deliver(first).expect(200);
    const replay = event(`evt-${run}-2`, no, 'fee_paid', '2023-08-21T04:00:00Z');
    expect((await deliver(replay).expect(200)).body).toEqual({
      status: 'duplicate',
      outcome: null,
    });
    expect(await statusOf(no)).toBe('materials_received');
  });

  it('accepts the second secret during a rotation', async () => {
    await deliver(event(`evt-${run}-3`, `WH${run}-3`, 'submitted', '2023-08-01T04:00:00Z'), {
      secret: OLD_SECRET,
    }).expect(200);
  });

  it('refuses a wrong signature, a stale or future timestamp and missing headers, with 401', async () => {
    const body = event(`evt-${run}-4`, `WH${run}-4`, 'submitted', '2023-08-01T04:00:00Z');
    const now = Math.floor(Date.now() / 1000);
    for (const options of [
      { secret: 'w'.repeat(40) },
      { timestamp: now - 6 * 60 },
      { timestamp: now + 6 * 60 },
      { signature: 'nope' },
    ]) {
      const res = await deliver(body, options).expect(401);
      expect(res.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await statusOf(`WH${run}-4`)).toBeUndefined();
  });

  it('keeps the newest status when events arrive out of order or twice', async () => {
    const no = `WH${run}-5`;
    await deliver(event(`evt-${run}-5b`, no, 'fee_paid', '2023-08-25T04:00:00Z')).expect(200);
    const late = await deliver(
      event(`evt-${run}-5a`, no, 'materials_received', '2023-08-20T04:00:00Z'),
    ).expect(200);
    expect(late.body.outcome.skipped).toEqual([expect.objectContaining({ reason: 'stale' })]);
    await deliver(event(`evt-${run}-5b`, no, 'fee_paid', '2023-08-25T04:00:00Z')).expect(200);
    expect(await statusOf(no)).toBe('fee_paid');
  });

  it('mirrors the return reason and the platform’s facts, and shows them to the bound applicant', async () => {
    const no = `WH${run}-RR`;
    await deliver(
      event(`evt-${run}-rr1`, no, 'returned', '2023-08-15T02:00:00Z', {
        returnReason: '继续教育证明不全，请补充',
        employerKind: 'private_enterprise',
        isFirstApplication: false,
        defenceScheduledAt: '2023-10-20T10:00:00+08:00',
      }),
    ).expect(200);
    const [stored] = await t.dataSource.query(
      'SELECT id, returnReason FROM application WHERE applicationNo = ?',
      [no],
    );
    expect(stored.returnReason).toBe('继续教育证明不全，请补充');
    const login = await t.api
      .post('/api/auth/dev')
      .send({ devUserId: `wh-${run}` })
      .expect(200);
    const bearer = { Authorization: `Bearer ${login.body.token}` };
    await t.app.get(BindingRepository).createIfFree(Number(login.body.principal.id), stored.id);

    const progress = await t.api
      .get(`/api/me/applications/${stored.id}/progress`)
      .set(bearer)
      .expect(200);
    expect(progress.body.returnReason).toBe('继续教育证明不全，请补充');
    expect(progress.body.application).toMatchObject({
      employerKind: 'private_enterprise',
      isFirstApplication: false,
      defence: { scheduledAt: '2023-10-20T02:00:00.000Z' },
    });
    const mine = await t.api.get('/api/me/applications').set(bearer).expect(200);
    expect(mine.body.items[0].returnReason).toBe('继续教育证明不全，请补充');
    const facts = await t.api.get('/api/me/facts').set(bearer).expect(200);
    expect(facts.body.facts.employerKind).toEqual({
      value: 'private_enterprise',
      source: 'platform',
      recordedAt: '2023-08-15T02:00:00.000Z',
    });

    // Resubmitted: that return's reason no longer applies; the facts stay.
    await deliver(event(`evt-${run}-rr2`, no, 'submitted', '2023-08-16T05:00:00Z')).expect(200);
    const after = await t.api
      .get(`/api/me/applications/${stored.id}/progress`)
      .set(bearer)
      .expect(200);
    expect(after.body.returnReason).toBeNull();
    expect(after.body.application.employerKind).toBe('private_enterprise');

    const bad = await deliver(
      event(`evt-${run}-rr3`, no, 'submitted', '2023-08-17T05:00:00Z', {
        employerKind: 'family_business',
      }),
    ).expect(400);
    expect(bad.body.details).toEqual(
      expect.arrayContaining([expect.stringMatching(/^data\.employerKind: /)]),
    );
  });

  it('refuses an invalid event with 400, naming fields but never echoing personal data', async () => {
    const bad = event(`evt-${run}-6`, `WH${run}-6`, 'flying', '2023-08-01T04:00:00Z', {
      idCardNumber: '653201199005171232',
    });
    const res = await deliver(bad).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        'data.idCardNumber: BAD_CHECK_DIGIT',
        expect.stringMatching(/^data\.status: unknown status \(known: 已注册, .*已取消资格\)$/),
      ]),
    );
    expect(JSON.stringify(res.body)).not.toContain('653201199005171232');
    await deliver({ hello: 'world' }).expect(400);
  });

  it('reads the platform’s status labels, stores names without invisible characters and refuses formula-like names', async () => {
    const no = `WH${run}-LBL`;
    await deliver(
      event(`evt-${run}-lbl1`, no, '评审中', '2023-08-01T04:00:00Z', {
        applicantName: '\u2066王建国\u2069\ufeff',
      }),
    ).expect(200);
    expect(await statusOf(no)).toBe('evaluation_meeting');
    await expect(
      t.dataSource.query('SELECT applicantName FROM application WHERE applicationNo = ?', [no]),
    ).resolves.toEqual([{ applicantName: '王建国' }]);

    const formula = event(`evt-${run}-lbl2`, `WH${run}-LBL2`, 'submitted', '2023-08-01T04:00:00Z', {
      applicantName: '+86 王建国',
    });
    const refused = await deliver(formula).expect(400);
    expect(refused.body.details).toEqual(['data.applicantName: FORMULA_TRIGGER']);
    expect(await statusOf(`WH${run}-LBL2`)).toBeUndefined();
  });

  it('completes an event without a year from the notice window, and without a region from PLATFORM_REGION_CODE', async () => {
    const rowOf = async (applicationNo: string) =>
      (
        await t.dataSource.query(
          'SELECT year, regionCode FROM application WHERE applicationNo = ?',
          [applicationNo],
        )
      )[0];
    const inWindow = event(`evt-${run}-7`, `WH${run}-7`, 'submitted', '2023-08-01T04:00:00Z');
    delete inWindow.data.year;
    await deliver(inWindow).expect(200);
    expect(await rowOf(`WH${run}-7`)).toEqual(
      expect.objectContaining({ year: 2023, regionCode: '6532' }),
    );

    const named = event(`evt-${run}-8`, `WH${run}-8`, 'submitted', '2023-10-01T04:00:00Z', {
      year: 2024,
      regionCode: '6532',
    });
    await deliver(named).expect(200);
    expect(await rowOf(`WH${run}-8`)).toEqual(expect.objectContaining({ year: 2024 }));

    const outside = event(`evt-${run}-9`, `WH${run}-9`, 'submitted', '2023-10-01T04:00:00Z');
    delete outside.data.year;
    const refused = await deliver(outside).expect(400);
    expect(refused.body.details).toEqual([expect.stringMatching(/^data\.year: missing/)]);
    expect(await rowOf(`WH${run}-9`)).toBeUndefined();

    const foreign = event(`evt-${run}-10`, `WH${run}-10`, 'submitted', '2023-08-01T04:00:00Z', {
      regionCode: '9999',
    });
    const unknownRegion = await deliver(foreign).expect(400);
    expect(unknownRegion.body.details).toContain('data.regionCode: unknown region');
  });
});

describe('POST /api/platform/events without secrets', () => {
  it('answers 503 WEBHOOK_NOT_CONFIGURED', async () => {
    const t = await createTestApp();
    try {
      const res = await t.api.post('/api/platform/events').send({}).expect(503);
      expect(res.body.code).toBe('WEBHOOK_NOT_CONFIGURED');
    } finally {
      await t.close();
    }
  });
});
