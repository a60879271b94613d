import { ModulesContainer } from '@nestjs/core';

import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';

import { AUTH_REQUIREMENT } from '../../src/modules/auth/auth.constant';
import type { AuthRequirement } from '../../src/modules/auth/auth.constant';
import {
  EXPORT_HEADERS,
  exportCsv,
  exportRow,
} from '../../src/modules/mirror/import/export.fixture';
import type { ExportCells } from '../../src/modules/mirror/import/export.fixture';
import { StaffService } from '../../src/modules/staff/staff.service';
import { callerFrom } from '../support/requests';
import { dumpTables } from '../support/table-dump';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const { PREFECTURE_OFFICE, COUNTY_HR_BUREAU, SERIES_AUTHORITY } = STAFF_ROLE;
const EVERY_STAFF_ROLE: readonly StaffRole[] = [
  PREFECTURE_OFFICE,
  COUNTY_HR_BUREAU,
  SERIES_AUTHORITY,
];

// Who may call each staff route (docs/threat-model.md, "Who can do what"). Scope — which
// records within the route — is staff-scope.e2e-spec.ts's subject. The walk below reads the
// routes from the running server: a new route under /api/staff or /api/office fails it until
// it is decided here, and a decision for a route that is gone fails it too.
const ALLOWED_ROLES: Record<string, readonly StaffRole[]> = {
  'GET /api/staff/applications': EVERY_STAFF_ROLE,
  'GET /api/staff/applications/:id': EVERY_STAFF_ROLE,
  'GET /api/staff/applications/:id/alerts': EVERY_STAFF_ROLE,
  'GET /api/staff/applications/:id/facts': EVERY_STAFF_ROLE,
  // Office facts are what the title office or the county bureau checked in the papers.
  'PUT /api/staff/applications/:id/facts': [PREFECTURE_OFFICE, COUNTY_HR_BUREAU],
  'GET /api/staff/reminders': EVERY_STAFF_ROLE,
  'POST /api/staff/imports': [PREFECTURE_OFFICE, COUNTY_HR_BUREAU],
  'GET /api/staff/imports/reports/:reportId': [PREFECTURE_OFFICE, COUNTY_HR_BUREAU],
  'GET /api/staff/certificates': EVERY_STAFF_ROLE,
  'POST /api/staff/certificates/:id/revoke': [PREFECTURE_OFFICE],
  // Complaints and suggestions (投诉建议) are answered by the office, for the public.
  'GET /api/staff/feedback': [PREFECTURE_OFFICE],
  'GET /api/staff/feedback/:id': [PREFECTURE_OFFICE],
  'POST /api/staff/feedback/:id/reply': [PREFECTURE_OFFICE],
  'POST /api/staff/feedback/:id/handled': [PREFECTURE_OFFICE],
  'GET /api/staff/users': [PREFECTURE_OFFICE],
  'POST /api/staff/users': [PREFECTURE_OFFICE],
  'POST /api/office/notice-drafts': [PREFECTURE_OFFICE],
  'POST /api/office/notice-drafts/file': [PREFECTURE_OFFICE],
  'GET /api/office/notices': [PREFECTURE_OFFICE],
  'POST /api/office/notices': [PREFECTURE_OFFICE],
  'GET /api/office/notices/:id': [PREFECTURE_OFFICE],
  'PUT /api/office/notices/:id': [PREFECTURE_OFFICE],
  'POST /api/office/notices/:id/publish': [PREFECTURE_OFFICE],
  'POST /api/office/notices/:id/corrections': [PREFECTURE_OFFICE],
  'POST /api/office/notices/:id/withdraw': [PREFECTURE_OFFICE],
};

const STAFF_PREFIXES = ['/api/staff/', '/api/office/'];
const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const PASSWORD = 'a long enough password';
const run = Date.now().toString(36);
const CERTIFICATE_HEADERS = [...EXPORT_HEADERS, '证书编号', '发证日期', '评审委员会'];

type Caller = StaffRole | 'applicant' | 'anonymous';
// Every role the contract knows: a role added later is walked too, and refused until decided.
const CALLERS: readonly Caller[] = [...Object.values(STAFF_ROLE), 'applicant', 'anonymous'];

// Every `METHOD /path` the server answers, from Fastify's own route tree (HEAD mirrors GET).
// printRoutes draws one node per line, four columns per level, methods in parentheses.
function servedRoutes(t: TestApp): string[] {
  const tree: string = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const ancestors: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const node = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const [, indent = '', segment = '', methods] = node;
    const depth = indent.length / 4;
    ancestors.length = depth;
    const path = `${ancestors.join('')}${segment}`;
    ancestors.push(segment);
    for (const method of methods?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe('staff roles on every staff route', () => {
  let t: TestApp;
  const from = callerFrom('198.51.100');
  const tokens: Partial<Record<Caller, string>> = {};
  const ids = { application: '', certificate: '', notice: '' };
  const as = (caller: Caller) => from(tokens[caller]);
  const applicationNo = (suffix: string) => `SR${run}-${suffix}`;
  const row = (suffix: string, cells: ExportCells): ExportCells =>
    exportRow(1, { 申报编号: applicationNo(suffix), ...cells });

  const upload = (caller: Caller, rows: ExportCells[], headers: readonly string[]) =>
    t.api
      .post('/api/staff/imports?year=2023')
      .set(as(caller))
      .attach('file', Buffer.from(exportCsv(rows, headers)), 'roles.csv');

  // A concrete URL for a route: its ids are real records every staff role may see.
  function concrete(path: string): string {
    return path.replace(/:(\w+)/g, (_, name: string) => {
      if (path.startsWith('/api/staff/applications')) return ids.application;
      if (path.startsWith('/api/staff/certificates')) return ids.certificate;
      if (path.startsWith('/api/office/notices')) return ids.notice;
      return name === 'reportId' ? 'no-such-report' : '1';
    });
  }

  function send(caller: Caller, route: string) {
    const [method = '', path = ''] = route.split(' ');
    const url = concrete(path);
    const headers = as(caller);
    switch (method) {
      case 'GET':
        return t.api.get(url).set(headers);
      case 'DELETE':
        return t.api.delete(url).set(headers);
      case 'POST':
        return t.api.post(url).set(headers).send({});
      case 'PUT':
        return t.api.put(url).set(headers).send({});
      case 'PATCH':
        return t.api.patch(url).set(headers).send({});
      default:
        throw new Error(`No request for ${route}`);
    }
  }

  async function signInStaff(
    role: StaffRole,
    scope: { regionCode: string; county?: string; series?: string },
  ): Promise<string> {
    const username = `${role.replace(/_/g, '')}${run}`;
    await t.app
      .get(StaffService)
      .create({ username, displayName: username, role, password: PASSWORD, ...scope });
    return (await t.api.post('/api/auth/staff').send({ username, password: PASSWORD }).expect(200))
      .body.token;
  }

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    // The bootstrap account: the prefecture office of the deployment's region (6532, Hotan).
    tokens[PREFECTURE_OFFICE] = (
      await t.api.post('/api/auth/staff').send(ADMIN).expect(200)
    ).body.token;
    tokens[COUNTY_HR_BUREAU] = await signInStaff(COUNTY_HR_BUREAU, {
      regionCode: '6532',
      county: '于田县',
    });
    tokens[SERIES_AUTHORITY] = await signInStaff(SERIES_AUTHORITY, {
      regionCode: '6532',
      series: 'health',
    });
    tokens.applicant = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `roles-${run}` })
        .expect(200)
    ).body.token;

    // A Yutian health application with a certificate, in every role's scope; and a Hotan-city
    // engineering one, outside the county bureau's.
    await upload(
      PREFECTURE_OFFICE,
      [
        row('YT', {
          县市: '于田县',
          系列: '卫生健康',
          状态: '电子证书已签发',
          状态时间: '2023-12-05 10:00:00',
          证书编号: `SRC-${run}`,
          发证日期: '2023/12/5',
          评审委员会: '和田地区卫生系列中级评审委员会',
        }),
        row('HT', { 县市: '和田市', 系列: '工程技术' }),
      ],
      CERTIFICATE_HEADERS,
    ).expect(200);
    const idOf = async (sql: string, value: string): Promise<string> =>
      String((await t.dataSource.query(sql, [value]))[0]?.id ?? '');
    ids.application = await idOf(
      'SELECT id FROM application WHERE applicationNo = ?',
      applicationNo('YT'),
    );
    ids.certificate = await idOf(
      'SELECT id FROM certificate WHERE certificateNo = ?',
      `SRC-${run}`,
    );
    const notices = (await t.api.get('/api/office/notices').set(as(PREFECTURE_OFFICE)).expect(200))
      .body;
    ids.notice = String(notices.items?.[0]?.id ?? '999999');
    expect(ids.application).not.toBe('');
    expect(ids.certificate).not.toBe('');
  });
  afterAll(() => t.close());

  it('has decided who may call every staff route the server answers, and only those', () => {
    const served = servedRoutes(t).filter((route) =>
      STAFF_PREFIXES.some((prefix) => route.split(' ')[1]?.startsWith(prefix)),
    );
    // Not vacuous: the tree was read.
    expect(servedRoutes(t)).toContain('GET /api/health');
    expect(served.sort()).toEqual(Object.keys(ALLOWED_ROLES).sort());
  });

  it('names the roles on every staff handler: none is open to every staff role by default', () => {
    const unnamed: string[] = [];
    let staffHandlers = 0;
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const prototype = metatype?.prototype as Record<string, unknown> | undefined;
        if (!metatype || !prototype) continue;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const requirement: AuthRequirement | null | undefined =
            Reflect.getMetadata(AUTH_REQUIREMENT, handler) ??
            Reflect.getMetadata(AUTH_REQUIREMENT, metatype);
          if (requirement?.kind !== PRINCIPAL_KIND.STAFF) continue;
          staffHandlers += 1;
          if (!requirement.roles?.length) unnamed.push(`${metatype.name}.${name}`);
        }
      }
    }
    expect(unnamed).toEqual([]);
    expect(staffHandlers).toBe(Object.keys(ALLOWED_ROLES).length);
  });

  it('refuses every other caller on every staff route, and writes nothing', async () => {
    // Every row of every table, to show that a refused request wrote nothing anywhere.
    const before = await dumpTables(t.dataSource);
    const answers: string[] = [];
    const expected: string[] = [];
    for (const [route, roles] of Object.entries(ALLOWED_ROLES)) {
      for (const caller of CALLERS) {
        if ((roles as readonly string[]).includes(caller)) continue;
        const res = await send(caller, route);
        answers.push(`${route} as ${caller} → ${res.status} ${String(res.body?.code)}`);
        expected.push(
          `${route} as ${caller} → ${caller === 'anonymous' ? '401 UNAUTHENTICATED' : '403 FORBIDDEN'}`,
        );
      }
    }
    expect(answers).toEqual(expected);
    expect(await dumpTables(t.dataSource)).toEqual(before);
  });

  it('lets every allowed role past the role check on every staff route', async () => {
    const answers: string[] = [];
    for (const [route, roles] of Object.entries(ALLOWED_ROLES)) {
      for (const role of roles) {
        const res = await send(role, route);
        if (res.status === 401 || res.status === 403) {
          answers.push(`${route} as ${role} → ${res.status} ${String(res.body?.code)}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it('revokes a certificate for the prefecture office only', async () => {
    const revoke = (caller: Caller) =>
      t.api
        .post(`/api/staff/certificates/${ids.certificate}/revoke`)
        .set(as(caller))
        .send({ reason: '提供虚假材料' });
    const state = async () =>
      (
        await t.dataSource.query('SELECT state, revokedReason FROM certificate WHERE id = ?', [
          ids.certificate,
        ])
      )[0];
    const audits = async () =>
      (
        await t.dataSource.query(
          "SELECT id FROM audit_log WHERE targetType = 'certificate' AND targetId = ?",
          [ids.certificate],
        )
      ).length;

    for (const caller of [COUNTY_HR_BUREAU, SERIES_AUTHORITY, 'applicant'] as const) {
      expect((await revoke(caller).expect(403)).body.code).toBe('FORBIDDEN');
    }
    expect(await state()).toMatchObject({ state: 'valid', revokedReason: null });
    expect(await audits()).toBe(0);

    expect((await revoke(PREFECTURE_OFFICE).expect(200)).body.state).toBe('revoked');
    expect(await state()).toMatchObject({ state: 'revoked', revokedReason: '提供虚假材料' });
    expect(await audits()).toBe(1);
  });

  it('imports for the prefecture office and for a county bureau’s own county only', async () => {
    const stored = async (suffix: string) =>
      (
        await t.dataSource.query(
          'SELECT county, series, status FROM application WHERE applicationNo = ?',
          [applicationNo(suffix)],
        )
      )[0] ?? null;

    // A series authority imports nothing, not even rows of its own series.
    expect(
      (
        await upload(SERIES_AUTHORITY, [row('SA', { 系列: '卫生健康' })], EXPORT_HEADERS).expect(
          403,
        )
      ).body.code,
    ).toBe('FORBIDDEN');
    expect(await stored('SA')).toBeNull();

    // Another county's rows: refused whole, nothing written.
    const otherCounty = await upload(
      COUNTY_HR_BUREAU,
      [row('Y1', { 县市: '于田县' }), row('L1', { 县市: '洛浦县' })],
      EXPORT_HEADERS,
    ).expect(403);
    expect(otherCounty.body.code).toBe('OUT_OF_SCOPE');
    expect(await stored('Y1')).toBeNull();

    await upload(COUNTY_HR_BUREAU, [row('Y2', { 县市: '于田县' })], EXPORT_HEADERS).expect(200);
    expect(await stored('Y2')).toMatchObject({ county: '于田县' });
    await upload(PREFECTURE_OFFICE, [row('H2', { 县市: '和田市' })], EXPORT_HEADERS).expect(200);
    expect(await stored('H2')).toMatchObject({ county: '和田市' });
  });

  it('never lets an import take over an application outside the importer’s scope', async () => {
    const stored = async (suffix: string) =>
      (
        await t.dataSource.query(
          'SELECT regionCode, county, status, statusChangedAt FROM application WHERE applicationNo = ?',
          [applicationNo(suffix)],
        )
      )[0] ?? null;
    const hotanCity = await stored('HT');

    // The Hotan-city application, claimed for Yutian by Yutian's bureau.
    const claimed = await upload(
      COUNTY_HR_BUREAU,
      [row('HT', { 县市: '于田县', 状态: '退回修改', 状态时间: '2023-08-01 10:00:00' })],
      EXPORT_HEADERS,
    );
    expect({ status: claimed.status, code: claimed.body.code }).toEqual({
      status: 403,
      code: 'OUT_OF_SCOPE',
    });
    expect(await stored('HT')).toEqual(hotanCity);
  });
});
