import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { RateLimitedDetails } from '@titletrack/shared/contract';

import { AppException } from '../app.exception';
import { RateLimitRepository } from './rate-limit.repository';

export interface RateLimitRule {
  scope: string;
  limit: number;
  windowSeconds: number;
}

// Attempts whose wait grows while they go on (guessing a password). Each subject may make `limit`
// attempts within `windowSeconds` of its first; each attempt beyond them is refused and doubles
// the wait, from `windowSeconds` up to `maxWaitSeconds`.
export interface BackoffRule {
  scope: string;
  limit: number;
  windowSeconds: number;
  maxWaitSeconds: number;
}

@Injectable()
export class RateLimitService {
  private readonly logger = new Logger(RateLimitService.name);

  constructor(private readonly rateLimitRepository: RateLimitRepository) {}

  // Counts an attempt for each subject (e.g. the account and the IP); over the limit for any of
  // them → 429 RATE_LIMITED with the seconds to wait. Fixed windows: simple, shared, and exact
  // enough for guessing protection.
  async consume(rule: RateLimitRule, subjects: string[], now: Date = new Date()): Promise<void> {
    const windowMs = rule.windowSeconds * 1000;
    const windowIndex = Math.floor(now.getTime() / windowMs);
    const windowEnd = new Date((windowIndex + 1) * windowMs);
    let isOver = false;
    for (const subject of subjects) {
      const hits = await this.rateLimitRepository.hit(
        `${rule.scope}:${subject}:${windowIndex}`,
        windowEnd,
      );
      if (hits > rule.limit) isOver = true;
    }
    if (isOver) {
      const details: RateLimitedDetails = {
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
      };
      this.logger.debug(`Rate limit ${rule.scope} reached`);
      throw new AppException(ERROR_CODE.RATE_LIMITED, 'Too many attempts', { details });
    }
  }

  // Counts the attempt for each subject before it is made, so concurrent attempts cannot slip
  // past the limit together. Refused attempts count too: hammering only lengthens the wait, and
  // once over the limit even a correct password waits for it to pass.
  async consumeWithBackoff(
    rule: BackoffRule,
    subjects: string[],
    now: Date = new Date(),
  ): Promise<void> {
    const windowMs = rule.windowSeconds * 1000;
    let waitUntil = 0;
    for (const subject of subjects) {
      const bucket = `${rule.scope}:${subject}`;
      const counter = await this.rateLimitRepository.hitUntilExpiry(
        bucket,
        now,
        new Date(now.getTime() + windowMs),
      );
      if (counter.hits <= rule.limit) continue;
      const waitMs = Math.min(
        rule.maxWaitSeconds * 1000,
        windowMs * 2 ** (counter.hits - rule.limit - 1),
      );
      const lockedUntil = Math.max(counter.expiresAt.getTime(), now.getTime() + waitMs);
      if (lockedUntil > counter.expiresAt.getTime()) {
        await this.rateLimitRepository.extend(bucket, new Date(lockedUntil));
      }
      waitUntil = Math.max(waitUntil, lockedUntil);
    }
    if (waitUntil > 0) {
      const details: RateLimitedDetails = {
        retryAfterSeconds: Math.max(1, Math.ceil((waitUntil - now.getTime()) / 1000)),
      };
      this.logger.debug(`Rate limit ${rule.scope} reached`);
      throw new AppException(ERROR_CODE.RATE_LIMITED, 'Too many attempts', { details });
    }
  }

  // Takes one counted attempt back (it was never made, or it was legitimate).
  refund(rule: BackoffRule, subject: string): Promise<void> {
    return this.rateLimitRepository.refund(`${rule.scope}:${subject}`);
  }

  // Forgets every attempt of a subject (e.g. an account after a successful sign-in).
  reset(rule: BackoffRule, subject: string): Promise<void> {
    return this.rateLimitRepository.delete(`${rule.scope}:${subject}`);
  }
}
