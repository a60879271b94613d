import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

import { CALENDAR_EVENT_KIND } from '@titletrack/shared/calendar';
import type { CalendarEventKind } from '@titletrack/shared/calendar';
import type {
  NoticeDraftEventResponse,
  NoticeDraftFileRequest,
  NoticeDraftParameterResponse,
  NoticeDraftRequest,
  NoticeDraftResponse,
  NoticeDraftWarningResponse,
} from '@titletrack/shared/contract';
import {
  DATE_READING,
  DRAFT_WARNING_REASON,
  NOTICE_PARAMETER_NAME,
  NOTICE_PARAMETER_UNIT,
} from '@titletrack/shared/notice-draft';
import type {
  DateReading,
  DraftWarningReason,
  NoticeCalendarDraft,
  NoticeParameterName,
  NoticeParameterUnit,
} from '@titletrack/shared/notice-draft';

import { ValidateYear } from '../../common/validation';

// Shape only: whether the code names a region, and whether the text is blank or too long, is
// the service's call, so each gets its own error code.
export class NoticeDraftFileDto implements NoticeDraftFileRequest {
  @ApiProperty({ example: '6532', description: 'GB/T 2260 region code (6532 和田地区, 65 新疆)' })
  @IsString()
  @Matches(/^\d{2,6}$/, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode: string;

  @ValidateYear()
  year: number;
}

export class NoticeDraftDto extends NoticeDraftFileDto implements NoticeDraftRequest {
  @ApiProperty({ description: 'The full text of the notice (at most 200 KB of UTF-8)' })
  @IsString()
  text: string;
}

export class NoticeDraftEventDto implements NoticeDraftEventResponse {
  @ApiProperty({ enum: Object.values(CALENDAR_EVENT_KIND) })
  kind: CalendarEventKind;

  @ApiProperty({ type: String, nullable: true, example: '2023-07-20T00:00:00+08:00' })
  startsAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2023-08-31T00:00:00+08:00',
    description: 'The first instant the step is over',
  })
  endsAt: string | null;

  @ApiProperty({ description: "The notice's own words the dates were read from" })
  quote: string;

  @ApiProperty({ enum: Object.values(DATE_READING) })
  reading: DateReading;
}

export class NoticeDraftParameterDto implements NoticeDraftParameterResponse {
  @ApiProperty({ enum: Object.values(NOTICE_PARAMETER_NAME) })
  name: NoticeParameterName;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], example: 300 })
  value: number | string;

  @ApiProperty({ enum: Object.values(NOTICE_PARAMETER_UNIT), nullable: true })
  unit: NoticeParameterUnit | null;

  @ApiProperty()
  quote: string;
}

export class NoticeDraftWarningDto implements NoticeDraftWarningResponse {
  @ApiProperty()
  quote: string;

  @ApiProperty({ enum: Object.values(DRAFT_WARNING_REASON) })
  reason: DraftWarningReason;
}

export class NoticeDraftResponseDto implements NoticeDraftResponse {
  @ApiProperty({ example: '6532' })
  regionCode: string;

  @ApiProperty({ example: 2023 })
  year: number;

  @ApiProperty({
    description: 'The notice text the draft was read from (an uploaded file as text)',
  })
  text: string;

  @ApiProperty({ type: [NoticeDraftEventDto] })
  events: NoticeDraftEventDto[];

  @ApiProperty({ type: [NoticeDraftParameterDto] })
  parameters: NoticeDraftParameterDto[];

  @ApiProperty({ type: [NoticeDraftWarningDto] })
  warnings: NoticeDraftWarningDto[];
}

export function mapNoticeDraft(
  request: NoticeDraftFileRequest,
  text: string,
  draft: NoticeCalendarDraft,
): NoticeDraftResponseDto {
  return {
    regionCode: request.regionCode,
    year: request.year,
    text,
    events: draft.events,
    parameters: draft.parameters,
    warnings: draft.warnings,
  };
}
