import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type { Principal } from '@titletrack/shared/contract';

import { SESSION_CACHE_MS, SessionCache } from './session-cache.store';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const FAR = new Date(T0 + 24 * 3600_000);
const applicant = (id: string): Principal => ({ kind: PRINCIPAL_KIND.APPLICANT, id });
const STAFF: Principal = {
  kind: PRINCIPAL_KIND.STAFF,
  id: '3',
  username: 'office',
  displayName: '职称办',
  role: STAFF_ROLE.PREFECTURE_OFFICE,
  regionCode: '6532',
  county: null,
  series: null,
};

describe(SessionCache.name, () => {
  let sut: SessionCache;
  const remember = (tokenHash: string, principal: Principal, sessionExpiresAt = FAR) =>
    sut.remember(tokenHash, principal, {
      sessionExpiresAt,
      readAt: T0,
      generation: sut.generation,
    });

  beforeEach(() => {
    sut = new SessionCache(3);
  });

  it('answers a remembered session until SESSION_CACHE_MS after it was read', () => {
    remember('h1', applicant('1'));
    expect(sut.get('h1', T0 + SESSION_CACHE_MS - 1)).toEqual(applicant('1'));
    expect(sut.get('h1', T0 + SESSION_CACHE_MS)).toBeNull();
    expect(sut.size).toBe(0);
  });

  it('never answers past the session’s own expiry', () => {
    remember('h1', applicant('1'), new Date(T0 + 1000));
    expect(sut.get('h1', T0 + 999)).not.toBeNull();
    expect(sut.get('h1', T0 + 1000)).toBeNull();
  });

  it('keeps at most its capacity, dropping the oldest entry first', () => {
    for (const n of ['1', '2', '3', '4']) remember(`h${n}`, applicant(n));
    expect(sut.size).toBe(3);
    expect(sut.get('h1', T0)).toBeNull();
    expect(sut.get('h4', T0)).toEqual(applicant('4'));
  });

  it('forgets one token, and every session of one account', () => {
    remember('h1', applicant('1'));
    remember('h2', STAFF);
    remember('h3', STAFF);
    sut.forgetToken('h1');
    expect(sut.get('h1', T0)).toBeNull();
    sut.forgetPrincipal(PRINCIPAL_KIND.STAFF, '3');
    expect(sut.size).toBe(0);
  });

  it('does not store what a lookup read before a forget', () => {
    const generation = sut.generation;
    sut.forgetToken('h1');
    sut.remember('h1', applicant('1'), { sessionExpiresAt: FAR, readAt: T0, generation });
    expect(sut.get('h1', T0)).toBeNull();
  });

  it('hands out a frozen copy, so a caller cannot alter the cached principal', () => {
    const principal = { ...STAFF };
    const given = remember('h1', principal);
    principal.displayName = 'changed by the caller';
    expect(Object.isFrozen(given)).toBe(true);
    expect(() => Object.assign(given, { role: 'other' })).toThrow(TypeError);
    expect(sut.get('h1', T0)).toEqual(STAFF);
  });
});
