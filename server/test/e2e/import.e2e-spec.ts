import * as iconv from 'iconv-lite';

import { API_PREFIX, API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';

import {
  EXPORT_HEADERS,
  exportCsv,
  exportRowsNumbered,
  exportXlsx,
} from '../../src/modules/mirror/import/export.fixture';
import type { ExportCells } from '../../src/modules/mirror/import/export.fixture';
import {
  MINIMAL_XLSX_PARTS,
  deflateBody,
  writeZip,
} from '../../src/modules/mirror/import/zip.fixture';
import { StaffService } from '../../src/modules/staff/staff.service';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const run = Date.now().toString(36);

const rows = (prefix: string, count: number, overrides?: (i: number) => ExportCells) =>
  exportRowsNumbered(`${prefix}${run}`, count, overrides);
// What the platform writes above the header of its exports.
const TITLE = '和田地区2023年度职称申报人员名单';

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

  describe('exports as the platform writes them', () => {
    const statusesLike = async (prefix: string) =>
      (
        await t.dataSource.query(
          'SELECT applicationNo, status FROM application WHERE applicationNo LIKE ? ORDER BY applicationNo',
          [`${prefix}${run}-%`],
        )
      ).map((row: { status: string }) => row.status);

    it('finds the header below a title row and a blank row of a GBK csv, numbering rows as Excel does', async () => {
      const csv = `${TITLE}\r\n\r\n${exportCsv(rows('TITLED', 3))}`;
      const res = await upload(iconv.encode(csv, 'gbk'), 'titled.csv').expect(200);
      expect(res.body).toMatchObject({ encoding: 'gb18030', rowCount: 3, created: 3 });

      const bad = `${TITLE}\r\n\r\n${exportCsv(
        rows('TITLEDBAD', 2, (i): ExportCells => (i === 1 ? { 级别: '特级' } : {})),
      )}`;
      const refused = await upload(iconv.encode(bad, 'gbk'), 'titled-bad.csv').expect(422);
      // Title 1, blank 2, header 3: the second data row is row 5.
      expect(refused.body.details.errors).toEqual([
        { rowNumber: 5, column: '级别', reason: 'Unknown level' },
      ]);
    });

    it('finds the header below a title row in an xlsx sheet', async () => {
      const xlsx = await exportXlsx(rows('XTITLED', 2), EXPORT_HEADERS, (sheet) => {
        sheet.spliceRows(1, 0, [TITLE], []);
      });
      const res = await upload(xlsx, 'titled.xlsx').expect(200);
      expect(res.body).toMatchObject({ format: 'xlsx', rowCount: 2, created: 2 });
    });

    it('still refuses a file whose first rows name no header, saying which columns it lacks', async () => {
      const res = await upload(`${TITLE}\r\n申报编号,姓名\r\nX-1,张三\r\n`, 'no-header.csv').expect(
        400,
      );
      expect(res.body).toMatchObject({
        code: 'IMPORT_FILE_REJECTED',
        details: { reason: 'MISSING_COLUMNS', columns: expect.arrayContaining(['身份证号']) },
      });
      expect(res.body.details.columns).not.toContain('申报编号');
    });

    it('reads the platform’s status labels and their synonyms, in full- or half-width forms', async () => {
      const labels = ['单位审核中', '评审中', '【评审阶段】', '待单位审核', '已接收材料'];
      const res = await upload(
        exportCsv(rows('LABEL', labels.length, (i) => ({ 状态: labels[i] ?? '' }))),
        'labels.csv',
      ).expect(200);
      expect(res.body).toMatchObject({ created: labels.length, skipped: [] });
      await expect(statusesLike('LABEL')).resolves.toEqual([
        'employer_review',
        'evaluation_meeting',
        'evaluation_meeting',
        'employer_review',
        'materials_received',
      ]);
    });

    it('names the known labels when a status is unknown', async () => {
      const res = await upload(
        exportCsv(rows('NOLABEL', 1, () => ({ 状态: '审核中' }))),
        'unknown-label.csv',
      ).expect(422);
      const [error] = res.body.details.errors;
      expect(error).toMatchObject({ rowNumber: 2, column: '状态' });
      expect(error.reason).toMatch(/^Unknown status \(known: .*单位审核公示.*评审会/);
      expect(res.body.details.counts).toEqual({ 'Unknown status': 1 });
    });

    it('stores names without invisible characters and refuses names that start like a formula', async () => {
      await upload(
        exportCsv(rows('NAMES', 1, () => ({ 姓名: '\u202e王\u200b建国\u2069' }))),
        'names.csv',
      ).expect(200);
      const stored = await t.dataSource.query(
        'SELECT applicantName FROM application WHERE applicationNo = ?',
        [`NAMES${run}-1`],
      );
      expect(stored).toEqual([{ applicantName: '王建国' }]);

      const res = await upload(
        exportCsv(
          rows('BADNAMES', 3, (i) => ({ 姓名: ['+86王建国', '\u200b@SUM(A1)', '-1'][i] ?? '' })),
        ),
        'bad-names.csv',
      ).expect(422);
      expect(res.body.details.errors).toEqual(
        [2, 3, 4].map((rowNumber) => ({
          rowNumber,
          column: '姓名',
          reason: 'Name starts with = + - or @',
        })),
      );
    });
  });

  describe('packages that would exhaust memory', () => {
    // Each part inflates to just under 1 MiB, below the per-part ratio check.
    const almostMiB = deflateBody(Buffer.alloc(1024 * 1024 - 1, 0x20));
    const packageOf = (count: number, folder: string): Buffer =>
      writeZip([
        ...MINIMAL_XLSX_PARTS,
        ...Array.from({ length: count }, (_unused, i) => ({
          name: `${folder}/part${i}.xml`,
          deflated: almostMiB,
        })),
      ]);

    it('refuses 990 parts of just under 1 MiB each before inflating any', async () => {
      const res = await upload(packageOf(990, 'xl/worksheets'), 'parts.xlsx').expect(400);
      expect(res.body).toMatchObject({
        code: 'IMPORT_FILE_REJECTED',
        details: { reason: 'ZIP_TOO_MANY_ENTRIES', entryCount: 991 },
      });
    });

    it('refuses sheets that unpack to more than the reader can hold, whatever the part count', async () => {
      const res = await upload(packageOf(60, 'xl/worksheets'), 'sheets.xlsx').expect(400);
      expect(res.body).toMatchObject({
        code: 'IMPORT_FILE_REJECTED',
        details: { reason: 'WORKBOOK_TOO_LARGE' },
      });
    });
  });

  describe('the error report of a file with many bad rows', () => {
    let reportId: string;
    const badRowCount = 20_000;

    it('answers the first 1,000 bad cells, the count of each kind and the total', async () => {
      const file = exportCsv(
        rows('MANYBAD', badRowCount, (i): ExportCells => ({
          状态: '审核中',
          ...(i % 4 === 0 ? { 身份证号: '653201199005171232' } : {}),
        })),
      );
      const res = await upload(file, 'many-bad.csv').expect(422);
      expect(res.body.code).toBe('IMPORT_ROWS_INVALID');
      const { details } = res.body;
      expect(details.errors).toHaveLength(1000);
      expect(details.errors[0]).toMatchObject({ rowNumber: 2, column: '身份证号' });
      expect(details).toMatchObject({
        errorCount: badRowCount + badRowCount / 4,
        isTruncated: true,
        counts: {
          'Unknown status': badRowCount,
          'ID number: BAD_CHECK_DIGIT': badRowCount / 4,
        },
        reportId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      reportId = details.reportId;
    });

    it('lets the uploader download every bad cell as csv whose cells cannot run as formulas', async () => {
      const res = await t.api
        .get(`/${API_PREFIX}${API_ROUTES.staffImportReport(reportId)}`)
        .set('Authorization', `Bearer ${staff}`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const text = (res.body as Buffer).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text
        .slice(1)
        .split('\r\n')
        .filter((line) => line !== '');
      expect(lines[0]).toBe('行号,列,原因');
      expect(lines).toHaveLength(1 + badRowCount + badRowCount / 4);
      expect(lines[1]).toMatch(/^2,身份证号,ID number: BAD_CHECK_DIGIT$/);
      expect(lines.some((line) => /(^|,)"?[=+\-@]/.test(line))).toBe(false);
    });

    it('refuses the report to other accounts, and unknown ids', async () => {
      const password = 'a long enough password for tests';
      await t.app.get(StaffService).create({
        username: `other${run}`,
        displayName: 'other',
        role: STAFF_ROLE.PREFECTURE_OFFICE,
        regionCode: '6532',
        password,
      });
      const other = (
        await t.api
          .post('/api/auth/staff')
          .send({ username: `other${run}`, password })
          .expect(200)
      ).body.token;
      await t.api
        .get(`/${API_PREFIX}${API_ROUTES.staffImportReport(reportId)}`)
        .set('Authorization', `Bearer ${other}`)
        .expect(404);
      await t.api
        .get('/api/staff/imports/reports/00000000-0000-4000-8000-000000000000')
        .set('Authorization', `Bearer ${staff}`)
        .expect(404);
      await t.api
        .get('/api/staff/imports/reports/..%2F..%2Fetc%2Fpasswd')
        .set('Authorization', `Bearer ${staff}`)
        .expect(400);
    });
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

    it('refuses another region’s office a file naming this region’s applications, applying none of it', async () => {
      const password = 'a long enough password for tests';
      await t.app.get(StaffService).create({
        username: `kashgar${run}`,
        displayName: 'kashgar',
        role: STAFF_ROLE.PREFECTURE_OFFICE,
        regionCode: '6531',
        password,
      });
      const kashgar = (
        await t.api
          .post('/api/auth/staff')
          .send({ username: `kashgar${run}`, password })
          .expect(200)
      ).body.token;
      const stored = async (prefix: string) =>
        t.dataSource.query(
          'SELECT applicationNo, regionCode, county, status, statusChangedAt FROM application WHERE applicationNo LIKE ? ORDER BY applicationNo',
          [`${prefix}${run}-%`],
        );
      await upload(exportCsv(rows('HOTANOWN', 2)), 'hotan.csv').expect(200);
      const hotanOwn = await stored('HOTANOWN');
      const [first, second] = rows('HOTANOWN', 2, () => ({
        状态: '已缴费',
        状态时间: '2023-08-01 09:00:00',
      }));
      const kashgarOwn = rows('KASHGAROWN', 1000, () => ({ 县市: '喀什市' }));
      // Kashgar's own rows fill the first chunk of 500, so it is applied before the Hotan
      // application numbers (rows 502 and 1003, in later chunks; without 地区 they take the
      // importer's region) are met.
      const claim = [...kashgarOwn.slice(0, 500), first, ...kashgarOwn.slice(500), second].filter(
        (cells): cells is ExportCells => cells !== undefined,
      );
      const before = await count('import_batch');
      const res = await t.api
        .post('/api/staff/imports?year=2023')
        .set('Authorization', `Bearer ${kashgar}`)
        .attach('file', Buffer.from(exportCsv(claim)), 'claim.csv')
        .expect(403);
      expect(res.body).toMatchObject({
        code: 'OUT_OF_SCOPE',
        details: { rowCount: 2, rows: [502, 1003] },
      });
      await expect(stored('HOTANOWN')).resolves.toEqual(hotanOwn);
      await expect(stored('KASHGAROWN')).resolves.toEqual([]);
      await expect(count('import_batch')).resolves.toBe(before);
    });
  });
});
