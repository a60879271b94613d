import type { ApplicantFacts, FactName, FactValueByName } from '../domain/applicant-facts';
import type { TitleLevel, TitleSeries } from '../domain/application.type';
import type { EligibilityAnswer } from '../domain/eligibility.type';

// "我的信息": the facts the rules read, each with where it came from.
export interface MyFactsResponse {
  facts: ApplicantFacts;
}

// The applicant declares facts (null withdraws a declaration); facts from the platform or the
// office are not changed by it and keep precedence.
export type DeclareFactsRequest = { [N in FactName]?: FactValueByName[N] | null };

// The facts of one application as staff see them (in scope only); staff may set office facts.
export interface StaffApplicationFactsResponse {
  applicationId: string;
  facts: ApplicantFacts;
}
export type SetOfficeFactsRequest = DeclareFactsRequest;

// "我能不能报": for a level and series, from the facts known (a signed-in visitor needs no
// bound application), against the region's published notice of the year.
export interface EligibilityRequest {
  level: TitleLevel;
  series: TitleSeries;
  regionCode?: string;
  year?: number;
  // The title held now and the year it was obtained (R12 fast track), if any.
  currentLevel?: TitleLevel | null;
  titleObtainedYear?: number | null;
}

export interface EligibilityResponse {
  regionCode: string;
  year: number;
  noticeDocumentNumber: string;
  answers: EligibilityAnswer[];
}

// The attachment checklist of one application (R5–R8), ticked by its applicant on any device.
export interface ChecklistResponse {
  applicationId: string;
  tickedItemKeys: string[];
}

export interface ChecklistTickRequest {
  itemKey: string;
  isDone: boolean;
}
