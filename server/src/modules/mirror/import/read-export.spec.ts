import * as iconv from 'iconv-lite';

import {
  EXPORT_HEADERS,
  TEST_LIMITS,
  exportCsv,
  exportRow,
  exportRows,
  exportXlsx,
} from './export.fixture';
import { IMPORT_FILE_ERROR_REASON } from './import-file.error';
import { readExportTable } from './read-export';

const read = (bytes: Buffer, fileName: string, limits = TEST_LIMITS) =>
  readExportTable(bytes, { fileName, limits });

describe('readExportTable', () => {
  describe('csv', () => {
    const rows = exportRows(3);
    const text = exportCsv(rows);

    it('reads a UTF-8 csv into header-keyed rows numbered from 2', async () => {
      const table = await read(Buffer.from(text, 'utf8'), 'export.csv');

      expect(table).toMatchObject({
        format: 'csv',
        encoding: 'utf-8',
        headers: [...EXPORT_HEADERS],
      });
      expect(table.rows).toEqual(
        rows.map((cells, index) => ({ rowNumber: index + 2, cells, longNumberColumns: [] })),
      );
    });

    it('reads the same csv saved as GBK without a BOM, detected as gb18030', async () => {
      const utf8 = await read(Buffer.from(text, 'utf8'), 'export.csv');
      const gbk = await read(iconv.encode(text, 'gbk'), 'export.csv');

      expect(gbk.encoding).toBe('gb18030');
      expect(gbk.rows).toEqual(utf8.rows);
    });

    it('strips a UTF-8 BOM from the first header', async () => {
      const table = await read(Buffer.from(`\uFEFF${text}`, 'utf8'), 'export.csv');

      expect(table.headers[0]).toBe('申报编号');
      expect(table.rows[0]?.cells['申报编号']).toBe('HT2023-00001');
    });

    it('decodes with a forced encoding', async () => {
      const table = await readExportTable(iconv.encode(text, 'gbk'), {
        fileName: 'export.csv',
        encoding: 'gb18030',
        limits: TEST_LIMITS,
      });

      expect(table.encoding).toBe('gb18030');
      expect(table.rows[1]?.cells['姓名']).toBe('阿依古丽·买买提');
    });

    it('trims headers and drops unnamed columns', async () => {
      const csv = ' 申报编号 ,姓名,\r\nHT2023-00001,王建国,\r\n';

      const table = await read(Buffer.from(csv), 'export.csv');

      expect(table.headers).toEqual(['申报编号', '姓名']);
      expect(table.rows[0]?.cells).toEqual({ 申报编号: 'HT2023-00001', 姓名: '王建国' });
    });

    it('numbers rows as Excel does: empty lines count, breaks inside cells do not', async () => {
      const csv = '申报编号,专业\r\nA001,x\r\n\r\nA002,"two\r\nlines"\r\nA003,y\r\n';

      const table = await read(Buffer.from(csv), 'export.csv');

      expect(table.rows.map((row) => [row.rowNumber, row.cells['申报编号']])).toEqual([
        [2, 'A001'],
        [4, 'A002'],
        [5, 'A003'],
      ]);
      expect(table.rows[1]?.cells['专业']).toBe('two\r\nlines');
    });

    it('skips rows whose cells are all blank, as Excel writes formatted empty rows', async () => {
      const csv = '申报编号,姓名\r\nA001,王建国\r\n, \r\n,\r\nA002,李娜\r\n';

      const table = await read(Buffer.from(csv), 'export.csv');

      expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 5]);
    });

    it('reads a tab-separated file saved by Excel as "Unicode text" and renamed .csv', async () => {
      const tsv = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('申报编号\t姓名\r\nA001\t王建国\r\n', 'utf16le'),
      ]);

      const table = await read(tsv, 'export.csv');

      expect(table).toMatchObject({ encoding: 'utf-16le', headers: ['申报编号', '姓名'] });
      expect(table.rows[0]?.cells).toEqual({ 申报编号: 'A001', 姓名: '王建国' });
    });

    it.each([
      ['after a multi-line cell', 'A001,王建国,"x\r\ny"\r\nA002,李娜\r\nA003,x,y\r\n', 3],
      ['after empty lines', '\r\nA001,王建国,x\r\n\r\nA002,李娜\r\n', 5],
    ])('refuses a ragged row, naming it, %s', async (_case, body, rowNumber) => {
      const csv = `申报编号,姓名,专业\r\n${body}`;

      await expect(read(Buffer.from(csv), 'export.csv')).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.MALFORMED_CSV,
        message: `Row ${rowNumber} has 2 cells; the header has 3`,
        details: { rowNumber, cellCount: 2, headerCellCount: 3 },
      });
    });

    describe('the header', () => {
      const title = '和田地区2023年度职称申报人员名单';

      it('is the first row naming every required column, below a title and blank rows', async () => {
        const csv = `${title}\r\n\r\n,,\r\n${text}`;

        const table = await read(iconv.encode(csv, 'gbk'), 'export.csv');

        expect(table.headers).toEqual([...EXPORT_HEADERS]);
        expect(table.rows.map((row) => row.rowNumber)).toEqual([5, 6, 7]);
        expect(table.rows[0]?.cells).toEqual(rows[0]);
      });

      it('is searched in the first 10 rows only', async () => {
        // Excel writes a title merged across the columns with the row's other cells empty.
        const titleRow = `${title}${','.repeat(EXPORT_HEADERS.length - 1)}`;
        const tenTitles = `${Array.from({ length: 10 }, () => titleRow).join('\r\n')}\r\n`;

        const table = await read(Buffer.from(tenTitles + text), 'export.csv');

        expect(table.headers).toEqual([title]);
      });

      it('is, when no row names every required column, the row naming the most', async () => {
        const csv = `${title}\r\n申报编号,姓名,专业\r\nA001,王建国,x\r\n`;

        const table = await read(Buffer.from(csv), 'export.csv');

        expect(table.headers).toEqual(['申报编号', '姓名', '专业']);
        expect(table.rows).toEqual([
          {
            rowNumber: 3,
            cells: { 申报编号: 'A001', 姓名: '王建国', 专业: 'x' },
            longNumberColumns: [],
          },
        ]);
      });

      it('lets a title row have fewer cells than the header, but no row below it', async () => {
        const ragged = `${title}\r\n${text}A001,王建国\r\n`;

        await expect(read(Buffer.from(ragged), 'export.csv')).rejects.toMatchObject({
          reason: IMPORT_FILE_ERROR_REASON.MALFORMED_CSV,
          details: { rowNumber: 6, cellCount: 2, headerCellCount: EXPORT_HEADERS.length },
        });
      });
    });

    it('refuses an unclosed quote without quoting the cell', async () => {
      const csv = '申报编号,身份证号\r\nA001,"653201199005171231\r\n';

      const error = await read(Buffer.from(csv), 'export.csv').catch((caught: unknown) => caught);

      expect(error).toMatchObject({ reason: IMPORT_FILE_ERROR_REASON.MALFORMED_CSV });
      expect(JSON.stringify(error) + String(error)).not.toContain('653201199005171231');
    });

    it('refuses a header that names a column twice', async () => {
      const csv = '申报编号,姓名,姓名\r\nA001,王建国,李娜\r\n';

      await expect(read(Buffer.from(csv), 'export.csv')).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.DUPLICATE_COLUMNS,
        details: { columns: ['姓名'] },
      });
    });

    it('refuses a header without data rows', async () => {
      await expect(
        read(Buffer.from('申报编号,姓名\r\n\r\n,\r\n'), 'export.csv'),
      ).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.EMPTY_FILE,
      });
    });

    it('refuses more data rows than maxRows, and accepts exactly maxRows', async () => {
      const bytes = Buffer.from(exportCsv(exportRows(5)));

      const withMaxRows = (maxRows: number) =>
        read(bytes, 'export.csv', { ...TEST_LIMITS, maxRows });

      await expect(withMaxRows(5)).resolves.toBeDefined();
      await expect(withMaxRows(4)).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.TOO_MANY_ROWS,
        details: { maxRows: 4 },
      });
    });
  });

  describe('format and size', () => {
    it('refuses a file over maxFileBytes before looking at it', async () => {
      const bytes = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);

      await expect(
        read(bytes, 'export.xls', { ...TEST_LIMITS, maxFileBytes: 10 }),
      ).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.FILE_TOO_LARGE,
        details: { fileBytes: 11, maxFileBytes: 10 },
      });
    });

    it('refuses an empty file', async () => {
      await expect(read(Buffer.alloc(0), 'export.csv')).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.EMPTY_FILE,
      });
    });

    it('refuses a file that is not a zip but is named .xlsx', async () => {
      await expect(
        read(Buffer.from('申报编号,姓名\r\nA001,王建国\r\n'), '状态.XLSX'),
      ).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
      });
    });

    it.each(['export.xls', 'export.xlsx'])('refuses a legacy .xls named %s', async (name) => {
      const ole2 = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]);

      await expect(read(ole2, name)).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.UNSUPPORTED_FORMAT,
        message: expect.stringContaining('Legacy .xls'),
      });
    });

    it('refuses a text file that is not named .csv', async () => {
      await expect(read(Buffer.from('申报编号\r\nA001\r\n'), 'export.txt')).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.UNSUPPORTED_FORMAT,
      });
    });

    it('reads a workbook by its bytes even when it is named .csv', async () => {
      const table = await read(await exportXlsx(exportRows(1)), 'export.csv');

      expect(table.format).toBe('xlsx');
      expect(table.rows).toHaveLength(1);
    });
  });

  describe('xlsx', () => {
    it('reads the first sheet, header on row 1, with the same cells as the csv', async () => {
      const rows = exportRows(3);

      const table = await read(await exportXlsx(rows), 'export.xlsx');

      expect(table).toEqual({
        format: 'xlsx',
        headers: [...EXPORT_HEADERS],
        rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells, longNumberColumns: [] })),
      });
    });

    it('turns every kind of cell into text', async () => {
      const bytes = await exportXlsx([exportRow(1)], EXPORT_HEADERS, (sheet) => {
        const row = sheet.getRow(2);
        // A cached result that disagrees with the formula: only the formula may come back.
        row.getCell(1).value = { formula: '1+1', result: 3 };
        row.getCell(2).value = {
          richText: [{ text: '王' }, { text: '建国', font: { bold: true } }],
        };
        row.getCell(3).value = '653201199005171231';
        row.getCell(4).value = { text: '和田地区人民医院', hyperlink: 'https://example.org' };
        row.getCell(5).value = true;
        row.getCell(10).value = new Date(Date.UTC(2023, 6, 20, 10, 5, 0));
        row.getCell(12).value = 2;
        row.getCell(13).value = { error: '#N/A' };
      });

      const table = await read(bytes, 'export.xlsx');

      expect(table.rows[0]?.cells).toMatchObject({
        申报编号: '=1+1',
        姓名: '王建国',
        身份证号: '653201199005171231',
        单位: '和田地区人民医院',
        县市: 'TRUE',
        状态时间: '2023-07-20 10:05:00',
        提交次数: '2',
        缴费状态: '#N/A',
      });
      expect(table.rows[0]?.longNumberColumns).toEqual([]);
    });

    it('keeps a long number as written and flags its column', async () => {
      const bytes = await exportXlsx([exportRow(1)], EXPORT_HEADERS, (sheet) => {
        sheet.getRow(2).getCell(3).value = 653201199005171231;
      });

      const table = await read(bytes, 'export.xlsx');

      // The double has already lost the last digits; String() at least avoids 6.53e+17.
      expect(table.rows[0]?.cells['身份证号']).toBe('653201199005171200');
      expect(table.rows[0]?.longNumberColumns).toEqual(['身份证号']);
    });

    it('reads a shared formula as its own formula', async () => {
      const bytes = await exportXlsx(exportRows(2), EXPORT_HEADERS, (sheet) => {
        sheet.getCell('L2').value = { formula: 'ROW()-1', result: 1 };
        sheet.getCell('L3').value = { sharedFormula: 'L2', result: 2 };
      });

      const table = await read(bytes, 'export.xlsx');

      expect(table.rows.map((row) => row.cells['提交次数'])).toEqual(['=ROW()-1', '=ROW()-1']);
    });

    it('gives merged cells the value of the range', async () => {
      const bytes = await exportXlsx(exportRows(2), EXPORT_HEADERS, (sheet) => {
        sheet.getCell('D2').value = '和田县人民医院';
        sheet.mergeCells('D2:D3');
      });

      const table = await read(bytes, 'export.xlsx');

      expect(table.rows.map((row) => row.cells['单位'])).toEqual([
        '和田县人民医院',
        '和田县人民医院',
      ]);
    });

    it('keeps sheet row numbers across empty rows and fills absent cells with ""', async () => {
      const bytes = await exportXlsx([exportRow(1)], EXPORT_HEADERS, (sheet) => {
        sheet.getRow(5).values = ['HT2023-00005', '李娜'];
      });

      const table = await read(bytes, 'export.xlsx');

      expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 5]);
      expect(table.rows[1]?.cells).toMatchObject({ 申报编号: 'HT2023-00005', 状态: '' });
    });

    it('takes the first non-empty row as the header when row 1 is empty', async () => {
      const bytes = await exportXlsx(exportRows(1), EXPORT_HEADERS, (sheet) => {
        sheet.spliceRows(1, 0, []);
      });

      const table = await read(bytes, 'export.xlsx');

      expect(table.headers).toEqual([...EXPORT_HEADERS]);
      expect(table.rows.map((row) => row.rowNumber)).toEqual([3]);
    });

    it('finds the header below a title row and a blank row', async () => {
      const bytes = await exportXlsx(exportRows(2), EXPORT_HEADERS, (sheet) => {
        sheet.spliceRows(1, 0, ['和田地区2023年度职称申报人员名单'], []);
      });

      const table = await read(bytes, 'export.xlsx');

      expect(table.headers).toEqual([...EXPORT_HEADERS]);
      expect(table.rows.map((row) => row.rowNumber)).toEqual([4, 5]);
    });

    it('refuses a workbook with a header and no data', async () => {
      await expect(read(await exportXlsx([]), 'export.xlsx')).rejects.toMatchObject({
        reason: IMPORT_FILE_ERROR_REASON.EMPTY_FILE,
      });
    });

    it('refuses more data rows than maxRows', async () => {
      const bytes = await exportXlsx(exportRows(5));

      await expect(
        read(bytes, 'export.xlsx', { ...TEST_LIMITS, maxRows: 4 }),
      ).rejects.toMatchObject({ reason: IMPORT_FILE_ERROR_REASON.TOO_MANY_ROWS });
    });

    it('runs the zip guard before exceljs', async () => {
      const bytes = await exportXlsx(exportRows(5));

      await expect(
        read(bytes, 'export.xlsx', { ...TEST_LIMITS, maxUnpackedBytes: 2048 }),
      ).rejects.toMatchObject({ reason: IMPORT_FILE_ERROR_REASON.ZIP_TOO_LARGE_UNPACKED });
      await expect(
        read(bytes, 'export.xlsx', { ...TEST_LIMITS, maxZipEntries: 2 }),
      ).rejects.toMatchObject({ reason: IMPORT_FILE_ERROR_REASON.ZIP_TOO_MANY_ENTRIES });
    });
  });
});
