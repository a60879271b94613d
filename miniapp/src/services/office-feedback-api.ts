import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  ReplyFeedbackRequest,
  StaffFeedbackDetail,
  StaffFeedbackListQuery,
  StaffFeedbackListResponse,
} from '@titletrack/shared/contract';

import { officeHttp } from './office-http';

// 投诉建议 in the office console. The list masks contacts; opening one item shows its contact,
// and the server audits that.
export const getStaffFeedbackList = (
  query: StaffFeedbackListQuery,
): Promise<StaffFeedbackListResponse> => officeHttp.get(API_ROUTES.staffFeedback, { ...query });

export const getStaffFeedback = (id: string): Promise<StaffFeedbackDetail> =>
  officeHttp.get(API_ROUTES.staffFeedbackItem(id));

export const replyToFeedback = (
  id: string,
  request: ReplyFeedbackRequest,
): Promise<StaffFeedbackDetail> => officeHttp.post(API_ROUTES.staffFeedbackReply(id), request);

export const markFeedbackHandled = (id: string): Promise<StaffFeedbackDetail> =>
  officeHttp.post(API_ROUTES.staffFeedbackHandled(id));
