import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  CreateFeedbackRequest,
  MyFeedbackListResponse,
  MyFeedbackResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

// 投诉建议, the applicant's side: write to a region's title office, read my submissions. The
// office's side is office-feedback-api.ts, so the applicant's package never carries the console's
// client.
export const getMyFeedback = (): Promise<MyFeedbackListResponse> => http.get(API_ROUTES.myFeedback);

export const submitFeedback = (request: CreateFeedbackRequest): Promise<MyFeedbackResponse> =>
  http.post(API_ROUTES.myFeedback, request);
