import { ApiProperty } from '@nestjs/swagger';

import { APP_ENVIRONMENT, DATABASE_TYPE } from '@titletrack/shared/contract';
import type { AppEnvironment, DatabaseType, HealthResponse } from '@titletrack/shared/contract';

export class DatabaseHealthDto {
  @ApiProperty({ enum: Object.values(DATABASE_TYPE) })
  type: DatabaseType;

  @ApiProperty()
  isReachable: boolean;
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status: 'ok' | 'degraded';

  @ApiProperty({ example: '0.1.0' })
  version: string;

  @ApiProperty({ enum: Object.values(APP_ENVIRONMENT) })
  environment: AppEnvironment;

  @ApiProperty({ type: DatabaseHealthDto })
  database: DatabaseHealthDto;

  @ApiProperty({ description: 'Whether the mini-app may honour a demo clock (?now=)' })
  isClockOverrideAllowed: boolean;
}
