import Taro from '@tarojs/taro';
import { useState } from 'react';

import { useT } from '../locales';
import { APPLICANT_SCREEN } from '../services/screen-cache';
import { requestSubscriptions } from '../services/subscribe-request';
import type { SubscribeOption } from '../services/subscribe-request';
import {
  getMySubscriptions,
  getSubscriptionTemplates,
  reportSubscriptions,
} from '../services/subscriptions';
import { isWeapp } from '../utils/platform';
import { useApplicantCached } from './use-applicant-cached';

export interface SubscriptionsState {
  isAvailable: boolean;
  note: string | null;
  // Must run straight from the tap: WeChat refuses requestSubscribeMessage after an await.
  request: () => void;
}

// Taro's types ask for entityIds too; WeChat wants template ids only for one-time messages.
const requestSubscribeMessage = (option: SubscribeOption): void => {
  void Taro.requestSubscribeMessage(option as unknown as Taro.requestSubscribeMessage.Option);
};

// The signed-in applicant's WeChat reminders; nothing is asked for while signed out.
export function useSubscriptions(): SubscriptionsState {
  const t = useT();
  const templates = useApplicantCached(
    APPLICANT_SCREEN.SUBSCRIPTION_TEMPLATES,
    getSubscriptionTemplates,
  );
  const status = useApplicantCached(APPLICANT_SCREEN.SUBSCRIPTION_STATUS, getMySubscriptions);
  const [note, setNote] = useState<string | null>(null);
  const request = (): void =>
    requestSubscriptions({
      isWeapp,
      templates: templates.data?.templates ?? [],
      requestSubscribeMessage,
      report: reportSubscriptions,
      onNote: (key, values) => setNote(t(key, values)),
    });
  // The server remembers a closed main switch: say how to open it before anyone taps.
  const shown = note ?? (status.data?.isMainSwitchOff ? t('subscribe.mainSwitchOff') : null);
  return { isAvailable: templates.error?.status !== 404, note: shown, request };
}
