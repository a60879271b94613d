import { View } from '@tarojs/components';

import { useOfficeLoad } from '../../../hooks/use-office-load';
import { getReminderSummary } from '../../../services/office-api';
import { Button, Card, LoadState, ResponsiveTable, SectionHeading } from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';

const TEXT = OFFICE_TEXT.reminders;

export function RemindersSection(): JSX.Element {
  const summary = useOfficeLoad(getReminderSummary, 'summary');
  return (
    <View id="office-reminders">
      <SectionHeading title={TEXT.title}>
        <Button size="small" onClick={summary.reload}>
          {OFFICE_TEXT.common.refresh}
        </Button>
      </SectionHeading>
      <LoadState load={summary} />
      {summary.data ? (
        <>
          <Card title={TEXT.byState}>
            {Object.keys(summary.data.byState).length === 0 ? (
              <View className="tt-office-muted">{OFFICE_TEXT.common.empty}</View>
            ) : null}
            <View className="tt-office-stats">
              {Object.entries(summary.data.byState).map(([state, count]) => (
                <View key={state} className="tt-office-stats__item">
                  <View className="tt-office-stats__count">{count}</View>
                  <View className="tt-office-muted">{state}</View>
                </View>
              ))}
            </View>
          </Card>
          <Card title={TEXT.attention}>
            <ResponsiveTable
              id="office-reminder-attention"
              columns={[
                { key: 'app', title: TEXT.application, render: (row) => row.applicationId },
                { key: 'kind', title: TEXT.kind, render: (row) => row.kind },
                { key: 'state', title: TEXT.state, render: (row) => row.pushState },
                { key: 'attempts', title: TEXT.attempts, render: (row) => row.pushAttempts },
                {
                  key: 'error',
                  title: TEXT.error,
                  isWide: true,
                  render: (row) => row.pushError ?? '—',
                },
              ]}
              rows={summary.data.needsAttention}
              rowKey={(row) => row.id}
              empty={TEXT.none}
            />
          </Card>
        </>
      ) : null}
    </View>
  );
}
