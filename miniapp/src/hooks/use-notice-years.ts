import { useMemo } from 'react';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { ApiError } from '../services/api-error';
import { getCalendar } from '../services/calendars';
import type { MyProgress } from '../services/progress';
import { noticeKey, noticeQueriesOf, noticeYearLookup } from '../utils/notice-years';
import type { NoticeAnswers, NoticeYearLookup } from '../utils/notice-years';
import { useCached } from './use-cached';

export interface NoticeYearsState {
  yearOf: NoticeYearLookup;
  isLoading: boolean;
}

// The published notice behind each of my applications (calendar and rules, as the office
// published them), cached like a screen so the to-do list works offline too. A notice that is
// not published answers CALENDAR_NOT_FOUND: that application gets no deadlines.
export function useNoticeYears(progress: MyProgress | null): NoticeYearsState {
  const summaries = progress?.summaries ?? [];
  const queries = noticeQueriesOf(
    (progress?.progress ?? []).map((entry) => entry.application),
    summaries,
  );
  const key = queries.length === 0 ? null : `notices.${queries.map(noticeKey).join(',')}`;
  const answers = useCached<NoticeAnswers>(key, async () => {
    const entries = await Promise.all(
      queries.map(async (query) => {
        const response = await getCalendar(query).catch((error: unknown) => {
          if (error instanceof ApiError && error.code === ERROR_CODE.CALENDAR_NOT_FOUND)
            return null;
          throw error;
        });
        return [noticeKey(query), response] as const;
      }),
    );
    return Object.fromEntries(entries);
  }, []);
  const regionsKey = summaries.map((summary) => `${summary.id}=${summary.regionCode}`).join(',');
  const yearOf = useMemo(
    () => noticeYearLookup(answers.data, summaries),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [answers.data, regionsKey],
  );
  return { yearOf, isLoading: answers.isLoading };
}
