import { View } from '@tarojs/components';
import { useState } from 'react';

import { API_ROUTES, ERROR_CODE } from '@titletrack/shared/contract';
import type { ImportResult, ImportRowsInvalidDetails } from '@titletrack/shared/contract';

import { importExport } from '../../../services/office-api';
import { pickOfficeFile } from '../../../services/office-files';
import { officeHttp } from '../../../services/office-http';
import { toApiError } from '../../../services/http-client';
import type { ApiError } from '../../../services/api-error';
import { isH5 } from '../../../utils/platform';
import {
  Button,
  Card,
  ErrorMessage,
  Field,
  Message,
  ResponsiveTable,
  SectionHeading,
  Subtitle,
} from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';
import { downloadInBrowser } from '../../../utils/browser-download';

const TEXT = OFFICE_TEXT.imports;
const EXPORT_EXTENSIONS = ['.csv', '.xlsx', '.xls'] as const;

// The refusal of a file for its rows, when the answer has its expected shape.
export function rowsInvalidOf(error: ApiError | null): ImportRowsInvalidDetails | null {
  if (error?.code !== ERROR_CODE.IMPORT_ROWS_INVALID || !Array.isArray(error.details?.errors))
    return null;
  const details = error.details as Partial<ImportRowsInvalidDetails>;
  const errors = details.errors ?? [];
  return {
    errors,
    errorCount: typeof details.errorCount === 'number' ? details.errorCount : errors.length,
    isTruncated: details.isTruncated === true,
    counts: details.counts && typeof details.counts === 'object' ? details.counts : {},
    reportId: typeof details.reportId === 'string' ? details.reportId : '',
  };
}

// The report is behind the office session (Bearer token, or the cookie session on H5), so a
// plain link would be refused: it is fetched through the console's client instead.
export const fetchImportReport = (reportId: string): Promise<string> =>
  officeHttp.get<string>(API_ROUTES.staffImportReport(reportId)).then(String);

// H5 only: hands the csv to the browser as a download. The BOM lets Excel read it as UTF-8
// (the browser's decoder drops the server's).
export function saveCsvInBrowser(text: string, fileName: string): void {
  const body = text.startsWith('\ufeff') ? text : `\ufeff${text}`;
  downloadInBrowser(body, fileName, 'text/csv;charset=utf-8');
}

export interface ImportRowsRefusalProps {
  details: ImportRowsInvalidDetails;
  // A mini-program cannot save a csv for the office to open: the report is an H5 download.
  canDownload: boolean;
  isDownloading: boolean;
  downloadError: ApiError | null;
  onDownload: () => void;
}

export function ImportRowsRefusal({
  details,
  canDownload,
  isDownloading,
  downloadError,
  onDownload,
}: ImportRowsRefusalProps): JSX.Element {
  const kinds = Object.entries(details.counts).sort(([, a], [, b]) => b - a);
  return (
    <>
      <Subtitle>{TEXT.errors(details.errorCount)}</Subtitle>
      {kinds.length > 0 ? (
        <View id="office-import-error-kinds" className="tt-office-muted">
          {TEXT.kinds}
          {kinds.map(([kind, count]) => (
            <View key={kind}>{TEXT.kindCount(kind, count)}</View>
          ))}
        </View>
      ) : null}
      {details.isTruncated ? (
        <Message tone="warn" id="office-import-errors-truncated">
          {TEXT.firstShown(details.errors.length)}
        </Message>
      ) : null}
      {details.reportId && canDownload ? (
        <Button id="office-import-report" disabled={isDownloading} onClick={onDownload}>
          {isDownloading ? TEXT.downloading : TEXT.download}
        </Button>
      ) : null}
      {details.reportId && !canDownload ? (
        <View className="tt-office-muted">{TEXT.downloadOnComputer}</View>
      ) : null}
      <ErrorMessage error={downloadError} id="office-import-report-error" />
      <ResponsiveTable
        id="office-import-errors"
        columns={[
          { key: 'row', title: TEXT.row, render: (row) => row.rowNumber },
          { key: 'column', title: TEXT.column, render: (row) => row.column },
          { key: 'reason', title: TEXT.reason, isWide: true, render: (row) => row.reason },
        ]}
        rows={details.errors}
        rowKey={(row) => `${row.rowNumber}-${row.column}-${row.reason}`}
        empty=""
      />
    </>
  );
}

const yearOptionsOf = (error: ApiError | null): string[] => {
  const options =
    error?.code === ERROR_CODE.IMPORT_YEAR_UNKNOWN
      ? (error.details?.years ?? error.details?.options)
      : null;
  return Array.isArray(options) ? options.map(String) : [];
};

export function ImportsSection(): JSX.Element {
  const [year, setYear] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isDownloading, setIsDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);

  const start = (): void => {
    void pickOfficeFile(EXPORT_EXTENSIONS).then((file) => {
      if (!file) return;
      setResult(null);
      setError(null);
      setDownloadError(null);
      setPercent(0);
      const yearNumber = Number(year);
      importExport(file, year && Number.isInteger(yearNumber) ? yearNumber : null, setPercent).then(
        (answer) => {
          setPercent(null);
          setResult(answer);
        },
        (failure: unknown) => {
          setPercent(null);
          setError(toApiError(failure));
        },
      );
    });
  };
  const rowsInvalid = rowsInvalidOf(error);
  const yearOptions = yearOptionsOf(error);
  const downloadReport = (reportId: string): void => {
    setIsDownloading(true);
    setDownloadError(null);
    fetchImportReport(reportId).then(
      (text) => {
        setIsDownloading(false);
        saveCsvInBrowser(text, TEXT.fileName);
      },
      (failure: unknown) => {
        setIsDownloading(false);
        setDownloadError(toApiError(failure));
      },
    );
  };

  return (
    <View id="office-imports">
      <SectionHeading title={TEXT.title} />
      <Card>
        <View className="tt-office-muted">{TEXT.hint}</View>
        <View className="tt-office-form-row">
          <Field
            id="office-import-year"
            label={TEXT.year}
            value={year}
            placeholder={TEXT.yearAuto}
            type="number"
            onChange={setYear}
          />
        </View>
        <Button
          id="office-import-choose"
          type="primary"
          disabled={percent !== null}
          onClick={start}
        >
          {TEXT.choose}
        </Button>
        {percent !== null ? (
          <View className="tt-office-progress">
            <View className="tt-office-progress__bar" style={{ width: `${percent}%` }} />
            <View className="tt-office-muted">
              {percent < 100 ? TEXT.uploading(percent) : TEXT.processing}
            </View>
          </View>
        ) : null}
      </Card>
      {result ? (
        <Card>
          <Message tone="ok" id="office-import-result">
            {TEXT.result(result.rowCount, result.created, result.changed, result.unchanged)}
          </Message>
          {result.skipped.length > 0 ? (
            <ResponsiveTable
              id="office-import-skipped"
              columns={[
                { key: 'ref', title: TEXT.row, render: (row) => row.ref },
                {
                  key: 'no',
                  title: OFFICE_TEXT.applications.columns.applicationNo,
                  render: (row) => row.applicationNo,
                },
                {
                  key: 'reason',
                  title: TEXT.reason,
                  isWide: true,
                  render: (row) => `${row.reason} ${row.detail}`,
                },
              ]}
              rows={result.skipped}
              rowKey={(row) => `${row.ref}-${row.applicationNo}`}
              empty=""
            />
          ) : null}
        </Card>
      ) : null}
      {error ? (
        <Card>
          <ErrorMessage error={error} />
          {yearOptions.length > 0 ? (
            <View className="tt-office-muted">
              {TEXT.yearOptions}
              {yearOptions.join('、')}
            </View>
          ) : null}
          {rowsInvalid ? (
            <ImportRowsRefusal
              details={rowsInvalid}
              canDownload={isH5()}
              isDownloading={isDownloading}
              downloadError={downloadError}
              onDownload={() => downloadReport(rowsInvalid.reportId)}
            />
          ) : null}
        </Card>
      ) : null}
    </View>
  );
}
