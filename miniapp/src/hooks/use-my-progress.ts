import { useEffect } from 'react';

import { onFactsChanged } from '../services/facts-events';
import { getMyProgress } from '../services/progress';
import type { MyProgress } from '../services/progress';
import { APPLICANT_SCREEN } from '../services/screen-cache';
import { useApplicantCached } from './use-applicant-cached';
import type { ApplicantCachedState } from './use-applicant-cached';

// Every bound application with its history, cached per applicant (a shared phone must never show
// the previous person's data); read again when the applicant changes a fact.
export function useMyProgress(): ApplicantCachedState<MyProgress> {
  const state = useApplicantCached(APPLICANT_SCREEN.PROGRESS, getMyProgress);
  const { reload } = state;
  useEffect(() => onFactsChanged(reload), [reload]);
  return state;
}
