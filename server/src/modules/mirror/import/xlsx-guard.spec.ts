import { exportRows, exportXlsx, TEST_LIMITS } from './export.fixture';
import { IMPORT_FILE_ERROR_REASON } from './import-file.error';
import { assertSafeXlsx } from './xlsx-guard';
import { MINIMAL_XLSX_PARTS, deflateBody, writeZip } from './zip.fixture';

const CONTENT_TYPES = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };

describe('assertSafeXlsx', () => {
  let workbook: Buffer;

  beforeAll(async () => {
    workbook = await exportXlsx(exportRows(20));
  });

  it('accepts a real workbook under the default limits', async () => {
    await expect(assertSafeXlsx(workbook, TEST_LIMITS)).resolves.toBeUndefined();
  });

  it('refuses a package with more parts than maxZipEntries', async () => {
    await expect(
      assertSafeXlsx(workbook, { ...TEST_LIMITS, maxZipEntries: 3 }),
    ).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.ZIP_TOO_MANY_ENTRIES,
      details: { maxZipEntries: 3 },
    });
  });

  it('refuses a package that unpacks past maxUnpackedBytes', async () => {
    await expect(
      assertSafeXlsx(workbook, { ...TEST_LIMITS, maxUnpackedBytes: 1000 }),
    ).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.ZIP_TOO_LARGE_UNPACKED,
      details: { maxUnpackedBytes: 1000 },
    });
  });

  it('refuses a part that inflates more than maxCompressionRatio', async () => {
    // 4 MB of one letter deflates about 1000×: the shape of a zip bomb, in a real workbook.
    const bomb = await exportXlsx([{ 姓名: 'a'.repeat(4_000_000) }], ['姓名']);

    await expect(assertSafeXlsx(bomb, TEST_LIMITS)).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.ZIP_SUSPICIOUS_RATIO,
      details: { part: 'xl/sharedStrings.xml' },
    });
  });

  it('lets a small part through whatever its ratio', async () => {
    const zip = writeZip([CONTENT_TYPES, { name: 'xl/styles.xml', data: Buffer.alloc(100_000) }]);

    await expect(assertSafeXlsx(zip, TEST_LIMITS)).resolves.toBeUndefined();
  });

  it('refuses a part that unpacks past maxPartUnpackedBytes, whatever its ratio', async () => {
    const zip = writeZip([
      CONTENT_TYPES,
      { name: 'docProps/custom.xml', data: Buffer.alloc(5000) },
    ]);

    await expect(
      assertSafeXlsx(zip, { ...TEST_LIMITS, maxPartUnpackedBytes: 4096 }),
    ).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.ZIP_TOO_LARGE_UNPACKED,
      details: { part: 'docProps/custom.xml', unpackedBytes: 5000, maxPartUnpackedBytes: 4096 },
    });
  });

  it('refuses parts under xl/ that together unpack past maxWorkbookXmlBytes', async () => {
    // Each part is small and under the ratio check; together they are more than exceljs can hold.
    const sheets = [1, 2, 3].map((n) => ({
      name: `xl/worksheets/sheet${n}.xml`,
      data: Buffer.alloc(2000),
    }));
    const outside = { name: 'docProps/app.xml', data: Buffer.alloc(5000) };
    const limits = { ...TEST_LIMITS, maxWorkbookXmlBytes: 5000 };

    await expect(
      assertSafeXlsx(writeZip([CONTENT_TYPES, ...sheets]), limits),
    ).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.WORKBOOK_TOO_LARGE,
      details: { workbookXmlBytes: 6000, maxWorkbookXmlBytes: 5000 },
    });
    await expect(
      assertSafeXlsx(writeZip([CONTENT_TYPES, outside, ...sheets.slice(0, 2)]), limits),
    ).resolves.toBeUndefined();
  });

  it('refuses many parts of just under the ratio check’s size by their count', async () => {
    const almostMiB = deflateBody(Buffer.alloc(1024 * 1024 - 1, 0x20));
    const zip = writeZip([
      ...MINIMAL_XLSX_PARTS,
      ...Array.from({ length: 990 }, (_unused, n) => ({
        name: `xl/part${n}.xml`,
        deflated: almostMiB,
      })),
    ]);

    await expect(assertSafeXlsx(zip, TEST_LIMITS)).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.ZIP_TOO_MANY_ENTRIES,
      details: { entryCount: 991, maxZipEntries: TEST_LIMITS.maxZipEntries },
    });
  });

  it('refuses a part that inflates past the size its headers declare', async () => {
    // The directory claims 1 KB, so the declared-size checks pass; inflating finds 10 MB.
    const liar = {
      name: 'xl/worksheets/sheet1.xml',
      deflated: { ...deflateBody(Buffer.alloc(10_000_000)), size: 1024 },
    };

    await expect(
      assertSafeXlsx(writeZip([CONTENT_TYPES, liar]), TEST_LIMITS),
    ).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
      message: expect.stringContaining('too many bytes'),
    });
  });

  it('refuses a zip that is not an OOXML package', async () => {
    const zip = writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);

    await expect(assertSafeXlsx(zip, TEST_LIMITS)).rejects.toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX,
    });
  });

  it('refuses bytes that are not a zip', async () => {
    await expect(
      assertSafeXlsx(Buffer.from('申报编号,姓名\r\n', 'utf8'), TEST_LIMITS),
    ).rejects.toMatchObject({ reason: IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX });
  });

  it('refuses a truncated workbook', async () => {
    await expect(
      assertSafeXlsx(workbook.subarray(0, workbook.length - 100), TEST_LIMITS),
    ).rejects.toMatchObject({ reason: IMPORT_FILE_ERROR_REASON.NOT_A_VALID_XLSX });
  });
});
