import { View } from '@tarojs/components';
import { useState } from 'react';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ImportResult, ImportRowError } from '@titletrack/shared/contract';

import { importExport } from '../../../services/office-api';
import { pickOfficeFile } from '../../../services/office-files';
import { toApiError } from '../../../services/http-client';
import type { ApiError } from '../../../services/api-error';
import {
  Button,
  Card,
  ErrorMessage,
  Field,
  Message,
  ResponsiveTable,
  SectionHeading,
} from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';

const TEXT = OFFICE_TEXT.imports;
const EXPORT_EXTENSIONS = ['.csv', '.xlsx', '.xls'] as const;

const rowErrorsOf = (error: ApiError | null): ImportRowError[] =>
  error?.code === ERROR_CODE.IMPORT_ROWS_INVALID && Array.isArray(error.details?.errors)
    ? (error.details.errors as ImportRowError[])
    : [];

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

  const start = (): void => {
    void pickOfficeFile(EXPORT_EXTENSIONS).then((file) => {
      if (!file) return;
      setResult(null);
      setError(null);
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
  const rowErrors = rowErrorsOf(error);
  const yearOptions = yearOptionsOf(error);

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
          {rowErrors.length > 0 ? (
            <>
              <View className="tt-office-subtitle">{TEXT.errors(rowErrors.length)}</View>
              <ResponsiveTable
                id="office-import-errors"
                columns={[
                  { key: 'row', title: TEXT.row, render: (row) => row.rowNumber },
                  { key: 'column', title: TEXT.column, render: (row) => row.column },
                  { key: 'reason', title: TEXT.reason, isWide: true, render: (row) => row.reason },
                ]}
                rows={rowErrors}
                rowKey={(row) => `${row.rowNumber}-${row.column}-${row.reason}`}
                empty=""
              />
            </>
          ) : null}
        </Card>
      ) : null}
    </View>
  );
}
