import { HOTAN_2023, findNoticeYear } from '@titletrack/shared/domain';
import type { Application, NoticeYear } from '@titletrack/shared/domain';

export const noticeYearOf = (application: Pick<Application, 'year' | 'route'>): NoticeYear | null =>
  findNoticeYear(application.year, application.route);

export const currentNoticeYear = (): NoticeYear => HOTAN_2023;
