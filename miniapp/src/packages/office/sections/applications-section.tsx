import { View } from '@tarojs/components';
import { useState } from 'react';

import type { StaffApplicationSummary } from '@titletrack/shared/contract';

import { pressable } from '../../../components/a11y';
import { useOfficeLoad } from '../../../hooks/use-office-load';
import {
  getApplication,
  getApplicationAlerts,
  searchApplications,
} from '../../../services/office-api';
import { formatBeijing } from '../../../services/office-notice-form';
import {
  Button,
  Card,
  ErrorMessage,
  Field,
  LoadState,
  ResponsiveTable,
  SectionHeading,
  Subtitle,
} from '../components/office-ui';
import { OFFICE_TEXT, levelText, seriesText, statusText } from '../office-text';

const TEXT = OFFICE_TEXT.applications;
const COUNTS = OFFICE_TEXT.reminders.counts;

export function ApplicationsSection(): JSX.Element {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState({ q: '', page: 1 });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useOfficeLoad(
    () => searchApplications({ q: query.q || undefined, page: query.page }),
    `${query.q}/${query.page}`,
  );
  const detail = useOfficeLoad(openId ? () => getApplication(openId) : null, openId ?? '');
  const alerts = useOfficeLoad(openId ? () => getApplicationAlerts(openId) : null, openId ?? '');
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <View id="office-applications">
      <SectionHeading title={TEXT.title} />
      <Card>
        <View className="tt-office-form-row">
          <Field id="office-application-query" label={TEXT.query} value={q} onChange={setQ} />
        </View>
        <Button
          id="office-application-search"
          type="primary"
          size="small"
          onClick={() => setQuery({ q: q.trim(), page: 1 })}
        >
          {OFFICE_TEXT.common.search}
        </Button>
      </Card>
      <Card>
        <LoadState load={list} />
        {list.data ? (
          <>
            <ResponsiveTable<StaffApplicationSummary>
              id="office-application-list"
              columns={[
                {
                  key: 'no',
                  title: TEXT.columns.applicationNo,
                  render: (row) => (
                    <View
                      className="tt-office-link"
                      {...pressable('link', () => setOpenId(row.id))}
                    >
                      {row.applicationNo}
                    </View>
                  ),
                },
                { key: 'name', title: TEXT.columns.name, render: (row) => row.applicantName },
                { key: 'id', title: TEXT.columns.idCard, render: (row) => row.idCardNumberMasked },
                {
                  key: 'series',
                  title: TEXT.columns.series,
                  isWide: true,
                  render: (row) => `${seriesText(row.series)} / ${row.specialty}`,
                },
                { key: 'level', title: TEXT.columns.level, render: (row) => levelText(row.level) },
                {
                  key: 'status',
                  title: TEXT.columns.status,
                  render: (row) => statusText(row.status),
                },
                {
                  key: 'at',
                  title: TEXT.columns.changedAt,
                  render: (row) => formatBeijing(row.statusChangedAt, false),
                },
              ]}
              rows={list.data.items}
              rowKey={(row) => row.id}
              empty={OFFICE_TEXT.common.empty}
            />
            <View className="tt-office-actions">
              <View className="tt-office-muted">{TEXT.total(list.data.total)}</View>
              <Button
                size="small"
                disabled={query.page <= 1}
                onClick={() => setQuery({ ...query, page: query.page - 1 })}
              >
                {TEXT.prev}
              </Button>
              <Button
                size="small"
                disabled={query.page >= pages}
                onClick={() => setQuery({ ...query, page: query.page + 1 })}
              >
                {TEXT.next}
              </Button>
            </View>
          </>
        ) : null}
      </Card>
      {openId ? (
        <Card title={TEXT.detail} id="office-application-detail">
          <LoadState load={detail} />
          {detail.data ? (
            <>
              <View>
                {detail.data.application.applicationNo} · {detail.data.application.applicantName} ·{' '}
                {detail.data.application.idCardNumberMasked}
              </View>
              <Subtitle>{TEXT.history}</Subtitle>
              {detail.data.history.map((item) => (
                <View key={`${item.changedAt}-${item.toStatus}`} className="tt-office-muted">
                  {formatBeijing(item.changedAt, false)}{' '}
                  {item.fromStatus ? statusText(item.fromStatus) : '—'} →{' '}
                  {statusText(item.toStatus)}（{item.source}）
                </View>
              ))}
            </>
          ) : null}
          <Subtitle>{TEXT.alerts}</Subtitle>
          <ErrorMessage error={alerts.error} />
          {alerts.data ? (
            <ResponsiveTable
              id="office-application-alerts"
              columns={[
                { key: 'kind', title: OFFICE_TEXT.reminders.kind, render: (row) => row.kind },
                ...(
                  ['planned', 'pushed', 'read', 'pending', 'noSubscription', 'failed'] as const
                ).map((count) => ({
                  key: count,
                  title: COUNTS[count] ?? count,
                  render: (row: (typeof alerts.data.kinds)[number]) => row[count],
                })),
              ]}
              rows={alerts.data.kinds}
              rowKey={(row) => row.kind}
              empty={TEXT.noAlerts}
            />
          ) : null}
        </Card>
      ) : null}
    </View>
  );
}
