import { randomBytes } from 'node:crypto';

import { FieldCipher } from '../../../common/crypto/field-cipher';
import {
  EXPORT_HEADERS,
  TEST_LIMITS,
  TEST_NOW,
  VALID_ID_NUMBERS,
  exportCsv,
  exportRow,
  exportRows,
} from './export.fixture';
import { IMPORT_FILE_ERROR_REASON } from './import-file.error';
import { PREPARE_CHUNK_ROWS, prepareExport } from './prepare-export';
import type { PrepareExportRequest, PrepareMessage } from './prepare-export';
import { prepareExportInWorker } from './prepare-export.runner';

const CIPHER_OPTIONS = {
  keys: { k1: randomBytes(32) },
  currentKeyId: 'k1',
  blindIndexKey: randomBytes(32),
};

function request(csv: string, overrides: Partial<PrepareExportRequest> = {}): PrepareExportRequest {
  return {
    bytes: Buffer.from(csv),
    fileName: 'export.csv',
    limits: TEST_LIMITS,
    year: 2023,
    now: TEST_NOW,
    cipher: CIPHER_OPTIONS,
    ...overrides,
  };
}

async function inThread(input: PrepareExportRequest): Promise<PrepareMessage[]> {
  const messages: PrepareMessage[] = [];
  await prepareExport(input, (message) => messages.push(message));
  return messages;
}

async function inWorker(input: PrepareExportRequest): Promise<PrepareMessage[]> {
  const messages: PrepareMessage[] = [];
  for await (const message of prepareExportInWorker(input)) messages.push(message);
  return messages;
}

const rowsOf = (messages: PrepareMessage[]) =>
  messages.flatMap((m) => (m.kind === 'rows' ? [m] : []));

describe(prepareExport.name, () => {
  it('says what the file is, then gives its rows in chunks, ID numbers sealed for the mirror', async () => {
    const count = PREPARE_CHUNK_ROWS + 20;

    const messages = await inThread(request(exportCsv(exportRows(count))));

    expect(messages.at(-1)).toEqual({
      kind: 'end',
      format: 'csv',
      encoding: 'utf-8',
      rowCount: count,
    });
    const chunks = rowsOf(messages);
    expect(chunks.map((chunk) => chunk.records.length)).toEqual([PREPARE_CHUNK_ROWS, 20]);
    const cipher = new FieldCipher(CIPHER_OPTIONS);
    const last = chunks[1]?.records[19];
    expect(last).toMatchObject({ rowNumber: count + 1, idCardNumber: VALID_ID_NUMBERS[count % 3] });
    expect(cipher.decrypt(last?.sealedIdCard.cipher ?? '')).toBe(last?.idCardNumber);
    expect(last?.sealedIdCard.blindIndex).toBe(cipher.blindIndex(last?.idCardNumber ?? ''));
  });

  it('checks the whole file after the first bad row, without sealing anything more', async () => {
    const rows = exportRows(PREPARE_CHUNK_ROWS * 2 + 1);
    rows[3] = exportRow(4, { 状态: '不存在的状态' });
    rows[PREPARE_CHUNK_ROWS * 2] = { ...exportRow(1) }; // row 1002 repeats row 2's number

    const chunks = rowsOf(await inThread(request(exportCsv(rows))));

    expect(
      chunks.flatMap((chunk) => chunk.errors).map((error) => [error.rowNumber, error.column]),
    ).toEqual([
      [5, '状态'],
      [PREPARE_CHUNK_ROWS * 2 + 2, '申报编号'],
    ]);
    expect(chunks.map((chunk) => chunk.records.length)).toEqual([0, 0, 0]);
  });

  it('refuses a whole file with the reason, and gives no rows', async () => {
    const messages = await inThread(
      request(
        exportCsv(
          exportRows(2),
          EXPORT_HEADERS.filter((h) => h !== '状态'),
        ),
      ),
    );

    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'refused',
        reason: IMPORT_FILE_ERROR_REASON.MISSING_COLUMNS,
      }),
    ]);
  });

  it('refuses a file whose late row is ragged, after the chunks before it', async () => {
    const csv = exportCsv(exportRows(PREPARE_CHUNK_ROWS + 5)) + 'HT-RAGGED,王建国\r\n';

    const messages = await inThread(request(csv));

    expect(messages.map((m) => m.kind)).toEqual(['rows', 'refused']);
    expect(messages[1]).toMatchObject({
      reason: IMPORT_FILE_ERROR_REASON.MALFORMED_CSV,
      details: { rowNumber: PREPARE_CHUNK_ROWS + 7 },
    });
  });
});

describe(prepareExportInWorker.name, () => {
  it('gives in a worker thread what prepareExport gives in this one, with ordinary Dates', async () => {
    const input = request(exportCsv(exportRows(PREPARE_CHUNK_ROWS + 3)));

    const [threaded, local] = [await inWorker(input), await inThread(input)];

    const strip = (messages: PrepareMessage[]) =>
      messages.map((m) =>
        m.kind === 'rows'
          ? { ...m, records: m.records.map(({ sealedIdCard: _s, ...rest }) => rest) }
          : m,
      );
    expect(strip(threaded)).toEqual(strip(local));
    const first = rowsOf(threaded)[0]?.records[0];
    expect(first?.statusChangedAt).toBeInstanceOf(Date);
    expect(new FieldCipher(CIPHER_OPTIONS).decrypt(first?.sealedIdCard.cipher ?? '')).toBe(
      first?.idCardNumber,
    );
  });

  it('fails when the worker fails, instead of waiting for it', async () => {
    const broken = request(exportCsv(exportRows(1)), {
      cipher: { ...CIPHER_OPTIONS, currentKeyId: 'missing' },
    });

    await expect(inWorker(broken)).rejects.toThrow(/Current key id missing/);
  });
});
