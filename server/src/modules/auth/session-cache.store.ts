import type { Principal, PrincipalKind } from '@titletrack/shared/contract';

// How long a resolved session is trusted from memory. Sessions live in the database, shared by
// every instance, and this instance cannot hear another's changes: a logout or a staff
// deactivation made elsewhere takes effect here within this time. On this instance a logout, a
// deactivation or a change of role or scope forgets the entries at once.
export const SESSION_CACHE_MS = 5_000;

// Enough for every signed-in user of a prefecture at once; beyond it the oldest entry goes.
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

interface Entry {
  principal: Readonly<Principal>;
  expiresAt: number;
}

/**
 * Token hash → the principal its live session resolved to, so a signed-in request costs no
 * database round trip for its session. Only sessions that were found are kept (random tokens
 * cannot fill it), never past the session's own expiry, and at most `maxEntries`, oldest out
 * first. Principals are frozen: a request cannot alter what the next one is given.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  // Bumped by every forget: a lookup that started before one may not store what it read.
  private forgets = 0;

  constructor(
    private readonly maxEntries = SESSION_CACHE_MAX_ENTRIES,
    private readonly ttlMs = SESSION_CACHE_MS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  // What `remember` must be given back, taken before the session is read.
  get generation(): number {
    return this.forgets;
  }

  get(tokenHash: string, now: number): Readonly<Principal> | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.expiresAt > now) return entry.principal;
    this.entries.delete(tokenHash);
    return null;
  }

  // `readAt`: when the session was read; `generation`: as it was then.
  remember(
    tokenHash: string,
    principal: Principal,
    lookup: { sessionExpiresAt: Date; readAt: number; generation: number },
  ): Readonly<Principal> {
    const frozen = Object.isFrozen(principal) ? principal : Object.freeze({ ...principal });
    if (lookup.generation !== this.forgets) return frozen;
    const expiresAt = Math.min(lookup.readAt + this.ttlMs, lookup.sessionExpiresAt.getTime());
    this.entries.delete(tokenHash);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, { principal: frozen, expiresAt });
    return frozen;
  }

  forgetToken(tokenHash: string): void {
    this.forgets += 1;
    this.entries.delete(tokenHash);
  }

  // Every session of one account (its deactivation, a change of its role or scope).
  forgetPrincipal(kind: PrincipalKind, id: string): void {
    this.forgets += 1;
    for (const [tokenHash, { principal }] of this.entries) {
      if (principal.kind === kind && principal.id === id) this.entries.delete(tokenHash);
    }
  }
}
