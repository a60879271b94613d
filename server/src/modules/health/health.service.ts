import { Inject, Injectable } from '@nestjs/common';

import { APP_ENVIRONMENT } from '@titletrack/shared/contract';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { HealthResponseDto } from './health.dto';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly healthRepository: HealthRepository,
  ) {}

  async get(): Promise<HealthResponseDto> {
    const isReachable = await this.healthRepository.isReachable();
    return {
      status: isReachable ? 'ok' : 'degraded',
      version: this.config.version,
      environment: this.config.environment,
      database: { type: this.config.database.type, isReachable },
      isClockOverrideAllowed: this.config.environment !== APP_ENVIRONMENT.PRODUCTION,
    };
  }
}
