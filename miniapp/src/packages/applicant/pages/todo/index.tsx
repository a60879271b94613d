import { View } from '@tarojs/components';

import { isolate } from '@titletrack/shared/locales';

import { ActionCard } from '../../../../components/action-card';
import { ApplicantGate } from '../../../../components/applicant-gate';
import { PageRoot } from '../../../../components/page-root';
import { useApplicantScreen } from '../../../../hooks/use-applicant-screen';
import { useNow } from '../../../../hooks/use-now';
import { todoItems } from '../../../../hooks/use-todo';
import { useIsRtl, useT } from '../../../../locales';
import { TickableChecklist } from '../../components/tickable-checklist';
import '../../applicant.scss';

export default function TodoPage(): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const { progress, yearOf, gate, pageState } = useApplicantScreen();
  const now = useNow();
  const items = todoItems(progress, now, yearOf);
  const isDemo = progress.some((entry) => entry.isDemo);
  // One tickable checklist per application, under its first to-do that gathers material.
  const checklistUnder = new Set(
    items.filter(
      (item, index) =>
        item.checklist !== null &&
        items.findIndex(
          (other) => other.applicationId === item.applicationId && other.checklist,
        ) === index,
    ),
  );
  return (
    <PageRoot id="todo-page" title="nav.todo" {...pageState}>
      <View className="tt-screen">
        <ApplicantGate {...gate}>
          {() => (
            <>
              {isDemo ? <View className="tt-screen__demo">{t('app.demoBadge')}</View> : null}
              {items.length === 0 ? (
                <View className="tt-screen__card" id="no-todo">
                  {t('home.noTodo')}
                </View>
              ) : (
                <View id="todo-list">
                  {items.map((item) => (
                    <View key={`${item.applicationId}-${item.action.kind}`}>
                      {progress.length > 1 ? (
                        <View className="tt-screen__muted">
                          {isolate(item.applicationNo, isRtl)}
                        </View>
                      ) : null}
                      <ActionCard item={item} now={now} showDetails />
                      {item.checklist && checklistUnder.has(item) ? (
                        <TickableChecklist
                          applicationId={item.applicationId}
                          checklist={item.checklist}
                        />
                      ) : null}
                    </View>
                  ))}
                </View>
              )}
            </>
          )}
        </ApplicantGate>
      </View>
    </PageRoot>
  );
}
