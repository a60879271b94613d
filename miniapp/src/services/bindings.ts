import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  BindApplicationRequest,
  MyApplicationListResponse,
  MyApplicationSummary,
} from '@titletrack/shared/contract';

import { http } from './http';

// All four need a signed-in applicant; a missing or expired session fails with UNAUTHENTICATED.
export const bindApplication = (request: BindApplicationRequest): Promise<MyApplicationSummary> =>
  http.post(API_ROUTES.myBindings, request);

export const getMyApplications = (): Promise<MyApplicationListResponse> =>
  http.get(API_ROUTES.myApplications);

export const getMyApplication = (id: string): Promise<MyApplicationSummary> =>
  http.get(API_ROUTES.myApplication(id));

export const unbindApplication = (id: string): Promise<void> =>
  http.delete(API_ROUTES.myBinding(id));
