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
}
