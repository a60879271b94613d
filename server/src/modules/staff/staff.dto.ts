import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

import { TITLE_SERIES } from '@titletrack/shared/domain';
import { STAFF_ROLE } from '@titletrack/shared/contract';
import type {
  CreateStaffUserRequest,
  StaffRole,
  StaffUserListResponse,
  StaffUserResponse,
} from '@titletrack/shared/contract';

import type { StaffUserEntity } from './staff-user.entity';

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export class CreateStaffUserDto implements CreateStaffUserRequest {
  @ApiProperty({ example: 'yutian_hr', pattern: USERNAME_PATTERN.source })
  @Matches(USERNAME_PATTERN, {
    message: 'username must be 3–32 lowercase letters, digits, _ . or -, starting with a letter',
  })
  username: string;

  @ApiProperty({ example: '于田县人社局 张老师' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ enum: Object.values(STAFF_ROLE) })
  @IsIn(Object.values(STAFF_ROLE))
  role: StaffRole;

  // The 72-byte limit of bcrypt is counted in UTF-8 by the service (password.util.ts).
  @ApiProperty({
    format: 'password',
    minLength: 12,
    description: 'At most 72 bytes in UTF-8 (bcrypt reads no further)',
  })
  @IsString()
  @Length(12, 200)
  password: string;

  @ApiPropertyOptional({
    example: '6532',
    description: 'Defaults to the creating account’s region',
  })
  @IsOptional()
  @Matches(/^\d{2,12}$/, { message: 'regionCode must be a region code' })
  regionCode?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '于田县',
    description: 'Required for county_hr_bureau',
  })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  county?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    enum: Object.values(TITLE_SERIES),
    description: 'Required for series_authority',
  })
  @IsOptional()
  @IsIn(Object.values(TITLE_SERIES))
  series?: string | null;
}

export class StaffUserResponseDto implements StaffUserResponse {
  @ApiProperty({ example: '2' })
  id: string;

  @ApiProperty({ example: 'yutian_hr' })
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: Object.values(STAFF_ROLE) })
  role: StaffRole;

  @ApiProperty()
  isActive: boolean;

  @ApiProperty({ example: '6532' })
  regionCode: string;

  @ApiProperty({ type: String, nullable: true, example: '于田县' })
  county: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'education' })
  series: string | null;
}

export class StaffUserListResponseDto implements StaffUserListResponse {
  @ApiProperty({ type: [StaffUserResponseDto] })
  items: StaffUserResponseDto[];
}

export function mapStaffUser(entity: StaffUserEntity): StaffUserResponseDto {
  return {
    id: String(entity.id),
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role as StaffRole,
    isActive: entity.isActive,
    regionCode: entity.regionCode,
    county: entity.county,
    series: entity.series,
  };
}
