import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  NoticeWatchListResponse,
  NoticeWatchRequest,
  NoticeWatchResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

// "通知发布时提醒我": the signed-in applicant's watches on notices not published yet.
export const getMyNoticeWatches = (): Promise<NoticeWatchListResponse> =>
  http.get(API_ROUTES.myNoticeWatches);

export const watchNotice = (request: NoticeWatchRequest): Promise<NoticeWatchResponse> =>
  http.post(API_ROUTES.myNoticeWatches, request);

export const unwatchNotice = ({ regionCode, year }: NoticeWatchRequest): Promise<void> =>
  http.delete(API_ROUTES.myNoticeWatch(regionCode, year));
