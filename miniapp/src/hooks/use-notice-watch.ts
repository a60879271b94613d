import Taro from '@tarojs/taro';
import { useState } from 'react';

import { ALERT_KIND } from '@titletrack/shared/domain';

import { useT } from '../locales';
import { getMyNoticeWatches, unwatchNotice, watchNotice } from '../services/notice-watches';
import { APPLICANT_SCREEN } from '../services/screen-cache';
import { requestSubscriptions } from '../services/subscribe-request';
import type { SubscribeOption } from '../services/subscribe-request';
import { getSubscriptionTemplates, reportSubscriptions } from '../services/subscriptions';
import { isWeapp } from '../utils/platform';
import { useApplicantCached } from './use-applicant-cached';

export interface NoticeWatchState {
  isSignedIn: boolean;
  isWatching: boolean;
  isBusy: boolean;
  note: string | null;
  // Must run straight from the tap: WeChat refuses requestSubscribeMessage after an await.
  watch: () => void;
  unwatch: () => void;
}

const requestSubscribeMessage = (option: SubscribeOption): void => {
  void Taro.requestSubscribeMessage(option as unknown as Taro.requestSubscribeMessage.Option);
};

// "通知发布时提醒我" for one region's year: a watch on the server (the inbox tells me when the
// notice is published) and, on weapp, the WeChat permission to push that one message.
export function useNoticeWatch(regionCode: string, year: number): NoticeWatchState {
  const t = useT();
  const watches = useApplicantCached(APPLICANT_SCREEN.NOTICE_WATCHES, getMyNoticeWatches);
  const templates = useApplicantCached(
    APPLICANT_SCREEN.SUBSCRIPTION_TEMPLATES,
    getSubscriptionTemplates,
  );
  const [isBusy, setIsBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const isWatching =
    watches.data?.items.some((item) => item.regionCode === regionCode && item.year === year) ??
    false;
  const change = (action: () => Promise<unknown>): void => {
    setIsBusy(true);
    action()
      .then(() => watches.reload())
      .catch(() => setNote(t('round.watchFailed')))
      .finally(() => setIsBusy(false));
  };
  return {
    isSignedIn: watches.isSignedIn,
    isWatching,
    isBusy,
    note,
    watch: () => {
      setNote(null);
      // Asked first, inside the tap; the watch itself does not depend on the answer.
      if (isWeapp())
        requestSubscriptions({
          isWeapp,
          templates: (templates.data?.templates ?? []).filter(
            (template) => template.kind === ALERT_KIND.NOTICE_PUBLISHED,
          ),
          requestSubscribeMessage,
          report: reportSubscriptions,
          onNote: (key, values) => setNote(t(key, values)),
        });
      change(() => watchNotice({ regionCode, year }));
    },
    unwatch: () => {
      setNote(null);
      change(() => unwatchNotice({ regionCode, year }));
    },
  };
}
