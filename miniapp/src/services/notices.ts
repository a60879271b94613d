import { API_ROUTES } from '@titletrack/shared/contract';
import type { NoticeDetail, NoticeListResponse } from '@titletrack/shared/contract';

import { http } from './http';

export const getNotices = (): Promise<NoticeListResponse> => http.get(API_ROUTES.notices);

export const getNotice = (id: string): Promise<NoticeDetail> => http.get(API_ROUTES.notice(id));
