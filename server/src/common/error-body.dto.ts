import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { ErrorBody, ErrorCode } from '@titletrack/shared/contract';

export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ enum: Object.values(ERROR_CODE) })
  code: ErrorCode;

  @ApiProperty({ description: 'For developers and logs; clients translate the code' })
  message: string;

  @ApiPropertyOptional({ description: 'For VALIDATION_FAILED: the fields and their reasons' })
  details?: unknown;
}
