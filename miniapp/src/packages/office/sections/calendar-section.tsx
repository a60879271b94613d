import { View } from '@tarojs/components';
import { useState } from 'react';

import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import type { CalendarEventResponse, StaffPrincipal } from '@titletrack/shared/contract';

import { useOfficeLoad } from '../../../hooks/use-office-load';
import { getPublishedCalendar } from '../../../services/office-api';
import { formatBeijing } from '../../../services/office-notice-form';
import {
  Card,
  Choice,
  ErrorMessage,
  Loading,
  ResponsiveTable,
  SectionHeading,
  Subtitle,
} from '../components/office-ui';
import type { TableColumn } from '../components/office-ui';
import { OFFICE_TEXT, errorText, kindText } from '../office-text';
import { RegionYear, currentBeijingYear } from './region-year';

const TEXT = OFFICE_TEXT.calendar;

const COLUMNS: Array<TableColumn<CalendarEventResponse>> = [
  { key: 'kind', title: TEXT.kind, render: (event) => kindText(event.kind) },
  {
    key: 'window',
    title: TEXT.window,
    render: (event) =>
      `${event.startsAt ? `${formatBeijing(event.startsAt, false)} – ` : ''}${formatBeijing(event.endsAt, true)}`,
  },
  { key: 'wording', title: TEXT.wording, isWide: true, render: (event) => event.wording },
];

export function CalendarSection({ staff }: { staff: StaffPrincipal }): JSX.Element {
  const [regionCode, setRegionCode] = useState(staff.regionCode);
  const [year, setYear] = useState(String(currentBeijingYear()));
  const [route, setRoute] = useState<EvaluationRoute>(EVALUATION_ROUTE.PREFECTURE_DIRECTED);
  const yearNumber = Number(year);
  const calendar = useOfficeLoad(
    Number.isInteger(yearNumber) && yearNumber >= 2000
      ? () => getPublishedCalendar(yearNumber, regionCode, route)
      : null,
    `${regionCode}/${year}/${route}`,
  );
  return (
    <View id="office-calendar">
      <SectionHeading title={TEXT.title} />
      <Card>
        <View className="tt-office-form-row">
          <RegionYear
            idPrefix="office-calendar"
            regionCode={regionCode}
            year={year}
            onRegion={setRegionCode}
            onYear={setYear}
          />
          <Choice
            id="office-calendar-route"
            label={OFFICE_TEXT.common.route}
            value={route}
            options={[
              {
                value: EVALUATION_ROUTE.PREFECTURE_DIRECTED,
                label: OFFICE_TEXT.routes.prefecture_directed ?? '',
              },
              { value: EVALUATION_ROUTE.REGION, label: OFFICE_TEXT.routes.region ?? '' },
            ]}
            onChange={setRoute}
          />
        </View>
      </Card>
      <Card>
        {calendar.isLoading ? <Loading /> : null}
        {calendar.error ? (
          calendar.error.status === 404 ? (
            <View className="tt-office-muted">{TEXT.empty}</View>
          ) : (
            <ErrorMessage error={calendar.error} />
          )
        ) : null}
        {calendar.data ? (
          <>
            <Subtitle>
              {calendar.data.title}（{calendar.data.noticeDocumentNumber}）·{' '}
              {TEXT.version(calendar.data.version)}
            </Subtitle>
            <ResponsiveTable
              id="office-calendar-table"
              columns={COLUMNS}
              rows={calendar.data.events}
              rowKey={(event) => event.id}
              empty={errorText('CALENDAR_NOT_FOUND')}
            />
          </>
        ) : null}
      </Card>
    </View>
  );
}
