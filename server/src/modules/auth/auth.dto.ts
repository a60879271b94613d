import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type {
  DevLoginRequest,
  MeResponse,
  Principal,
  SessionResponse,
  StaffLoginRequest,
  WechatLoginRequest,
} from '@titletrack/shared/contract';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login (single use, five minutes)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,128}$/, { message: 'code must be a WeChat login code' })
  code: string;
}

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ example: 'demo-1', description: 'Any id; refused in production' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'devUserId must be 1–40 letters, digits, _ or -' })
  devUserId: string;
}

export class StaffLoginDto implements StaffLoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 32)
  username: string;

  // Longer than bcrypt's 72 bytes is accepted here and can never match (no silent truncation).
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class PrincipalDto {
  @ApiProperty({ enum: Object.values(PRINCIPAL_KIND) })
  kind: string;

  @ApiProperty({ example: '1' })
  id: string;

  @ApiProperty({ required: false, description: 'staff only' })
  username?: string;

  @ApiProperty({ required: false, description: 'staff only' })
  displayName?: string;

  @ApiProperty({ required: false, enum: Object.values(STAFF_ROLE), description: 'staff only' })
  role?: string;
}

export class SessionResponseDto implements SessionResponse {
  @ApiProperty({
    required: false,
    description:
      'Send as Authorization: Bearer <token>. Absent when the request carried X-Session-Transport (H5): the session is then in an HttpOnly cookie',
  })
  token: string;

  @ApiProperty({ example: '2023-09-01T00:00:00.000Z' })
  expiresAt: string;

  @ApiProperty({ type: PrincipalDto })
  principal: Principal;
}

export class MeResponseDto implements MeResponse {
  @ApiProperty({ type: PrincipalDto })
  principal: Principal;
}
