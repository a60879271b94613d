import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';

import { isolate } from '@titletrack/shared/locales';

import { pressable } from '../../../../components/a11y';
import { ApplicantGate } from '../../../../components/applicant-gate';
import { PageRoot } from '../../../../components/page-root';
import { ZhSentence } from '../../../../components/quotation';
import { Button } from '../../../../components/ui';
import { useInbox } from '../../../../hooks/use-inbox';
import { useSession } from '../../../../hooks/use-session';
import { useIsRtl, useT } from '../../../../locales';
import { alertTarget, alertText } from '../../../../utils/alert-text';
import { formatBeijingMinute } from '../../../../utils/format-time';
import { ROUTES } from '../../../../utils/routes';
import '../../applicant.scss';
import './index.scss';

export default function InboxPage(): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const signedIn = useSession() !== null;
  const inbox = useInbox();
  usePullDownRefresh(() => {
    inbox.reload();
    void Taro.stopPullDownRefresh();
  });
  const unread = inbox.items.filter((message) => message.readAt === null).length;
  return (
    <PageRoot
      id="inbox-page"
      title="nav.inbox"
      tab="inbox"
      unread={unread}
      isOffline={inbox.isOffline}
      asOf={inbox.asOf}
    >
      <View className="tt-screen">
        {inbox.isUnavailable ? (
          <View className="tt-screen__card" id="inbox-unavailable">
            {t('inbox.unavailable')}
          </View>
        ) : (
          <ApplicantGate
            isSignedIn={signedIn}
            isLoading={inbox.isLoading}
            hasData={inbox.data !== null}
            hasApplication
            error={inbox.error}
            onRetry={inbox.reload}
            onGoToMe={() => void Taro.navigateTo({ url: ROUTES.me })}
          >
            {() =>
              inbox.items.length === 0 ? (
                <View className="tt-screen__card" id="inbox-empty">
                  {t('inbox.empty')}
                </View>
              ) : (
                <>
                  {unread > 0 ? (
                    <Button
                      className="tt-screen__button"
                      id="mark-all-read"
                      fill="outline"
                      onClick={inbox.markAllRead}
                    >
                      {t('inbox.markAll')}
                    </Button>
                  ) : null}
                  <View id="inbox-list">
                    {inbox.items.map((message) => {
                      const text = alertText(t, message, isRtl);
                      const isUnread = message.readAt === null;
                      return (
                        <View
                          key={message.id}
                          className={`tt-inbox__item${isUnread ? ' tt-inbox__item--unread' : ''}`}
                          id={`message-${message.id}`}
                          data-kind={message.kind}
                          {...pressable('link', () => {
                            if (isUnread) inbox.markRead(message.id);
                            void Taro.navigateTo({ url: alertTarget(message) });
                          })}
                        >
                          <View className="tt-inbox__head">
                            {isUnread ? (
                              <View className="tt-inbox__dot">{t('inbox.unread')}</View>
                            ) : null}
                            <View className="tt-inbox__title">{text.title}</View>
                          </View>
                          <View className="tt-inbox__body">
                            <ZhSentence text={text.body} zh={text.zh ?? {}} />
                          </View>
                          <View className="tt-inbox__time">
                            {isolate(formatBeijingMinute(message.createdAt), isRtl)}
                          </View>
                        </View>
                      );
                    })}
                  </View>
                  {inbox.hasMore ? (
                    <Button
                      className="tt-screen__button"
                      id="inbox-more"
                      fill="outline"
                      block
                      onClick={inbox.loadMore}
                    >
                      {t('inbox.loadMore')}
                    </Button>
                  ) : null}
                </>
              )
            }
          </ApplicantGate>
        )}
      </View>
    </PageRoot>
  );
}
