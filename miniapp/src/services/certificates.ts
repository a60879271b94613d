import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  CreateShareLinkRequest,
  MyCertificateListResponse,
  ShareLinkListResponse,
  ShareLinkView,
  VerificationLogResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

export const getMyCertificates = (): Promise<MyCertificateListResponse> =>
  http.get(API_ROUTES.myCertificates);

export const getShareLinks = (certificateId: string): Promise<ShareLinkListResponse> =>
  http.get(API_ROUTES.myCertificateShares(certificateId));

export const createShareLink = (
  certificateId: string,
  request: CreateShareLinkRequest,
): Promise<ShareLinkView> => http.post(API_ROUTES.myCertificateShares(certificateId), request);

export const revokeShareLink = (certificateId: string, shareId: string): Promise<void> =>
  http.delete(API_ROUTES.myCertificateShare(certificateId, shareId));

export const getVerifications = (certificateId: string): Promise<VerificationLogResponse> =>
  http.get(API_ROUTES.myCertificateVerifications(certificateId));
