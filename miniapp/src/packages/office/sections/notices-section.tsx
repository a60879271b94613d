import { View } from '@tarojs/components';
import { useState } from 'react';

import type { OfficeNoticeSummary, StaffPrincipal } from '@titletrack/shared/contract';

import { pressable } from '../../../components/a11y';
import { useOfficeLoad } from '../../../hooks/use-office-load';
import { getOfficeNotices } from '../../../services/office-api';
import { formatBeijing } from '../../../services/office-notice-form';
import { Button, Card, LoadState, ResponsiveTable, SectionHeading } from '../components/office-ui';
import type { TableColumn } from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';
import { NoticeEditor } from './notice-editor';
import { RegionYear, currentBeijingYear } from './region-year';

const TEXT = OFFICE_TEXT.notices;

export function NoticesSection({ staff }: { staff: StaffPrincipal }): JSX.Element {
  const [regionCode, setRegionCode] = useState(staff.regionCode);
  const [year, setYear] = useState(String(currentBeijingYear()));
  // null: the list; 'new': a new notice; else the id of the notice being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const yearNumber = Number(year);
  const list = useOfficeLoad(
    editing === null && Number.isInteger(yearNumber) && yearNumber >= 2000
      ? () => getOfficeNotices(regionCode, yearNumber)
      : null,
    `${regionCode}/${year}/${editing ?? ''}`,
  );

  if (editing !== null) {
    return (
      <NoticeEditor
        noticeId={editing === 'new' ? null : editing}
        defaults={{
          regionCode,
          year: Number.isInteger(yearNumber) ? yearNumber : currentBeijingYear(),
        }}
        onSaved={(id) => setEditing(id)}
        onClose={() => setEditing(null)}
      />
    );
  }

  const columns: Array<TableColumn<OfficeNoticeSummary>> = [
    {
      key: 'title',
      title: TEXT.columns.title,
      isWide: true,
      render: (notice) => (
        <View className="tt-office-link" {...pressable('link', () => setEditing(notice.id))}>
          {notice.title}
        </View>
      ),
    },
    {
      key: 'number',
      title: TEXT.columns.documentNumber,
      render: (notice) => notice.documentNumber,
    },
    {
      key: 'route',
      title: TEXT.columns.route,
      render: (notice) => OFFICE_TEXT.routes[notice.route] ?? notice.route,
    },
    {
      key: 'state',
      title: TEXT.columns.state,
      render: (notice) => (
        <View className={`tt-office-state tt-office-state--${notice.state}`}>
          {OFFICE_TEXT.states[notice.state] ?? notice.state}
        </View>
      ),
    },
    {
      key: 'published',
      title: TEXT.columns.publishedAt,
      render: (notice) => formatBeijing(notice.publishedAt, false),
    },
  ];

  return (
    <View id="office-notices">
      <SectionHeading title={TEXT.title}>
        <Button
          id="office-notice-new"
          type="primary"
          size="small"
          onClick={() => setEditing('new')}
        >
          {TEXT.create}
        </Button>
      </SectionHeading>
      <Card>
        <View className="tt-office-form-row">
          <RegionYear
            idPrefix="office-notices"
            regionCode={regionCode}
            year={year}
            onRegion={setRegionCode}
            onYear={setYear}
          />
        </View>
      </Card>
      <Card>
        <LoadState load={list} />
        {list.data ? (
          <ResponsiveTable
            id="office-notice-list"
            columns={columns}
            rows={list.data.items}
            rowKey={(notice) => notice.id}
            empty={TEXT.empty}
          />
        ) : null}
      </Card>
    </View>
  );
}
