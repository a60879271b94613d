import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { DEMO_PERSONA } from '@titletrack/shared/contract';
import type { DemoLoginRequest, DemoLoginResponse, DemoPersona } from '@titletrack/shared/contract';

import { SessionResponseDto } from '../auth/auth.dto';

export class DemoLoginDto implements DemoLoginRequest {
  @ApiProperty({ enum: Object.values(DEMO_PERSONA), example: DEMO_PERSONA.RETURNED })
  @IsIn(Object.values(DEMO_PERSONA))
  persona: DemoPersona;
}

export class DemoLoginResponseDto extends SessionResponseDto implements DemoLoginResponse {
  @ApiProperty({ example: '2' })
  applicationId: string;

  @ApiProperty({ example: '2023-08-20T06:00:00.000Z', description: 'Run the demo clock from here' })
  demoNow: string;
}
