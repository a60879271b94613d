import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

import type { NoticeWatchRequest, NoticeWatchResponse } from '@titletrack/shared/contract';

import { ValidateYear } from '../../common/validation';
import type { NoticeWatchEntity } from './notice-watch.entity';

// Shape only: whether the region exists is the service's question (REGION_UNKNOWN).
const REGION_CODE_SHAPE = /^\d{2,12}$/;

export class CreateNoticeWatchDto implements NoticeWatchRequest {
  @ApiProperty({ example: '6532' })
  @IsString()
  @Matches(REGION_CODE_SHAPE, { message: 'regionCode must be a region code' })
  regionCode: string;

  @ValidateYear()
  year: number;
}

export class NoticeWatchParamsDto {
  @ApiProperty({ example: '6532' })
  @IsString()
  @Matches(REGION_CODE_SHAPE, { message: 'regionCode must be a region code' })
  regionCode: string;

  @ValidateYear()
  year: number;
}

export function mapNoticeWatch(watch: NoticeWatchEntity): NoticeWatchResponse {
  return {
    regionCode: watch.regionCode,
    year: watch.year,
    createdAt: watch.createdAt.toISOString(),
    notifiedAt: watch.notifiedAt === null ? null : watch.notifiedAt.toISOString(),
  };
}
