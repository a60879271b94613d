import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  ImportRefusedError,
  importFromCli,
  parseImportArgs,
  writeErrorReport,
} from '../../src/cli/import-export';
import {
  exportCsv,
  exportRow,
  exportRowsNumbered,
} from '../../src/modules/mirror/import/export.fixture';
import { createTestApp, isMysql } from '../support/test-app';

describe('npm run import -- FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-import-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads its arguments; without --year the notices decide, never the calendar year', () => {
    expect(parseImportArgs(['a.csv'])).toMatchObject({
      year: null,
      regionCode: null,
      encoding: undefined,
    });
    expect(
      parseImportArgs(['--encoding', 'gb18030', 'a.csv', '--year', '2023', '--region', '6531']),
    ).toMatchObject({ encoding: 'gb18030', year: 2023, regionCode: '6531' });
    expect(() => parseImportArgs([])).toThrow(/Which file/);
    expect(() => parseImportArgs(['a.csv', '--encoding', 'latin1'])).toThrow(/encoding/);
    expect(() => parseImportArgs(['a.csv', '--year', '23'])).toThrow(/--year/);
    expect(() => parseImportArgs(['a.csv', '--region', '9999'])).toThrow(/--region/);
  });

  it('imports a file into the configured database', async () => {
    // The CLI opens its own connection: SQLite needs a file both can see.
    const t = await createTestApp(
      isMysql() ? {} : { DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}` },
    );
    try {
      const run = Date.now().toString(36);
      const file = join(dir, 'export.csv');
      writeFileSync(
        file,
        exportCsv([1, 2].map((i) => exportRow(i, { 申报编号: `CLI${run}-${i}` }))),
      );
      const result = await importFromCli(parseImportArgs([file, '--year', '2023']));
      expect(result).toMatchObject({ rowCount: 2, created: 2 });
      const rows = await t.dataSource.query(
        'SELECT applicationNo FROM application WHERE applicationNo LIKE ?',
        [`CLI${run}-%`],
      );
      expect(rows).toHaveLength(2);
    } finally {
      await t.close();
    }
  });

  it('writes every bad cell of a refused file beside it, beyond the 1,000 the answer holds', async () => {
    const t = await createTestApp(
      isMysql() ? {} : { DATABASE_URL: `sqlite:${join(dir, 'cli-bad.sqlite')}` },
    );
    try {
      const run = Date.now().toString(36);
      const badRowCount = 1500;
      const file = join(dir, 'many-bad.csv');
      writeFileSync(
        file,
        exportCsv(exportRowsNumbered(`CLIBAD${run}`, badRowCount, () => ({ 状态: '审核中' }))),
      );
      const refusal = importFromCli(parseImportArgs([file, '--year', '2023']));
      await expect(refusal).rejects.toBeInstanceOf(ImportRefusedError);
      await expect(refusal).rejects.toMatchObject({
        errorCount: badRowCount,
        reportPath: `${file}.errors.csv`,
        refusal: { code: 'IMPORT_ROWS_INVALID', details: { isTruncated: true } },
      });
      const lines = readFileSync(`${file}.errors.csv`, 'utf8')
        .slice(1)
        .split('\r\n')
        .filter((line) => line !== '');
      expect(lines[0]).toBe('行号,列,原因');
      expect(lines).toHaveLength(1 + badRowCount);
      expect(lines[badRowCount]).toMatch(new RegExp(`^${badRowCount + 1},状态,"?Unknown status`));
      const stored = await t.dataSource.query(
        'SELECT applicationNo FROM application WHERE applicationNo LIKE ?',
        [`CLIBAD${run}-%`],
      );
      expect(stored).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('writes an error report whose cells cannot run as formulas', () => {
    const report = writeErrorReport(join(dir, 'bad.csv'), [
      { rowNumber: 7, column: '=HYPERLINK("http://x")', reason: 'Unknown status' },
      { rowNumber: 8, column: '姓名', reason: '+1 too long' },
    ]);
    const text = readFileSync(report, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain(`'+1 too long`);
    expect(text).not.toMatch(/(^|,)"?=/m);
  });
});
