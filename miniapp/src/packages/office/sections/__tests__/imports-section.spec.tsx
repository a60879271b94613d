import type { PropsWithChildren } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ImportRowError, ImportRowsInvalidDetails } from '@titletrack/shared/contract';

import { OFFICE_TEXT } from '../../office-text';
import { ApiError } from '../../../../services/api-error';
import { officeSession } from '../../../../services/office-session';
import { scriptServer } from '../../../../test/taro.mock';
import type { MockRequest } from '../../../../test/taro.mock';
import {
  ImportRowsRefusal,
  fetchImportReport,
  rowsInvalidOf,
  saveCsvInBrowser,
} from '../imports-section';
import type { ImportRowsRefusalProps } from '../imports-section';

// NutUI ships ES modules jest does not load; the console's building blocks as plain markup.
jest.mock('../../components/office-ui', () => ({
  Button: ({ children, id, disabled }: PropsWithChildren<{ id?: string; disabled?: boolean }>) => (
    <button id={id} disabled={disabled}>
      {children}
    </button>
  ),
  Card: ({ children }: PropsWithChildren) => <section>{children}</section>,
  ErrorMessage: ({ error, id }: { error: { code: string } | null; id?: string }) =>
    error ? <p id={id}>{error.code}</p> : null,
  Field: () => null,
  Message: ({ children, id }: PropsWithChildren<{ id?: string }>) => <p id={id}>{children}</p>,
  ResponsiveTable: ({ id, rows }: { id: string; rows: readonly ImportRowError[] }) => (
    <table id={id} data-rows={rows.length} />
  ),
  SectionHeading: () => null,
  Subtitle: ({ children }: PropsWithChildren) => <h3>{children}</h3>,
}));

const errorsOf = (count: number): ImportRowError[] =>
  Array.from({ length: count }, (_unused, index) => ({
    rowNumber: index + 2,
    column: '状态',
    reason: 'Unknown status',
  }));

const TRUNCATED: ImportRowsInvalidDetails = {
  errorCount: 25_000,
  errors: errorsOf(1000),
  isTruncated: true,
  counts: { 'Unknown status': 20_000, 'ID number: BAD_CHECK_DIGIT': 5000 },
  reportId: '0b5f6f4e-3c1d-4a8e-9a51-2f0e5c1d7a90',
};

const render = (props: Partial<ImportRowsRefusalProps> = {}): string =>
  renderToStaticMarkup(
    <ImportRowsRefusal
      details={TRUNCATED}
      canDownload
      isDownloading={false}
      downloadError={null}
      onDownload={() => undefined}
      {...props}
    />,
  );

describe('rowsInvalidOf', () => {
  it('should read the refusal of a file for its rows', () => {
    const error = new ApiError(ERROR_CODE.IMPORT_ROWS_INVALID, 422, { ...TRUNCATED });
    expect(rowsInvalidOf(error)).toEqual(TRUNCATED);
  });

  it('should count the listed cells when an older server sends no total', () => {
    const error = new ApiError(ERROR_CODE.IMPORT_ROWS_INVALID, 422, { errors: errorsOf(3) });
    expect(rowsInvalidOf(error)).toEqual({
      errors: errorsOf(3),
      errorCount: 3,
      isTruncated: false,
      counts: {},
      reportId: '',
    });
  });

  it('should ignore every other refusal', () => {
    expect(rowsInvalidOf(null)).toBeNull();
    expect(rowsInvalidOf(new ApiError(ERROR_CODE.OUT_OF_SCOPE, 403, { rows: [2] }))).toBeNull();
  });
});

describe('ImportRowsRefusal', () => {
  it('should show the total and the count of each kind, most frequent first', () => {
    const markup = render();
    expect(markup).toContain('共 25000 处错误');
    const kinds = /id="office-import-error-kinds"[^>]*>(.*?)<\/div><p/.exec(markup)?.[1] ?? '';
    expect(kinds.indexOf('Unknown status：20000 处')).toBeGreaterThan(-1);
    expect(kinds.indexOf('Unknown status')).toBeLessThan(kinds.indexOf('ID number'));
    expect(kinds).toContain('ID number: BAD_CHECK_DIGIT：5000 处');
  });

  it('should say only the first 1000 are shown when the list is truncated', () => {
    const markup = render();
    expect(markup).toContain('仅显示前 1000 条');
    expect(markup).toContain('data-rows="1000"');
  });

  it('should not mention a truncation when every bad cell is listed', () => {
    const markup = render({
      details: { ...TRUNCATED, errorCount: 2, errors: errorsOf(2), isTruncated: false },
    });
    expect(markup).toContain('共 2 处错误');
    expect(markup).not.toContain('office-import-errors-truncated');
  });

  it('should offer the full report for download on H5', () => {
    const markup = render();
    expect(markup).toContain(`id="office-import-report">${OFFICE_TEXT.imports.download}`);
    expect(markup).not.toContain(OFFICE_TEXT.imports.downloadOnComputer);
  });

  it('should point to the computer when the mini-program cannot save the report', () => {
    const markup = render({ canDownload: false });
    expect(markup).not.toContain('office-import-report"');
    expect(markup).toContain(OFFICE_TEXT.imports.downloadOnComputer);
  });

  it('should show the download in progress and why it failed', () => {
    expect(render({ isDownloading: true })).toContain(
      `<button id="office-import-report" disabled="">${OFFICE_TEXT.imports.downloading}</button>`,
    );
    expect(render({ downloadError: new ApiError(ERROR_CODE.NOT_FOUND, 404) })).toContain(
      '<p id="office-import-report-error">NOT_FOUND</p>',
    );
  });
});

describe('fetchImportReport', () => {
  afterEach(() => officeSession.clear());

  it('should fetch the report with the office session, as text', async () => {
    officeSession.save({
      token: 'staff-token',
      expiresAt: '2099-01-01T00:00:00.000Z',
      principal: { kind: 'staff', id: '1' },
    } as never);
    const requests: MockRequest[] = [];
    const csv = '\ufeff行号,列,原因\r\n2,状态,Unknown status\r\n';
    scriptServer((request) => {
      requests.push(request);
      return Promise.resolve({
        statusCode: 200,
        data: csv,
        header: { 'content-type': 'text/csv; charset=utf-8' },
      });
    });
    await expect(fetchImportReport(TRUNCATED.reportId)).resolves.toBe(csv);
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: `/api/staff/imports/reports/${TRUNCATED.reportId}`,
        header: expect.objectContaining({ Authorization: 'Bearer staff-token' }),
      }),
    ]);
  });

  it('should fail with the server’s code when the report is gone', async () => {
    scriptServer(() =>
      Promise.resolve({
        statusCode: 404,
        data: JSON.stringify({ code: 'NOT_FOUND', message: 'No such import error report' }),
        header: {},
      }),
    );
    await expect(fetchImportReport(TRUNCATED.reportId)).rejects.toMatchObject({
      code: ERROR_CODE.NOT_FOUND,
    });
  });
});

describe('saveCsvInBrowser', () => {
  const globals = globalThis as unknown as { document?: unknown };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    delete globals.document;
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('should hand the csv to the browser with a BOM, as a blob URL it later releases', async () => {
    const link = { href: '', download: '', click: jest.fn(), remove: jest.fn() };
    globals.document = {
      createElement: () => link,
      body: { appendChild: jest.fn() },
    };
    const blobs: Blob[] = [];
    jest.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:report';
    });
    const revoke = jest.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

    saveCsvInBrowser('行号,列,原因\r\n', 'import-errors.csv');

    expect(link).toMatchObject({ href: 'blob:report', download: 'import-errors.csv' });
    expect(link.click).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(revoke).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:report');
  });

  it('should not add a second BOM to a text that has one', async () => {
    globals.document = {
      createElement: () => ({ click: jest.fn(), remove: jest.fn() }),
      body: { appendChild: jest.fn() },
    };
    const blobs: Blob[] = [];
    jest.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:report';
    });
    saveCsvInBrowser('\ufeff行号\r\n', 'import-errors.csv');
    const bytes = Buffer.from(await (blobs[0] as Blob).arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3, 6)).not.toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
