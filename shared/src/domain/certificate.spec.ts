import {
  CERTIFICATE_STATE,
  SHAREABLE_FIELD,
  SHARE_LINK_REFUSAL,
  checkShareLinkRequest,
  isShareLinkActive,
  maskPersonName,
} from './certificate';
import type { ShareLinkRequestFacts } from './certificate';

const NOW = new Date('2023-12-20T04:00:00Z');
const DAY = 86_400_000;

function request(overrides: Partial<ShareLinkRequestFacts> = {}): ShareLinkRequestFacts {
  return {
    purpose: '入职审核',
    expiresInDays: 30,
    fields: [SHAREABLE_FIELD.FULL_NAME],
    activeLinks: [],
    certificateState: CERTIFICATE_STATE.VALID,
    now: NOW,
    ...overrides,
  };
}

describe('share links', () => {
  it('allows a link with a purpose, 1 to 90 days and at least one detail', () => {
    expect(checkShareLinkRequest(request({ expiresInDays: 1 }))).toEqual({ isAllowed: true });
    expect(checkShareLinkRequest(request({ expiresInDays: 90 }))).toEqual({ isAllowed: true });
  });

  it.each([
    [0, SHARE_LINK_REFUSAL.EXPIRY_OUT_OF_RANGE],
    [91, SHARE_LINK_REFUSAL.EXPIRY_OUT_OF_RANGE],
    [1.5, SHARE_LINK_REFUSAL.EXPIRY_OUT_OF_RANGE],
  ])('refuses an expiry of %s days', (expiresInDays, reason) => {
    expect(checkShareLinkRequest(request({ expiresInDays }))).toEqual({ isAllowed: false, reason });
  });

  it('refuses a fourth active link, but counts neither expired nor revoked ones', () => {
    const active = { expiresAt: new Date(NOW.getTime() + DAY), revokedAt: null };
    const expired = { expiresAt: new Date(NOW.getTime() - 1), revokedAt: null };
    const revoked = { expiresAt: new Date(NOW.getTime() + DAY), revokedAt: NOW };
    expect(checkShareLinkRequest(request({ activeLinks: [active, active, active] }))).toEqual({
      isAllowed: false,
      reason: SHARE_LINK_REFUSAL.TOO_MANY_ACTIVE,
    });
    expect(
      checkShareLinkRequest(request({ activeLinks: [active, active, expired, revoked] })),
    ).toEqual({ isAllowed: true });
  });

  it('refuses links without a purpose, with an overlong one, without details, or for a revoked certificate', () => {
    expect(checkShareLinkRequest(request({ purpose: '  ' }))).toMatchObject({
      reason: SHARE_LINK_REFUSAL.PURPOSE_REQUIRED,
    });
    expect(checkShareLinkRequest(request({ purpose: '审'.repeat(51) }))).toMatchObject({
      reason: SHARE_LINK_REFUSAL.PURPOSE_TOO_LONG,
    });
    expect(checkShareLinkRequest(request({ fields: [] }))).toMatchObject({
      reason: SHARE_LINK_REFUSAL.NO_FIELDS,
    });
    expect(
      checkShareLinkRequest(request({ certificateState: CERTIFICATE_STATE.REVOKED })),
    ).toMatchObject({
      reason: SHARE_LINK_REFUSAL.CERTIFICATE_REVOKED,
    });
  });

  it('treats a link as active until its expiry instant or its revocation', () => {
    expect(
      isShareLinkActive({ expiresAt: new Date(NOW.getTime() + 1), revokedAt: null }, NOW),
    ).toBe(true);
    expect(isShareLinkActive({ expiresAt: NOW, revokedAt: null }, NOW)).toBe(false);
    expect(
      isShareLinkActive({ expiresAt: new Date(NOW.getTime() + DAY), revokedAt: NOW }, NOW),
    ).toBe(false);
  });
});

describe(maskPersonName.name, () => {
  it.each([
    ['王建国', '王**'],
    ['王伟', '王*'],
    ['李', '李*'],
    ['阿依古丽·买买提', '阿***·买**'],
    [' 艾力·吐尔逊 ', '艾*·吐**'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});
