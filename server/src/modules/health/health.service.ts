import { Inject, Injectable } from '@nestjs/common';

import { APP_ENVIRONMENT } from '@titletrack/shared/contract';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { HealthResponseDto } from './health.dto';
import { HealthRepository } from './health.repository';

// Load balancers and monitors ask many times a second across a fleet; the database is asked at
// most this often per instance, and every caller in between gets that answer.
export const HEALTH_PROBE_MS = 1_000;

@Injectable()
export class HealthService {
  private probe: { at: number; isReachable: Promise<boolean> } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly healthRepository: HealthRepository,
  ) {}

  async get(): Promise<HealthResponseDto> {
    const isReachable = await this.probeDatabase(Date.now());
    return {
      status: isReachable ? 'ok' : 'degraded',
      version: this.config.version,
      environment: this.config.environment,
      database: { type: this.config.database.type, isReachable },
      isClockOverrideAllowed: this.config.environment !== APP_ENVIRONMENT.PRODUCTION,
    };
  }

  private probeDatabase(now: number): Promise<boolean> {
    if (!this.probe || now - this.probe.at >= HEALTH_PROBE_MS)
      this.probe = { at: now, isReachable: this.healthRepository.isReachable() };
    return this.probe.isReachable;
  }
}
