import type { SessionResponse } from '@titletrack/shared/contract';

import { createSessionStore, SESSION_STORAGE_KEY, withApplicantData } from '../session-store';
import { memoryStorage } from './memory-storage';

const session: SessionResponse = {
  token: 'tok-1',
  expiresAt: '2025-03-01T00:00:00.000Z',
  principal: { kind: 'applicant', id: 'u1' },
};

describe('createSessionStore', () => {
  it('should have no token and count as expired before anything is saved', () => {
    const sut = createSessionStore(memoryStorage());
    expect(sut.getToken()).toBeNull();
    expect(sut.getSession()).toBeNull();
    expect(sut.isExpired(new Date('2025-01-01T00:00:00Z'))).toBe(true);
  });

  it('should keep the whole session as JSON under one key', () => {
    const storage = memoryStorage();
    const sut = createSessionStore(storage);
    sut.save(session);
    expect([...storage.entries.keys()]).toEqual([SESSION_STORAGE_KEY]);
    expect(JSON.parse(storage.entries.get(SESSION_STORAGE_KEY) ?? '')).toEqual(session);
    expect(sut.getToken()).toBe('tok-1');
    expect(sut.getSession()).toEqual(session);
  });

  it('should read a session saved by an earlier store over the same storage', () => {
    const storage = memoryStorage();
    createSessionStore(storage).save(session);
    expect(createSessionStore(storage).getToken()).toBe('tok-1');
  });

  it('should drop the session on clear', () => {
    const storage = memoryStorage();
    const sut = createSessionStore(storage);
    sut.save(session);
    sut.clear();
    expect(sut.getToken()).toBeNull();
    expect(storage.entries.size).toBe(0);
  });

  it('should be expired from expiresAt on, and not a millisecond before', () => {
    const sut = createSessionStore(memoryStorage());
    sut.save(session);
    expect(sut.isExpired(new Date('2025-02-28T23:59:59.999Z'))).toBe(false);
    expect(sut.isExpired(new Date('2025-03-01T00:00:00.000Z'))).toBe(true);
  });

  it('should treat unreadable or partial stored values as no session', () => {
    const unreadable = [
      'not json',
      'null',
      '{"token":"t"}',
      '{"token":"t","expiresAt":"x","principal":{}}',
    ];
    for (const raw of unreadable) {
      const sut = createSessionStore(memoryStorage({ [SESSION_STORAGE_KEY]: raw }));
      expect(sut.isExpired(new Date('2025-01-01T00:00:00Z'))).toBe(true);
    }
    const corrupt = createSessionStore(memoryStorage({ [SESSION_STORAGE_KEY]: 'not json' }));
    expect(corrupt.getToken()).toBeNull();
  });
});

describe('createSessionStore without tokens (H5)', () => {
  it('should keep only the signed-in marker, never the token', () => {
    const storage = memoryStorage();
    const sut = createSessionStore(storage, SESSION_STORAGE_KEY, { keepsToken: false });
    sut.save(session);
    expect(storage.entries.get(SESSION_STORAGE_KEY)).not.toContain('tok-1');
    expect(sut.getToken()).toBeNull();
    expect(sut.getSession()).toEqual({
      expiresAt: session.expiresAt,
      principal: session.principal,
    });
    expect(sut.isExpired(new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });

  it('should keep a marker saved without a token', () => {
    const sut = createSessionStore(memoryStorage(), SESSION_STORAGE_KEY, { keepsToken: false });
    const { token: _token, ...marker } = session;
    sut.save(marker);
    expect(sut.getSession()).toEqual(marker);
  });

  it('should wipe a token an earlier version left in storage, and count as signed out', () => {
    const storage = memoryStorage({ [SESSION_STORAGE_KEY]: JSON.stringify(session) });
    const sut = createSessionStore(storage, SESSION_STORAGE_KEY, { keepsToken: false });
    expect(sut.getSession()).toBeNull();
    expect(sut.getToken()).toBeNull();
    expect(storage.entries.size).toBe(0);
  });
});

describe('withApplicantData', () => {
  function setup() {
    const storage = memoryStorage();
    const forgotten: Array<string | undefined> = [];
    const onChange = jest.fn();
    const sut = withApplicantData(
      createSessionStore(storage),
      { forget: (keep) => forgotten.push(keep) },
      onChange,
    );
    return { sut, storage, forgotten, onChange };
  }

  it("should drop every other applicant's data when one signs in, keeping theirs", () => {
    const { sut, forgotten, onChange } = setup();
    sut.save(session);
    expect(forgotten).toEqual(['u1']);
    expect(sut.getToken()).toBe('tok-1');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("should drop everyone's data with the session, and say so", () => {
    const { sut, storage, forgotten, onChange } = setup();
    sut.save(session);
    sut.clear();
    expect(forgotten).toEqual(['u1', undefined]);
    expect(storage.entries.size).toBe(0);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('should read like the store it wraps', () => {
    const { sut } = setup();
    sut.save(session);
    expect(sut.getSession()).toEqual(session);
    expect(sut.isExpired(new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });
});
