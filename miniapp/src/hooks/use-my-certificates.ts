import type { MyCertificateListResponse } from '@titletrack/shared/contract';

import { getMyCertificates } from '../services/certificates';
import { APPLICANT_SCREEN } from '../services/screen-cache';
import { useApplicantCached } from './use-applicant-cached';
import type { ApplicantCachedState } from './use-applicant-cached';

// The signed-in holder's certificates, kept for offline viewing: showing one at an HR desk must
// work in a basement with no signal.
export function useMyCertificates(): ApplicantCachedState<MyCertificateListResponse> {
  return useApplicantCached(APPLICANT_SCREEN.CERTIFICATES, getMyCertificates);
}
