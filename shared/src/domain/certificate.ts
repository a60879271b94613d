// Electronic title certificates (电子证书): what a verifier may see, and the holder's share links
// (as the national certificate system's 加注 does). Pure: the server enforces these rules and the
// mini-app shows them.

export const CERTIFICATE_STATE = { VALID: 'valid', REVOKED: 'revoked' } as const;
export type CertificateState = (typeof CERTIFICATE_STATE)[keyof typeof CERTIFICATE_STATE];

// What a verification answers. `invalid` covers unknown, tampered and expired codes alike, so
// a wrong code teaches nothing about right ones.
export const VERIFY_RESULT = { VALID: 'valid', REVOKED: 'revoked', INVALID: 'invalid' } as const;
export type VerifyResult = (typeof VERIFY_RESULT)[keyof typeof VERIFY_RESULT];

// Details a holder may choose to show through a share link, beyond what the plain QR shows
// (state, masked name, level, specialty, issue date).
export const SHAREABLE_FIELD = {
  FULL_NAME: 'fullName',
  SERIES: 'series',
  CERTIFICATE_NO: 'certificateNo',
  QUALIFICATION_DOCUMENT: 'qualificationDocument',
  ISSUING_COMMITTEE: 'issuingCommittee',
} as const;
export type ShareableField = (typeof SHAREABLE_FIELD)[keyof typeof SHAREABLE_FIELD];

export const SHARE_LINK_RULES = {
  maxActive: 3,
  maxDays: 90,
  maxPurposeLength: 50,
} as const;

export interface ShareLinkFacts {
  expiresAt: Date;
  revokedAt: Date | null;
}

export function isShareLinkActive(link: ShareLinkFacts, now: Date): boolean {
  return link.revokedAt === null && link.expiresAt.getTime() > now.getTime();
}

export const SHARE_LINK_REFUSAL = {
  TOO_MANY_ACTIVE: 'too_many_active',
  EXPIRY_OUT_OF_RANGE: 'expiry_out_of_range',
  PURPOSE_REQUIRED: 'purpose_required',
  PURPOSE_TOO_LONG: 'purpose_too_long',
  NO_FIELDS: 'no_fields',
  CERTIFICATE_REVOKED: 'certificate_revoked',
} as const;
export type ShareLinkRefusal = (typeof SHARE_LINK_REFUSAL)[keyof typeof SHARE_LINK_REFUSAL];

export interface ShareLinkRequestFacts {
  purpose: string;
  expiresInDays: number;
  fields: readonly ShareableField[];
  activeLinks: readonly ShareLinkFacts[];
  certificateState: CertificateState;
  now: Date;
}

/**
 * Whether a holder may create a share link: a purpose, 1–90 days, at least one detail, at most
 * 3 links active at once, and only for a valid certificate.
 */
export function checkShareLinkRequest(
  request: ShareLinkRequestFacts,
): { isAllowed: true } | { isAllowed: false; reason: ShareLinkRefusal } {
  const refuse = (reason: ShareLinkRefusal) => ({ isAllowed: false as const, reason });
  if (request.certificateState !== CERTIFICATE_STATE.VALID)
    return refuse(SHARE_LINK_REFUSAL.CERTIFICATE_REVOKED);
  const purpose = request.purpose.trim();
  if (purpose === '') return refuse(SHARE_LINK_REFUSAL.PURPOSE_REQUIRED);
  if (Array.from(purpose).length > SHARE_LINK_RULES.maxPurposeLength)
    return refuse(SHARE_LINK_REFUSAL.PURPOSE_TOO_LONG);
  if (
    !Number.isInteger(request.expiresInDays) ||
    request.expiresInDays < 1 ||
    request.expiresInDays > SHARE_LINK_RULES.maxDays
  ) {
    return refuse(SHARE_LINK_REFUSAL.EXPIRY_OUT_OF_RANGE);
  }
  if (request.fields.length === 0) return refuse(SHARE_LINK_REFUSAL.NO_FIELDS);
  const active = request.activeLinks.filter((link) => isShareLinkActive(link, request.now)).length;
  if (active >= SHARE_LINK_RULES.maxActive) return refuse(SHARE_LINK_REFUSAL.TOO_MANY_ACTIVE);
  return { isAllowed: true };
}

/**
 * A name for people who are not its holder: the first character kept, the rest hidden, each part
 * of a Uyghur name written with the middle dot masked alike.
 *
 * @example
 * maskPersonName('王建国') // '王**'
 * maskPersonName('阿依古丽·买买提') // '阿***·买**'
 */
export function maskPersonName(name: string): string {
  return name
    .trim()
    .split(/([·•.])/u)
    .map((part, index) => {
      if (index % 2 === 1) return part; // the separator itself
      const characters = Array.from(part);
      return characters.length === 0
        ? ''
        : characters[0] + '*'.repeat(Math.max(1, characters.length - 1));
    })
    .join('');
}
