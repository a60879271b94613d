import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  ReportSubscriptionsRequest,
  SubscriptionStatusResponse,
  SubscriptionTemplatesResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

export const getSubscriptionTemplates = (): Promise<SubscriptionTemplatesResponse> =>
  http.get(API_ROUTES.subscriptionTemplates);

export const getMySubscriptions = (): Promise<SubscriptionStatusResponse> =>
  http.get(API_ROUTES.mySubscriptions);

export const reportSubscriptions = (
  report: ReportSubscriptionsRequest,
): Promise<SubscriptionStatusResponse> => http.post(API_ROUTES.mySubscriptions, report);
