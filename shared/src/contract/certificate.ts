import type { CertificateState, ShareableField, VerifyResult } from '../domain/certificate';

// The holder's own view: the full name is shown to its holder only.
export interface MyCertificate {
  id: string;
  certificateNo: string;
  holderName: string;
  series: string;
  specialty: string;
  level: string;
  qualificationDocumentNo: string | null; // 任职资格文件文号
  qualificationDocumentDate: string | null; // YYYY-MM-DD
  issuedOn: string; // YYYY-MM-DD
  issuingCommittee: string;
  state: CertificateState;
  revokedReason: string | null;
  revokedAt: string | null;
  // What the QR encodes: anyone opening it sees valid / revoked and the masked holder.
  verifyUrl: string;
  // The QR as a PNG data URL, ready for <Image src> on both targets.
  qrPngDataUrl: string;
}

export interface MyCertificateListResponse {
  items: MyCertificate[];
}

export interface CreateShareLinkRequest {
  purpose: string;
  expiresInDays: number; // 1–90
  fields: ShareableField[];
}

export interface ShareLinkView {
  id: string;
  purpose: string;
  fields: ShareableField[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  isActive: boolean;
  // Shown once, at creation: only a hash of the token is stored.
  url: string | null;
}

export interface ShareLinkListResponse {
  items: ShareLinkView[];
}

export const VERIFICATION_CHANNEL = { QR: 'qr', SHARE: 'share' } as const;
export type VerificationChannel = (typeof VERIFICATION_CHANNEL)[keyof typeof VERIFICATION_CHANNEL];

export interface VerificationLogEntry {
  id: string;
  verifiedAt: string;
  channel: VerificationChannel;
  sharePurpose: string | null;
  // A keyed hash of the verifier's address: tells repeat visits apart, never the address.
  verifierTag: string;
}

export interface VerificationLogResponse {
  items: VerificationLogEntry[];
}

// What a verifier sees. For `invalid` nothing else is given.
export interface VerifyCertificateResponse {
  result: VerifyResult;
  holderNameMasked?: string;
  level?: string;
  specialty?: string;
  issuedOn?: string;
  revokedReason?: string | null;
  // Through a share link: the details the holder chose.
  shared?: Partial<Record<ShareableField, string>>;
  sharePurpose?: string;
  shareExpiresAt?: string;
}

export interface CertificatePublicKeyResponse {
  algorithm: 'Ed25519';
  publicKeyPem: string;
  // How a code is built, so anyone can check one offline.
  codeFormat: string;
}

export interface RevokeCertificateRequest {
  reason: string;
}

export interface StaffCertificateView {
  id: string;
  certificateNo: string;
  holderNameMasked: string;
  applicationNo: string | null;
  level: string;
  specialty: string;
  issuedOn: string;
  state: CertificateState;
  revokedReason: string | null;
}

export interface StaffCertificateListResponse {
  items: StaffCertificateView[];
}
