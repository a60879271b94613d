import { getMyProgress } from '../services/progress';
import type { MyProgress } from '../services/progress';
import { APPLICANT_SCREEN } from '../services/screen-cache';
import { useApplicantCached } from './use-applicant-cached';
import type { ApplicantCachedState } from './use-applicant-cached';

// Every bound application with its history, cached per applicant (a shared phone must never show
// the previous person's data).
export function useMyProgress(): ApplicantCachedState<MyProgress> {
  return useApplicantCached(APPLICANT_SCREEN.PROGRESS, getMyProgress);
}
