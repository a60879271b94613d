import {
  EXPORT_HEADERS,
  TEST_LIMITS,
  TEST_NOW,
  exportCsv,
  exportRow,
  exportRows,
  exportTable,
} from './export.fixture';
import type { ExportCells } from './export.fixture';
import { IMPORT_FILE_ERROR_REASON } from './import-file.error';
import { readExportTable } from './read-export';
import {
  ExportRowValidator,
  IMPORT_ROW_ERROR_REASON as R,
  validateExportRows,
} from './validate-rows';

const OPTIONS = { year: 2023, now: TEST_NOW };

// Row 2 is the first data row; the one row under test is built from exportRow(1).
function validateOne(overrides: ExportCells, headers: readonly string[] = EXPORT_HEADERS) {
  return validateExportRows(exportTable([exportRow(1, overrides)], headers), OPTIONS);
}

function errorsOf(overrides: ExportCells) {
  return validateOne(overrides).errors;
}

describe('validateExportRows', () => {
  it('turns a valid row into a record', () => {
    const { records, errors } = validateOne({
      身份证号: ' 65320119900517124x ',
      缴费状态: '已缴费',
    });

    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        rowNumber: 2,
        applicationNo: 'HT2023-00001',
        applicantName: '王建国',
        idCardNumber: '65320119900517124X',
        employer: '和田地区人民医院',
        county: '和田市',
        series: 'health',
        specialty: '临床医学',
        level: 'intermediate',
        route: 'prefecture_directed',
        isRouteStated: true,
        year: 2023,
        regionCode: null,
        status: 'materials_received',
        statusChangedAt: new Date('2023-07-20T02:05:00Z'),
        submissionCount: 1,
        feePaid: true,
        certificate: null,
        returnReason: null,
        platformFacts: {},
      },
    ]);
  });

  describe('what the platform says beyond the status', () => {
    const HEADERS = [...EXPORT_HEADERS, '审核意见', '单位性质', '是否首次申报', '答辩时间'];

    it('reads the return reason and the facts, the defence time as a Beijing wall time', () => {
      const { records, errors } = validateOne(
        {
          审核意见: '继续教育证明不全',
          单位性质: '民营企业',
          是否首次申报: '否',
          // After TEST_NOW: a defence is usually ahead.
          答辩时间: '2099-10-20 10:00',
        },
        HEADERS,
      );
      expect(errors).toEqual([]);
      expect(records[0]).toMatchObject({
        returnReason: '继续教育证明不全',
        platformFacts: {
          employerKind: 'private_enterprise',
          isFirstApplication: false,
          defenceScheduledAt: '2099-10-20T02:00:00.000Z',
        },
      });
    });

    it('leaves facts out when their cells are empty', () => {
      const { records } = validateOne({ 审核意见: '', 单位性质: '', 是否首次申报: '' }, HEADERS);
      expect(records[0]).toMatchObject({ returnReason: null, platformFacts: {} });
    });

    it.each([
      ['单位性质', '个体户', R.UNKNOWN_EMPLOYER_KIND],
      ['是否首次申报', '不是', R.UNKNOWN_YES_NO],
      ['答辩时间', '下周三', R.UNRECOGNISED_TIME],
      ['审核意见', '意'.repeat(2001), `${R.TOO_LONG} (max 2000 characters)`],
    ])('refuses %s when it reads %#', (column, value, reason) => {
      expect(validateOne({ [column]: value }, HEADERS).errors).toEqual([
        expect.objectContaining({ column, reason }),
      ]);
    });
  });

  describe('year, region and route as the row states them', () => {
    it('leaves the year to the service when neither the row nor the import has one', () => {
      const table = exportTable([exportRow(1)], EXPORT_HEADERS);
      const { records } = validateExportRows(table, { year: null, now: TEST_NOW });
      expect(records[0]).toMatchObject({ year: null, regionCode: null, isRouteStated: true });
    });

    it('reads 地区 by code or name and refuses an unknown one', () => {
      const headers = [...EXPORT_HEADERS, '地区'];
      expect(validateOne({ 地区: '喀什地区' }, headers).records[0]?.regionCode).toBe('6531');
      expect(validateOne({ 地区: '6532' }, headers).records[0]?.regionCode).toBe('6532');
      expect(validateOne({ 地区: '火星' }, headers).errors).toEqual([
        { rowNumber: 2, column: '地区', reason: R.UNKNOWN_REGION },
      ]);
    });

    it('tells a stated route from the default', () => {
      const headers = EXPORT_HEADERS.filter((header) => header !== '申报方式');
      expect(validateOne({}, headers).records[0]).toMatchObject({
        route: 'prefecture_directed',
        isRouteStated: false,
      });
    });
  });

  describe('e-certificate columns', () => {
    const CERTIFICATE_HEADERS = [
      ...EXPORT_HEADERS,
      '证书编号',
      '发证日期',
      '评审委员会',
      '任职资格文件文号',
      '文件日期',
      '证书状态',
      '撤销原因',
    ];
    const issued = {
      状态: '电子证书已签发',
      证书编号: 'HTZC-2023-0001',
      发证日期: '2023/12/5',
      评审委员会: '和田地区卫生系列中级评审委员会',
    };

    it('reads a certificate from a row that has its number', () => {
      const { records, errors } = validateOne(
        { ...issued, 任职资格文件文号: '和地职改字〔2023〕12号', 文件日期: '2023-11-30 00:00:00' },
        CERTIFICATE_HEADERS,
      );

      expect(errors).toEqual([]);
      expect(records[0]?.certificate).toEqual({
        certificateNo: 'HTZC-2023-0001',
        issuedOn: '2023-12-05',
        issuingCommittee: '和田地区卫生系列中级评审委员会',
        qualificationDocumentNo: '和地职改字〔2023〕12号',
        qualificationDocumentDate: '2023-11-30',
        isRevoked: false,
        revokedReason: null,
      });
    });

    it('has no certificate where the number is empty, whatever else is filled', () => {
      const { records } = validateOne({ 评审委员会: 'x' }, CERTIFICATE_HEADERS);
      expect(records[0]?.certificate).toBeNull();
    });

    it('names every missing or wrong certificate cell', () => {
      const { errors } = validateOne(
        { 证书编号: 'HTZC-2023-0001', 发证日期: '2023-02-30', 证书状态: '已撤销' },
        CERTIFICATE_HEADERS,
      );

      expect(errors.map((error) => [error.column, error.reason])).toEqual([
        ['发证日期', R.INVALID_DATE],
        ['评审委员会', R.REQUIRED_WITH_CERTIFICATE],
        ['撤销原因', R.REQUIRED_WHEN_REVOKED],
      ]);
    });

    it('reads a revoked certificate with its reason', () => {
      const { records } = validateOne(
        { ...issued, 证书状态: '已撤销', 撤销原因: '提供虚假材料（R19）' },
        CERTIFICATE_HEADERS,
      );
      expect(records[0]?.certificate).toMatchObject({
        isRevoked: true,
        revokedReason: '提供虚假材料（R19）',
      });
    });
  });

  it('defaults the optional columns when the file lacks them', () => {
    const required = ['申报编号', '姓名', '身份证号', '系列', '专业', '级别', '状态', '状态时间'];

    const { records } = validateOne({}, required);

    expect(records[0]).toMatchObject({
      employer: null,
      county: null,
      year: 2023,
      route: 'prefecture_directed',
      submissionCount: null,
      feePaid: null,
    });
  });

  it('defaults empty optional cells the same way', () => {
    const empty = { 单位: '', 县市: ' ', 申报方式: '', 提交次数: '', 缴费状态: '' };

    expect(validateOne(empty).records[0]).toMatchObject({
      employer: null,
      county: null,
      route: 'prefecture_directed',
      submissionCount: null,
      feePaid: null,
    });
  });

  it('reads the optional columns when present', () => {
    const table = exportTable(
      [exportRow(1, { 年度: '2024', 申报方式: '推荐自治区评审', 提交次数: '2' })],
      [...EXPORT_HEADERS, '年度'],
    );

    expect(validateExportRows(table, OPTIONS).records[0]).toMatchObject({
      year: 2024,
      route: 'region',
      submissionCount: 2,
    });
  });

  it.each(['申报编号', '姓名', '身份证号', '系列', '专业', '级别', '状态', '状态时间'])(
    'reports an empty required %s cell',
    (column) => {
      expect(errorsOf({ [column]: '  ' })).toEqual([
        { rowNumber: 2, column, reason: R.MISSING_VALUE },
      ]);
    },
  );

  it.each([
    ['65320119900517123', 'WRONG_LENGTH'],
    ['65320119900517123Y', 'WRONG_CHARACTERS'],
    ['993201199005171231', 'BAD_REGION'],
    ['653201199013171231', 'BAD_BIRTH_DATE'],
    ['653201199005171232', 'BAD_CHECK_DIGIT'],
  ])('reports ID number %s as %s without quoting it', (idCardNumber, failure) => {
    const errors = errorsOf({ 身份证号: idCardNumber });

    expect(errors).toEqual([{ rowNumber: 2, column: '身份证号', reason: `ID number: ${failure}` }]);
    expect(JSON.stringify(errors)).not.toContain(idCardNumber.slice(0, 10));
  });

  it.each([
    ['申报编号', 'HT 2023', R.INVALID_APPLICATION_NO],
    ['申报编号', 'HT1', R.INVALID_APPLICATION_NO],
    ['申报编号', 'A'.repeat(65), R.INVALID_APPLICATION_NO],
    ['状态', '审核中', R.UNKNOWN_STATUS],
    ['级别', '高级', R.UNKNOWN_LEVEL],
    ['系列', '航天', R.UNKNOWN_SERIES],
    ['申报方式', '自治区', R.UNKNOWN_ROUTE],
    ['缴费状态', '是', R.UNKNOWN_FEE_STATUS],
    ['提交次数', '-1', R.INVALID_SUBMISSION_COUNT],
    ['提交次数', '1.5', R.INVALID_SUBMISSION_COUNT],
    ['姓名', '=HYPERLINK("http://x","点我")', R.FORMULA],
    ['申报编号', '=1+1', R.FORMULA],
    ['身份证号', '6.53201E+17', R.NUMBER_LOST_DIGITS],
    ['姓名', '王'.repeat(101), `${R.TOO_LONG} (max 100 characters)`],
    ['单位', '院'.repeat(201), `${R.TOO_LONG} (max 200 characters)`],
    ['姓名', '+86王建国', R.NAME_FORMULA_TRIGGER],
    ['姓名', '\u200b@SUM(A1)', R.NAME_FORMULA_TRIGGER],
    ['姓名', '-王建国', R.NAME_FORMULA_TRIGGER],
    ['姓名', '\u202e\u200b', R.NAME_EMPTY],
  ])('reports %s = %s as "%s"', (column, value, reason) => {
    expect(errorsOf({ [column]: value })).toEqual([{ rowNumber: 2, column, reason }]);
  });

  it('stores a name without its bidi controls and zero-width characters', () => {
    const { records, errors } = validateOne({ 姓名: '\u202e王\u200b建国\u2069' });

    expect(errors).toEqual([]);
    expect(records[0]?.applicantName).toBe('王建国');
  });

  it.each([
    ['单位审核中', 'employer_review'],
    ['评审中', 'evaluation_meeting'],
    ['〔正在评审〕', 'evaluation_meeting'],
  ])('reads the platform status %s as %s', (value, status) => {
    expect(validateOne({ 状态: value }).records[0]?.status).toBe(status);
  });

  it('names the known status labels when a status is unknown', () => {
    expect(R.UNKNOWN_STATUS).toMatch(/^Unknown status \(known: 已注册, 填报中, .*已取消资格\)$/);
  });

  it.each([
    ['2023', 2023],
    ['2023年', 2023],
  ])('reads year %s', (value, year) => {
    const table = exportTable([exportRow(1, { 年度: value })], [...EXPORT_HEADERS, '年度']);

    expect(validateExportRows(table, OPTIONS).records[0]?.year).toBe(year);
  });

  it.each(['23', '1999', '2101', '二〇二三'])('reports year %s as invalid', (value) => {
    const table = exportTable([exportRow(1, { 年度: value })], [...EXPORT_HEADERS, '年度']);

    expect(validateExportRows(table, OPTIONS).errors).toEqual([
      { rowNumber: 2, column: '年度', reason: R.INVALID_YEAR },
    ]);
  });

  it('reports a number whose digits Excel lost, instead of checking it', () => {
    const table = exportTable([exportRow(1, { 身份证号: '653201199005171200' })]);
    const row = table.rows[0];
    if (row !== undefined) row.longNumberColumns = ['身份证号'];

    expect(validateExportRows(table, OPTIONS).errors).toEqual([
      { rowNumber: 2, column: '身份证号', reason: R.NUMBER_LOST_DIGITS },
    ]);
  });

  describe('status time', () => {
    it.each([
      ['2023-07-20 10:05', '2023-07-20T02:05:00.000Z'],
      ['2023-07-20 10:05:30', '2023-07-20T02:05:30.000Z'],
      ['2023/07/20 10:05', '2023-07-20T02:05:00.000Z'],
      ['2023/7/20 9:05', '2023-07-20T01:05:00.000Z'],
      ['2023-07-20T10:05:00', '2023-07-20T02:05:00.000Z'],
      ['2023-07-20T10:05:00Z', '2023-07-20T10:05:00.000Z'],
      ['2023-07-20T10:05:00.123+06:00', '2023-07-20T04:05:00.000Z'],
      ['2023-07-20T10:05-0130', '2023-07-20T11:35:00.000Z'],
    ])('reads %s as %s', (value, iso) => {
      expect(validateOne({ 状态时间: value }).records[0]?.statusChangedAt.toISOString()).toBe(iso);
    });

    it.each([
      ['2023-07-20', R.UNRECOGNISED_TIME],
      ['20230720 10:05', R.UNRECOGNISED_TIME],
      ['45127.42', R.UNRECOGNISED_TIME],
      ['2023年7月20日 10:05', R.UNRECOGNISED_TIME],
      ['2023-07-20T10:05:00+8', R.UNRECOGNISED_TIME],
      ['2023-02-30 10:05', R.INVALID_TIME],
      ['2023-07-20 24:00', R.INVALID_TIME],
      ['2023-13-01 10:00', R.INVALID_TIME],
      ['2023-07-20 10:60', R.INVALID_TIME],
      ['1899-12-30 00:00:00', R.TIME_TOO_EARLY],
      ['2024-06-01 08:00:01', R.TIME_IN_FUTURE],
      ['2024-06-01T00:00:01Z', R.TIME_IN_FUTURE],
    ])('reports %s as "%s"', (value, reason) => {
      expect(errorsOf({ 状态时间: value })).toEqual([{ rowNumber: 2, column: '状态时间', reason }]);
    });

    it('accepts a time exactly now', () => {
      expect(errorsOf({ 状态时间: '2024-06-01 08:00:00' })).toEqual([]);
    });
  });

  it('collects every error of a row, in column order', () => {
    const errors = errorsOf({
      申报编号: '',
      身份证号: '653201199005171232',
      级别: '高级',
      状态时间: 'x',
    });

    expect(errors).toEqual([
      { rowNumber: 2, column: '申报编号', reason: R.MISSING_VALUE },
      { rowNumber: 2, column: '身份证号', reason: 'ID number: BAD_CHECK_DIGIT' },
      { rowNumber: 2, column: '级别', reason: R.UNKNOWN_LEVEL },
      { rowNumber: 2, column: '状态时间', reason: R.UNRECOGNISED_TIME },
    ]);
  });

  it('names the header as written in the file', () => {
    const headers = EXPORT_HEADERS.map((header) => (header === '身份证号' ? '身份证号码' : header));
    const cells = { ...exportRow(1), 身份证号码: '653201199005171232' };

    const { errors } = validateExportRows(exportTable([cells], headers), OPTIONS);

    expect(errors).toEqual([
      { rowNumber: 2, column: '身份证号码', reason: 'ID number: BAD_CHECK_DIGIT' },
    ]);
  });

  it('reports a repeated application number on each later row, naming the first', () => {
    const rows = [
      exportRow(1),
      exportRow(2),
      exportRow(3, { 申报编号: 'HT2023-00001' }),
      exportRow(4, { 申报编号: 'ht2023-00001', 状态: '审核中' }),
    ];

    const { records, errors } = validateExportRows(exportTable(rows), OPTIONS);

    expect(records.map((record) => record.rowNumber)).toEqual([2, 3]);
    expect(errors).toEqual([
      { rowNumber: 4, column: '申报编号', reason: 'Duplicate application number (first on row 2)' },
      { rowNumber: 5, column: '状态', reason: R.UNKNOWN_STATUS },
      { rowNumber: 5, column: '申报编号', reason: 'Duplicate application number (first on row 2)' },
    ]);
  });

  it('counts a row with other errors as the first holder of its number', () => {
    const rows = [exportRow(1, { 状态: '审核中' }), exportRow(2, { 申报编号: 'HT2023-00001' })];

    const { errors } = validateExportRows(exportTable(rows), OPTIONS);

    expect(errors.map((error) => [error.rowNumber, error.reason])).toEqual([
      [2, R.UNKNOWN_STATUS],
      [3, 'Duplicate application number (first on row 2)'],
    ]);
  });

  it('refuses a file without a required column, naming all missing ones', () => {
    const headers = EXPORT_HEADERS.filter((header) => header !== '状态' && header !== '专业');

    expect(() => validateOne({}, headers)).toThrow(
      expect.objectContaining({
        reason: IMPORT_FILE_ERROR_REASON.MISSING_COLUMNS,
        details: { columns: ['专业', '状态'] },
      }),
    );
  });

  it('refuses a file with a column under two names', () => {
    expect(() => validateOne({}, [...EXPORT_HEADERS, '工作单位'])).toThrow(
      expect.objectContaining({
        reason: IMPORT_FILE_ERROR_REASON.DUPLICATE_COLUMNS,
        details: { columns: ['单位'] },
      }),
    );
  });

  it('does not mutate the table', () => {
    const table = exportTable([exportRow(1, { 身份证号: '65320119900517124x' }), exportRow(2)]);
    const copy = structuredClone(table);

    validateExportRows(table, OPTIONS);

    expect(table).toEqual(copy);
  });

  it('names exactly the bad row among 10,000 read from a csv', async () => {
    const rows = exportRows(10_000);
    rows[6_789] = exportRow(6_790, { 身份证号: '653201199005171232' });
    const bytes = Buffer.from(exportCsv(rows), 'utf8');

    const table = await readExportTable(bytes, { fileName: 'export.csv', limits: TEST_LIMITS });
    const { records, errors } = validateExportRows(table, OPTIONS);

    expect(errors).toEqual([
      { rowNumber: 6_791, column: '身份证号', reason: 'ID number: BAD_CHECK_DIGIT' },
    ]);
    expect(records).toHaveLength(9_999);
  });
});

describe(ExportRowValidator.name, () => {
  it('remembers application numbers across chunks, so a repeat in a later chunk is caught', () => {
    const table = exportTable([exportRow(1), exportRow(2), exportRow(1)]);
    const validator = new ExportRowValidator(table.headers, { year: 2023, now: TEST_NOW });

    const first = validator.validate(table.rows.slice(0, 2));
    const second = validator.validate(table.rows.slice(2));

    expect(first).toMatchObject({ errors: [] });
    expect(first.records).toHaveLength(2);
    expect(second).toEqual({
      records: [],
      errors: [
        {
          rowNumber: 4,
          column: '申报编号',
          reason: 'Duplicate application number (first on row 2)',
        },
      ],
    });
  });
});
