import { HOTAN_2023 } from '@titletrack/shared/domain';
import type { Application, NoticeYear } from '@titletrack/shared/domain';

// The notice years this build knows the rules of (a new notice adds a line here and in shared).
const NOTICE_YEARS: readonly NoticeYear[] = [HOTAN_2023];

export const noticeYearOf = (application: Pick<Application, 'year' | 'route'>): NoticeYear | null =>
  NOTICE_YEARS.find(
    (year) => year.rules.year === application.year && year.calendar.route === application.route,
  ) ?? null;

export const currentNoticeYear = (): NoticeYear => HOTAN_2023;
