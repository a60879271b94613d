import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';

import { ActionCard } from '../../../../components/action-card';
import { ApplicantGate } from '../../../../components/applicant-gate';
import { PageRoot } from '../../../../components/page-root';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { useNow } from '../../../../hooks/use-now';
import { todoItems } from '../../../../hooks/use-todo';
import { useT } from '../../../../locales';
import { ROUTES } from '../../../../utils/routes';
import '../../applicant.scss';

export default function TodoPage(): JSX.Element {
  const t = useT();
  const mine = useMyProgress();
  const now = useNow();
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  const progress = mine.data?.progress ?? [];
  const items = todoItems(progress, now);
  const isDemo = progress.some((entry) => entry.isDemo);
  return (
    <PageRoot id="todo-page" title="nav.todo" isOffline={mine.isOffline} asOf={mine.asOf}>
      <View className="tt-screen">
        <ApplicantGate
          isSignedIn={mine.isSignedIn}
          isLoading={mine.isLoading}
          hasData={mine.data !== null}
          hasApplication={progress.length > 0}
          error={mine.error}
          onRetry={mine.reload}
          onGoToMe={() => void Taro.navigateTo({ url: ROUTES.me })}
        >
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
                      {progress.length > 1 ? <View className="tt-screen__muted">{item.applicationNo}</View> : null}
                      <ActionCard item={item} now={now} showDetails />
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
