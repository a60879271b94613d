import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  ChecklistResponse,
  ChecklistTickRequest,
  DeclareFactsRequest,
  EligibilityRequest,
  EligibilityResponse,
  MyFactsResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

// All need a signed-in applicant; facts and eligibility need no bound application.
export const getMyFacts = (): Promise<MyFactsResponse> => http.get(API_ROUTES.myFacts);

export const declareMyFacts = (request: DeclareFactsRequest): Promise<MyFactsResponse> =>
  http.put(API_ROUTES.myFacts, request);

export const checkMyEligibility = (request: EligibilityRequest): Promise<EligibilityResponse> =>
  http.post(API_ROUTES.myEligibility, request);

export const getMyChecklist = (applicationId: string): Promise<ChecklistResponse> =>
  http.get(API_ROUTES.myApplicationChecklist(applicationId));

export const tickMyChecklist = (
  applicationId: string,
  request: ChecklistTickRequest,
): Promise<ChecklistResponse> =>
  http.put(API_ROUTES.myApplicationChecklist(applicationId), request);
