import Taro, { usePullDownRefresh } from '@tarojs/taro';

import type { ApplicationProgressResponse } from '@titletrack/shared/contract';

import type { ApplicantGateProps } from '../components/applicant-gate';
import type { NoticeYearLookup } from '../utils/notice-years';
import { ROUTES } from '../utils/routes';
import { useMyProgress } from './use-my-progress';
import { useNoticeYears } from './use-notice-years';

export interface ApplicantScreen {
  progress: ApplicationProgressResponse[];
  // Each application's published notice (calendar and rules); null while it is not published.
  yearOf: NoticeYearLookup;
  // For <ApplicantGate {...gate}>: sign in, bind, skeleton or error until there is something.
  gate: Omit<ApplicantGateProps, 'children'>;
  // For <PageRoot {...pageState}>: the offline banner and the time of the data shown.
  pageState: { isOffline: boolean; asOf: number | null };
}

// What every screen about my applications shares: my progress (cached per applicant), the
// notices it is under, pull to refresh, and the gate in front of the content.
export function useApplicantScreen(): ApplicantScreen {
  const mine = useMyProgress();
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  const { yearOf } = useNoticeYears(mine.data);
  const progress = mine.data?.progress ?? [];
  return {
    progress,
    yearOf,
    gate: {
      isSignedIn: mine.isSignedIn,
      isLoading: mine.isLoading,
      hasData: mine.data !== null,
      hasApplication: progress.length > 0,
      error: mine.error,
      onRetry: mine.reload,
      onGoToMe: () => void Taro.navigateTo({ url: ROUTES.me }),
    },
    pageState: { isOffline: mine.isOffline, asOf: mine.asOf },
  };
}
