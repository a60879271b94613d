import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';

import { ImportService } from '../../src/modules/mirror/import.service';
import {
  EXPORT_HEADERS,
  exportCsv,
  exportRow,
} from '../../src/modules/mirror/import/export.fixture';
import type { ExportCells } from '../../src/modules/mirror/import/export.fixture';
import { StaffService } from '../../src/modules/staff/staff.service';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const PASSWORD = 'a long enough password';
const run = Date.now().toString(36);
const CERTIFICATE_HEADERS = [...EXPORT_HEADERS, '证书编号', '发证日期', '评审委员会'];

// Every staff endpoint walked with every kind of account: what is in an account's scope is
// served, what is outside it is refused (403 for a role that may not act at all, 404 for a
// record outside the scope, answered exactly like one that does not exist).
describe('staff scope on every staff endpoint', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const bearer = (who: string) => ({ Authorization: `Bearer ${tokens[who] ?? ''}` });
  const row = (suffix: string, cells: ExportCells): ExportCells =>
    exportRow(1, { 申报编号: `SC${run}-${suffix}`, ...cells });

  async function account(
    username: string,
    role: StaffRole,
    scope: { regionCode: string; county?: string; series?: string },
  ): Promise<void> {
    await t.app
      .get(StaffService)
      .create({ username, displayName: username, role, password: PASSWORD, ...scope });
    tokens[username] = (
      await t.api.post('/api/auth/staff').send({ username, password: PASSWORD }).expect(200)
    ).body.token;
  }

  const idOf = async (suffix: string): Promise<string> =>
    String(
      (
        await t.dataSource.query('SELECT id FROM application WHERE applicationNo = ?', [
          `SC${run}-${suffix}`,
        ])
      )[0].id,
    );

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    tokens.hotan = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
    await account(`kashgar${run}`, STAFF_ROLE.PREFECTURE_OFFICE, { regionCode: '6531' });
    tokens.kashgar = tokens[`kashgar${run}`] ?? '';
    await account(`xinjiang${run}`, STAFF_ROLE.PREFECTURE_OFFICE, { regionCode: '65' });
    tokens.xinjiang = tokens[`xinjiang${run}`] ?? '';
    await account(`yutian${run}`, STAFF_ROLE.COUNTY_HR_BUREAU, {
      regionCode: '6532',
      county: '于田县',
    });
    tokens.yutian = tokens[`yutian${run}`] ?? '';
    await account(`health${run}`, STAFF_ROLE.SERIES_AUTHORITY, {
      regionCode: '6532',
      series: 'health',
    });
    tokens.health = tokens[`health${run}`] ?? '';

    // Hotan: one Yutian health application (with a certificate), one Hotan-city engineering one.
    await t.api
      .post('/api/staff/imports?year=2023')
      .set(bearer('hotan'))
      .attach(
        'file',
        Buffer.from(
          exportCsv(
            [
              row('YT', {
                县市: '于田县',
                系列: '卫生健康',
                状态: '电子证书已签发',
                状态时间: '2023-12-05 10:00:00',
                证书编号: `SCC-${run}-YT`,
                发证日期: '2023/12/5',
                评审委员会: '和田地区卫生系列中级评审委员会',
              }),
              row('HT', { 县市: '和田市', 系列: '工程技术' }),
            ],
            CERTIFICATE_HEADERS,
          ),
        ),
        'hotan.csv',
      )
      .expect(200);
    // Kashgar's export, imported by the server's operator.
    await t.app.get(ImportService).importFile({
      bytes: Buffer.from(exportCsv([row('KS', { 县市: '疏附县', 系列: '卫生健康' })])),
      fileName: 'kashgar.csv',
      year: 2023,
      regionCode: '6531',
      staff: null,
      staffUserId: null,
    });
    for (const suffix of ['YT', 'HT', 'KS']) ids[suffix] = await idOf(suffix);
  });
  afterAll(() => t.close());

  it('GET /staff/applications lists only the applications of the account’s scope', async () => {
    const visible = async (who: string): Promise<string[]> => {
      const page = (
        await t.api.get(`/api/staff/applications?q=SC${run}`).set(bearer(who)).expect(200)
      ).body;
      // The count is the scope's too: it must not tell how many exist elsewhere.
      expect(page.total).toBe(page.items.length);
      return page.items
        .map((item: { applicationNo: string }) => item.applicationNo.split('-')[1])
        .sort();
    };
    await expect(visible('hotan')).resolves.toEqual(['HT', 'YT']);
    await expect(visible('kashgar')).resolves.toEqual(['KS']);
    await expect(visible('xinjiang')).resolves.toEqual(['HT', 'KS', 'YT']);
    await expect(visible('yutian')).resolves.toEqual(['YT']);
    await expect(visible('health')).resolves.toEqual(['YT']);
  });

  it('GET /staff/applications/:id answers outside the scope like an unknown id', async () => {
    const detail = (who: string, id: string) =>
      t.api.get(`/api/staff/applications/${id}`).set(bearer(who));
    const cases: Array<[string, string, number]> = [
      ['hotan', 'YT', 200],
      ['hotan', 'KS', 404],
      ['kashgar', 'KS', 200],
      ['kashgar', 'YT', 404],
      ['xinjiang', 'KS', 200],
      ['yutian', 'YT', 200],
      ['yutian', 'HT', 404],
      ['health', 'YT', 200],
      ['health', 'HT', 404],
    ];
    for (const [who, suffix, status] of cases) {
      const res = await detail(who, ids[suffix] ?? '').expect(status);
      if (status === 404) expect(res.body.code).toBe('APPLICATION_NOT_FOUND');
    }
    const unknown = await detail('hotan', '999999').expect(404);
    expect(unknown.body).toEqual({
      ...(await detail('kashgar', ids.YT ?? '').expect(404)).body,
      message: unknown.body.message,
    });
  });

  it('GET /staff/applications/:id/alerts answers outside the scope like an unknown id', async () => {
    const alerts = (who: string, suffix: string) =>
      t.api.get(`/api/staff/applications/${ids[suffix] ?? ''}/alerts`).set(bearer(who));
    await alerts('hotan', 'YT').expect(200);
    await alerts('yutian', 'YT').expect(200);
    await alerts('health', 'YT').expect(200);
    for (const [who, suffix] of [
      ['kashgar', 'YT'],
      ['yutian', 'HT'],
      ['health', 'HT'],
      ['hotan', 'KS'],
    ] as const) {
      expect((await alerts(who, suffix).expect(404)).body.code).toBe('APPLICATION_NOT_FOUND');
    }
  });

  it('GET /staff/reminders shows only the deliveries of the account’s scope', async () => {
    // A failed push for the Yutian and for the Kashgar application.
    for (const suffix of ['YT', 'KS']) {
      await t.unitOfWork.write(async (manager) => {
        await manager.query(
          "INSERT INTO reminder_alert (dedupeKey, applicationId, kind, ruleId, section, deadline, data) VALUES (?, ?, 'fee_due', 'R12', '三', NULL, '{}')",
          [`scope:${run}:${suffix}`, Number(ids[suffix])],
        );
        const [alert] = await manager.query('SELECT id FROM reminder_alert WHERE dedupeKey = ?', [
          `scope:${run}:${suffix}`,
        ]);
        await manager.query(
          "INSERT INTO inbox_message (alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushNotBefore, pushError) VALUES (?, 999, ?, 'fee_due', 'failed', 1, '2023-08-01 00:00:00', '47003')",
          [Number(alert.id), Number(ids[suffix])],
        );
      });
    }
    const attention = async (who: string): Promise<string[]> =>
      (await t.api.get('/api/staff/reminders').set(bearer(who)).expect(200)).body.needsAttention
        .map((row: { applicationId: string | null }) => row.applicationId)
        .filter((id: string | null) => id === ids.YT || id === ids.KS)
        .sort();
    await expect(attention('hotan')).resolves.toEqual([ids.YT]);
    await expect(attention('yutian')).resolves.toEqual([ids.YT]);
    await expect(attention('health')).resolves.toEqual([ids.YT]);
    await expect(attention('kashgar')).resolves.toEqual([ids.KS]);
    await expect(attention('xinjiang')).resolves.toEqual([ids.YT, ids.KS].sort());
    const kashgarStates = (await t.api.get('/api/staff/reminders').set(bearer('kashgar'))).body
      .byState;
    expect(kashgarStates).toEqual({ failed: 1 });
  });

  it('POST /staff/imports: offices and county bureaus only, and only rows of their scope', async () => {
    const upload = (
      who: string,
      rows: ExportCells[],
      headers: readonly string[] = EXPORT_HEADERS,
    ) =>
      t.api
        .post('/api/staff/imports?year=2023')
        .set(bearer(who))
        .attach('file', Buffer.from(exportCsv(rows, headers)), 'scope.csv');
    const written = async (suffix: string): Promise<number> =>
      (
        await t.dataSource.query('SELECT id FROM application WHERE applicationNo = ?', [
          `SC${run}-${suffix}`,
        ])
      ).length;

    expect((await upload('health', [row('H1', {})]).expect(403)).body.code).toBe('FORBIDDEN');
    const otherCounty = await upload('yutian', [
      row('Y1', { 县市: '于田县' }),
      exportRow(2, { 申报编号: `SC${run}-Y2`, 县市: '洛浦县' }),
    ]).expect(403);
    expect(otherCounty.body).toMatchObject({ code: 'OUT_OF_SCOPE', details: { rows: [3] } });
    expect(await written('Y1')).toBe(0);
    await upload('yutian', [row('Y3', { 县市: '于田县' })]).expect(200);
    expect(await written('Y3')).toBe(1);

    const foreign = await upload(
      'hotan',
      [row('F1', { 地区: '6531' })],
      [...EXPORT_HEADERS, '地区'],
    ).expect(403);
    expect(foreign.body.code).toBe('OUT_OF_SCOPE');
    expect(await written('F1')).toBe(0);
    // The Kashgar office's rows land in Kashgar.
    await upload('kashgar', [row('K2', {})]).expect(200);
    const [k2] = await t.dataSource.query(
      'SELECT regionCode FROM application WHERE applicationNo = ?',
      [`SC${run}-K2`],
    );
    expect(k2.regionCode).toBe('6531');
  });

  it('POST /staff/certificates/:id/revoke: the prefecture office of the certificate’s region only', async () => {
    const [certificate] = await t.dataSource.query(
      'SELECT id FROM certificate WHERE certificateNo = ?',
      [`SCC-${run}-YT`],
    );
    const revoke = (who: string) =>
      t.api
        .post(`/api/staff/certificates/${String(certificate.id)}/revoke`)
        .set(bearer(who))
        .send({ reason: '提供虚假材料' });
    expect((await revoke('yutian').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await revoke('health').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await revoke('kashgar').expect(404)).body.code).toBe('CERTIFICATE_NOT_FOUND');
    const [still] = await t.dataSource.query('SELECT state FROM certificate WHERE id = ?', [
      certificate.id,
    ]);
    expect(still.state).toBe('valid');
    await expect(
      revoke('hotan')
        .expect(200)
        .then((r) => r.body.state),
    ).resolves.toBe('revoked');

    const listed = async (who: string): Promise<number> =>
      (await t.api.get(`/api/staff/certificates?number=SCC-${run}-YT`).set(bearer(who)).expect(200))
        .body.items.length;
    await expect(listed('hotan')).resolves.toBe(1);
    await expect(listed('yutian')).resolves.toBe(1);
    await expect(listed('kashgar')).resolves.toBe(0);
  });

  it('POST /staff/users: the prefecture office creates accounts in its own region only', async () => {
    const create = (who: string, body: object) =>
      t.api
        .post('/api/staff/users')
        .set(bearer(who))
        .send({ displayName: 'x', password: PASSWORD, role: 'prefecture_office', ...body });
    expect((await create('yutian', { username: `a${run}` }).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await create('kashgar', { username: `b${run}`, regionCode: '6532' }).expect(403)).body.code,
    ).toBe('OUT_OF_SCOPE');
    const own = await create('kashgar', { username: `c${run}` }).expect(201);
    expect(own.body.regionCode).toBe('6531');
    const chosen = await create('xinjiang', { username: `d${run}`, regionCode: '6532' }).expect(
      201,
    );
    expect(chosen.body.regionCode).toBe('6532');
  });
});
