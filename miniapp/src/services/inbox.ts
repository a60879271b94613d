import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  InboxPageResponse,
  MarkAllReadResponse,
  UnreadCountResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

export const INBOX_PAGE_SIZE = 20;

export const getInbox = (page = 1, pageSize = INBOX_PAGE_SIZE): Promise<InboxPageResponse> =>
  http.get(API_ROUTES.myInbox, { page, pageSize });

export const getUnreadCount = (): Promise<UnreadCountResponse> =>
  http.get(API_ROUTES.myInboxUnreadCount);

export const markInboxRead = (id: string): Promise<void> => http.post(API_ROUTES.myInboxRead(id));

export const markInboxAllRead = (): Promise<MarkAllReadResponse> =>
  http.post(API_ROUTES.myInboxReadAll);
