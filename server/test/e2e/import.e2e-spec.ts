import * as iconv from 'iconv-lite';

import {
  EXPORT_HEADERS,
  exportCsv,
  exportRowsNumbered,
  exportXlsx,
} from '../../src/modules/mirror/import/export.fixture';
import type { ExportCells } from '../../src/modules/mirror/import/export.fixture';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const run = Date.now().toString(36);

const rows = (prefix: string, count: number, overrides?: (i: number) => ExportCells) =>
  exportRowsNumbered(`${prefix}${run}`, count, overrides);

describe('importing platform exports (staff)', () => {
  let t: TestApp;
  let staff: string;
  const upload = (bytes: Buffer | string, fileName: string, query = '') =>
    t.api
      .post(`/api/staff/imports${query}`)
      .set('Authorization', `Bearer ${staff}`)
      .attach('file', Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), fileName);
  const count = async (table: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    staff = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
  });
  afterAll(() => t.close());

  it('applies a good csv in one go, and the staff list shows it with masked ID numbers', async () => {
    const res = await upload(exportCsv(rows('GOOD', 3)), 'export.csv').expect(200);
    expect(res.body).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      rowCount: 3,
      created: 3,
      changed: 0,
      unchanged: 0,
      skipped: [],
    });
    const list = await t.api
      .get(`/api/staff/applications?q=GOOD${run}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items[0]).toMatchObject({
      status: 'materials_received',
      county: '和田市',
      idCardNumberMasked: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/),
    });
    const detail = await t.api
      .get(`/api/staff/applications/${list.body.items[0].id}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(detail.body.history).toEqual([
      {
        fromStatus: null,
        toStatus: 'materials_received',
        changedAt: '2023-07-20T02:05:00.000Z',
        source: 'import',
        sourceRef: expect.stringMatching(/^import_batch:\d+$/),
      },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = exportCsv(rows('AGAIN', 3));
    await upload(file, 'again.csv').expect(200);
    const [applications, history, events] = [
      await count('application'),
      await count('status_history'),
      await count('domain_event'),
    ];
    const res = await upload(file, 'again.csv').expect(200);
    expect(res.body).toMatchObject({ created: 0, changed: 0, unchanged: 3, skipped: [] });
    expect([
      await count('application'),
      await count('status_history'),
      await count('domain_event'),
    ]).toEqual([applications, history, events]);
  });

  it('imports the return reason and the platform’s facts, and re-importing them writes nothing', async () => {
    const headers = [...EXPORT_HEADERS, '退回意见', '单位性质', '是否首次申报', '答辩时间'];
    const file = exportCsv(
      rows('SAID', 2, (i): ExportCells =>
        i === 0
          ? {
              状态: '已退回',
              退回意见: '缺少2022年度继续教育证明',
              单位性质: '国有企业',
              是否首次申报: '是',
              答辩时间: '2023-10-20 10:00',
            }
          : {},
      ),
      headers,
    );
    await upload(file, 'said.csv').expect(200);
    const stored: Array<{ returnReason: string | null; platformFacts: string | null }> =
      await t.dataSource.query(
        'SELECT returnReason, platformFacts FROM application WHERE applicationNo IN (?, ?) ORDER BY applicationNo',
        [`SAID${run}-1`, `SAID${run}-2`],
      );
    expect(stored[0]?.returnReason).toBe('缺少2022年度继续教育证明');
    expect(JSON.parse(stored[0]?.platformFacts ?? 'null')).toEqual({
      employerKind: {
        value: 'state_enterprise',
        source: 'platform',
        recordedAt: expect.any(String),
      },
      isFirstApplication: { value: true, source: 'platform', recordedAt: expect.any(String) },
      defenceScheduledAt: {
        value: '2023-10-20T02:00:00.000Z',
        source: 'platform',
        recordedAt: expect.any(String),
      },
    });
    expect(stored[1]).toEqual({ returnReason: null, platformFacts: null });

    const again = await upload(file, 'said.csv').expect(200);
    expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    const unchanged = await t.dataSource.query(
      'SELECT returnReason, platformFacts FROM application WHERE applicationNo IN (?, ?) ORDER BY applicationNo',
      [`SAID${run}-1`, `SAID${run}-2`],
    );
    expect(unchanged).toEqual(stored);

    const bad = await upload(
      exportCsv(
        rows('SAIDBAD', 1, () => ({ 单位性质: '个体户' })),
        headers,
      ),
      'bad.csv',
    ).expect(422);
    expect(JSON.stringify(bad.body)).toContain('单位性质');
  });

  it('rejects a 10,000-row file with one bad row whole, naming the row, column and reason', async () => {
    const before = await count('application');
    const big = rows('BIG', 10_000, (i): ExportCells =>
      i === 4_321 ? { 身份证号: '653201199005171232' } : {},
    );
    const res = await upload(exportCsv(big), 'big.csv').expect(422);
    expect(res.body.code).toBe('IMPORT_ROWS_INVALID');
    expect(res.body.details.errorCount).toBe(1);
    expect(res.body.details.errors).toEqual([
      { rowNumber: 4_323, column: '身份证号', reason: expect.stringContaining('BAD_CHECK_DIGIT') },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('653201199005171232');
    expect(await count('application')).toBe(before);
  });

  it('applies nothing of a file whose last row is malformed, though its start was applied first', async () => {
    const before = await Promise.all(
      ['application', 'status_history', 'domain_event', 'import_batch'].map(count),
    );
    const csv = `${exportCsv(rows('LATE', 1_200, () => ({})))}LATE-RAGGED,王建国\r\n`;
    const res = await upload(csv, 'late.csv').expect(400);
    expect(res.body).toMatchObject({
      code: 'IMPORT_FILE_REJECTED',
      details: { reason: 'MALFORMED_CSV', rowNumber: 1_202 },
    });
    expect(
      await Promise.all(
        ['application', 'status_history', 'domain_event', 'import_batch'].map(count),
      ),
    ).toEqual(before);
  });

  it('reads a GBK csv saved by Chinese Excel (no BOM)', async () => {
    const res = await upload(iconv.encode(exportCsv(rows('GBK', 2)), 'gbk'), 'gbk.csv').expect(200);
    expect(res.body).toMatchObject({ encoding: 'gb18030', created: 2 });
    const list = await t.api
      .get(`/api/staff/applications?q=GBK${run}`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(list.body.items.map((a: { specialty: string }) => a.specialty)).toEqual([
      '临床医学',
      '临床医学',
    ]);
  });

  it('reads an xlsx export', async () => {
    const res = await upload(await exportXlsx(rows('XLSX', 2)), 'export.xlsx').expect(200);
    expect(res.body).toMatchObject({ format: 'xlsx', created: 2 });
  });

  it('moves statuses forward, reports older news and forbidden moves without applying them', async () => {
    const prefix = 'MOVE';
    await upload(exportCsv(rows(prefix, 3)), 'day1.csv').expect(200);
    const later = rows(
      prefix,
      3,
      (i): ExportCells =>
        (
          [
            { 状态: '已缴费', 状态时间: '2023-08-01 09:00:00', 缴费状态: '已缴费' }, // forward
            // Older than what we hold; inside the 2023 notice's application window, which gives
            // the row (no 年度) its year.
            { 状态: '已提交', 状态时间: '2023-07-20 09:00:00' },
            { 状态: '已提交', 状态时间: '2023-08-02 09:00:00' }, // backwards
          ] as ExportCells[]
        )[i] ?? {},
    );
    const res = await upload(exportCsv(later), 'day2.csv').expect(200);
    expect(res.body).toMatchObject({ created: 0, changed: 1, unchanged: 0 });
    expect(res.body.skipped).toEqual([
      {
        ref: 'row 3',
        applicationNo: `${prefix}${run}-2`,
        reason: 'stale',
        detail: expect.any(String),
      },
      {
        ref: 'row 4',
        applicationNo: `${prefix}${run}-3`,
        reason: 'forbidden_transition',
        detail: 'materials_received → submitted (not_reachable)',
      },
    ]);
    const list = await t.api
      .get(`/api/staff/applications?q=${prefix}${run}-1`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'fee_paid', isFeePaid: true });
    const events = await t.dataSource.query(
      "SELECT payload FROM domain_event WHERE kind = 'status_changed' ORDER BY id DESC",
    );
    expect(JSON.parse(events[0].payload)).toMatchObject({
      from: 'materials_received',
      to: 'fee_paid',
      source: 'import',
    });
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const small = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      IMPORT_MAX_UNPACKED_MIB: String(2_000 / (1024 * 1024)),
    });
    try {
      const token = (await small.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
      const res = await small.api
        .post('/api/staff/imports')
        .set('Authorization', `Bearer ${token}`)
        .attach('file', await exportXlsx(rows('BOMB', 5)), 'bomb.xlsx')
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'IMPORT_FILE_REJECTED',
        details: { reason: 'ZIP_TOO_LARGE_UNPACKED' },
      });
    } finally {
      await small.close();
    }
  });

  it('refuses a file with a missing column, no file, and callers who are not staff', async () => {
    const res = await upload('申报编号,姓名\r\nX-1,张三\r\n', 'partial.csv').expect(400);
    expect(res.body).toMatchObject({
      code: 'IMPORT_FILE_REJECTED',
      details: { reason: 'MISSING_COLUMNS' },
    });
    await t.api.post('/api/staff/imports').set('Authorization', `Bearer ${staff}`).expect(400);
    const applicant = (await t.api.post('/api/auth/dev').send({ devUserId: 'importer' })).body
      .token;
    await t.api
      .post('/api/staff/imports')
      .set('Authorization', `Bearer ${applicant}`)
      .attach('file', Buffer.from('x'), 'x.csv')
      .expect(403);
    await t.api
      .get('/api/staff/applications')
      .set('Authorization', `Bearer ${applicant}`)
      .expect(403);
  });

  describe('the year and region of rows', () => {
    const applicationsLike = async (prefix: string) =>
      t.dataSource.query(
        'SELECT applicationNo, year, regionCode FROM application WHERE applicationNo LIKE ? ORDER BY applicationNo',
        [`${prefix}${run}-%`],
      );

    it('gives rows without 年度 the year of the published notice whose application window holds them', async () => {
      // The fixture rows have no 年度 column; 2023-07-20 10:05 lies in the 2023 Hotan window.
      await upload(exportCsv(rows('WINDOW', 2)), 'window.csv').expect(200);
      await expect(applicationsLike('WINDOW')).resolves.toEqual([
        expect.objectContaining({ year: 2023, regionCode: '6532' }),
        expect.objectContaining({ year: 2023, regionCode: '6532' }),
      ]);
    });

    it('refuses a file with a row outside every window whole, with the options, and writes nothing', async () => {
      const before = await count('import_batch');
      const file = exportCsv(
        rows('NOWINDOW', 3, (i): ExportCells =>
          i === 2 ? { 状态时间: '2023-10-01 09:00:00' } : {},
        ),
      );
      const res = await upload(file, 'no-window.csv').expect(422);
      expect(res.body).toMatchObject({
        code: 'IMPORT_YEAR_UNKNOWN',
        details: {
          rowCount: 1,
          rows: [4],
          candidates: [],
          publishedYears: expect.arrayContaining([
            expect.objectContaining({ regionCode: '6532', year: 2023 }),
          ]),
          remedies: expect.arrayContaining(['add a 年度 column']),
        },
      });
      await expect(applicationsLike('NOWINDOW')).resolves.toEqual([]);
      await expect(count('import_batch')).resolves.toBe(before);
    });

    it('applies the year the office gives (form field or query) to rows without one; a 年度 cell wins', async () => {
      const file = exportCsv(
        rows('CHOSEN', 2, (i) => ({
          状态时间: '2023-10-01 09:00:00',
          ...(i === 1 ? { 年度: '2022' } : {}),
        })),
        [...EXPORT_HEADERS, '年度'],
      );
      await upload(file, 'chosen.csv').field('year', '2024').expect(200);
      await expect(applicationsLike('CHOSEN')).resolves.toEqual([
        expect.objectContaining({ year: 2024 }),
        expect.objectContaining({ year: 2022 }),
      ]);
      const byQuery = exportCsv(rows('QUERY', 1, () => ({ 状态时间: '2023-10-01 09:00:00' })));
      await upload(byQuery, 'query.csv', '?year=2025').expect(200);
      await expect(applicationsLike('QUERY')).resolves.toEqual([
        expect.objectContaining({ year: 2025 }),
      ]);
      await upload(byQuery, 'bad-year.csv').field('year', '20').expect(400);
    });

    it('takes a row’s 地区 by code or name, and refuses another region’s rows whole', async () => {
      const headers = [...EXPORT_HEADERS, '地区'];
      await upload(
        exportCsv(
          rows('REGION', 2, (i) => ({ 地区: i === 0 ? '6532' : '和田地区' })),
          headers,
        ),
        'region.csv',
      ).expect(200);
      await expect(applicationsLike('REGION')).resolves.toEqual([
        expect.objectContaining({ regionCode: '6532' }),
        expect.objectContaining({ regionCode: '6532' }),
      ]);
      const foreign = await upload(
        exportCsv(
          rows('FOREIGN', 2, (i) => ({ 地区: i === 1 ? '喀什地区' : '6532' })),
          headers,
        ),
        'foreign.csv',
      ).expect(403);
      expect(foreign.body).toMatchObject({ code: 'OUT_OF_SCOPE', details: { rows: [3] } });
      await expect(applicationsLike('FOREIGN')).resolves.toEqual([]);
      const unknown = await upload(
        exportCsv(
          rows('NOREGION', 1, () => ({ 地区: '火星' })),
          headers,
        ),
        'unknown-region.csv',
      ).expect(422);
      expect(unknown.body).toMatchObject({ code: 'IMPORT_ROWS_INVALID' });
    });
  });
});
