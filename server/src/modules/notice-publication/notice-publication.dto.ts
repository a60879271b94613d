import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { CALENDAR_EVENT_KIND, EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { CalendarEventKind, EvaluationRoute } from '@titletrack/shared/calendar';
import { NOTICE_STATE, OFFICE_NOTICE_LIMITS } from '@titletrack/shared/contract';
import type {
  CorrectOfficeNoticeRequest,
  CorrectOfficeNoticeResponse,
  CreateOfficeNoticeRequest,
  NoticeState,
  OfficeNoticeEventCorrection,
  OfficeNoticeEventInput,
  OfficeNoticeEventResponse,
  OfficeNoticeListResponse,
  OfficeNoticeParameterInput,
  OfficeNoticeParameterResponse,
  OfficeNoticeResponse,
  OfficeNoticeSummary,
  PublishOfficeNoticeResponse,
  UpdateOfficeNoticeRequest,
  WithdrawOfficeNoticeRequest,
  WithdrawOfficeNoticeResponse,
} from '@titletrack/shared/contract';
import {
  DATE_READING,
  NOTICE_PARAMETER_NAME,
  NOTICE_PARAMETER_UNIT,
} from '@titletrack/shared/notice-draft';
import type {
  DateReading,
  NoticeParameterName,
  NoticeParameterUnit,
} from '@titletrack/shared/notice-draft';
import { findRegion } from '@titletrack/shared/region';

import { ValidateId, ValidateYear } from '../../common/validation';
import type { CalendarEventEntity } from '../calendar/calendar-event.entity';
import type { CalendarYearEntity } from '../calendar/calendar-year.entity';
import type { NoticeParameterEntity } from '../calendar/notice-parameter.entity';

// ISO 8601 with seconds optional and an explicit offset (Z or ±hh:mm): an instant without one
// would be read in the server's zone.
const INSTANT_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = '$property must be an ISO 8601 instant with an offset';
const REGION_CODE_PATTERN = /^\d{2,6}$/;

const KINDS = Object.values(CALENDAR_EVENT_KIND);
const READINGS = Object.values(DATE_READING);
const PARAMETER_NAMES = Object.values(NOTICE_PARAMETER_NAME);
const PARAMETER_UNITS = Object.values(NOTICE_PARAMETER_UNIT);

export class OfficeNoticeParamsDto {
  @ValidateId()
  id: string;
}

export class ListOfficeNoticesQueryDto {
  @ApiPropertyOptional({ example: '6532', description: "Default: the caller's own region" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ type: Number, example: 2024 })
  @IsOptional()
  @ValidateYear()
  year?: number;
}

export class OfficeNoticeEventInputDto implements OfficeNoticeEventInput {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind: CalendarEventKind;

  @ApiProperty({ type: String, nullable: true, example: '2024-07-20T00:00:00+08:00' })
  @ValidateIf((_, value) => value !== null)
  @Matches(INSTANT_WITH_OFFSET, { message: INSTANT_MESSAGE })
  startsAt: string | null;

  @ApiProperty({
    example: '2024-08-31T00:00:00+08:00',
    description: 'The first instant the step is over',
  })
  @Matches(INSTANT_WITH_OFFSET, { message: INSTANT_MESSAGE })
  endsAt: string;

  @ApiProperty({ description: 'The sentence of the notice the dates come from' })
  @IsString()
  @MinLength(1)
  @MaxLength(OFFICE_NOTICE_LIMITS.maxQuoteLength)
  quote: string;

  @ApiProperty({ enum: READINGS, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsIn(READINGS)
  reading: DateReading | null;

  @ApiProperty({ description: 'A person checked this date against the notice' })
  @IsBoolean()
  isConfirmed: boolean;
}

export class OfficeNoticeParameterInputDto implements OfficeNoticeParameterInput {
  @ApiProperty({ enum: PARAMETER_NAMES })
  @IsIn(PARAMETER_NAMES)
  name: NoticeParameterName;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], example: 450 })
  @ValidateIf((_, value) => typeof value !== 'number')
  @IsString({ message: 'value must be a number or a string' })
  @MaxLength(400)
  value: number | string;

  @ApiProperty({ enum: PARAMETER_UNITS, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsIn(PARAMETER_UNITS)
  unit: NoticeParameterUnit | null;

  @ApiProperty({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(OFFICE_NOTICE_LIMITS.maxQuoteLength)
  quote: string | null;

  @ApiProperty()
  @IsBoolean()
  isConfirmed: boolean;
}

export class UpdateOfficeNoticeDto implements UpdateOfficeNoticeRequest {
  @ApiProperty({ example: '关于开展和田地区各系列（专业）2024年度职称评审工作的通知' })
  @IsString()
  @MinLength(1)
  @MaxLength(OFFICE_NOTICE_LIMITS.maxTitleLength)
  title: string;

  @ApiProperty({ example: '和地职称办〔2024〕1号' })
  @IsString()
  @MinLength(1)
  @MaxLength(OFFICE_NOTICE_LIMITS.maxDocumentNumberLength)
  documentNumber: string;

  @ApiProperty({ description: 'The notice text the calendar was drafted from' })
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  text: string;

  @ApiProperty({ type: [OfficeNoticeEventInputDto] })
  @IsArray()
  @ArrayMaxSize(OFFICE_NOTICE_LIMITS.maxEvents)
  @ValidateNested({ each: true })
  @Type(() => OfficeNoticeEventInputDto)
  events: OfficeNoticeEventInputDto[];

  @ApiProperty({ type: [OfficeNoticeParameterInputDto] })
  @IsArray()
  @ArrayMaxSize(OFFICE_NOTICE_LIMITS.maxParameters)
  @ValidateNested({ each: true })
  @Type(() => OfficeNoticeParameterInputDto)
  parameters: OfficeNoticeParameterInputDto[];
}

export class CreateOfficeNoticeDto
  extends UpdateOfficeNoticeDto
  implements CreateOfficeNoticeRequest
{
  @ApiProperty({ example: '6532', description: "GB/T 2260 code ('65': the autonomous region)" })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode: string;

  @ValidateYear()
  year: number;

  @ApiProperty({ enum: Object.values(EVALUATION_ROUTE) })
  @IsIn(Object.values(EVALUATION_ROUTE))
  route: EvaluationRoute;
}

export class OfficeNoticeEventCorrectionDto implements OfficeNoticeEventCorrection {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind: CalendarEventKind;

  @ApiProperty({ type: String, nullable: true, example: '2024-07-25T00:00:00+08:00' })
  @ValidateIf((_, value) => value !== null)
  @Matches(INSTANT_WITH_OFFSET, { message: INSTANT_MESSAGE })
  startsAt: string | null;

  @ApiProperty({ example: '2024-09-05T00:00:00+08:00' })
  @Matches(INSTANT_WITH_OFFSET, { message: INSTANT_MESSAGE })
  endsAt: string;
}

export class CorrectOfficeNoticeDto implements CorrectOfficeNoticeRequest {
  @ApiProperty({ type: [OfficeNoticeEventCorrectionDto] })
  @IsArray()
  @ArrayMaxSize(OFFICE_NOTICE_LIMITS.maxEvents)
  @ValidateNested({ each: true })
  @Type(() => OfficeNoticeEventCorrectionDto)
  events: OfficeNoticeEventCorrectionDto[];

  @ApiProperty({ description: 'Shown to each affected applicant beside old → new' })
  @IsString()
  @MinLength(1)
  @MaxLength(OFFICE_NOTICE_LIMITS.maxNoteLength)
  note: string;
}

export class WithdrawOfficeNoticeDto implements WithdrawOfficeNoticeRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(OFFICE_NOTICE_LIMITS.maxNoteLength)
  note: string;
}

class InheritedFromDto {
  @ApiProperty({ example: 2023 })
  year: number;

  @ApiProperty({ example: '和地职称办〔2023〕1号' })
  documentNumber: string;
}

export class OfficeNoticeEventResponseDto implements OfficeNoticeEventResponse {
  @ApiProperty({ example: '1' })
  id: string;

  @ApiProperty({ enum: KINDS })
  kind: CalendarEventKind;

  @ApiProperty({ type: String, nullable: true, example: '2023-07-20T00:00:00+08:00' })
  startsAt: string | null;

  @ApiProperty({ example: '2023-08-31T00:00:00+08:00' })
  endsAt: string;

  @ApiProperty()
  quote: string;

  @ApiProperty({ enum: READINGS, nullable: true })
  reading: DateReading | null;

  @ApiProperty()
  isConfirmed: boolean;
}

export class OfficeNoticeParameterResponseDto implements OfficeNoticeParameterResponse {
  @ApiProperty({ enum: PARAMETER_NAMES })
  name: NoticeParameterName;

  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }] })
  value: number | string;

  @ApiProperty({ enum: PARAMETER_UNITS, nullable: true })
  unit: NoticeParameterUnit | null;

  @ApiProperty({ type: String, nullable: true })
  quote: string | null;

  @ApiProperty()
  isConfirmed: boolean;

  @ApiProperty({ description: "Not stated by this notice: the region's previous notice's" })
  isInherited: boolean;

  @ApiProperty({ type: InheritedFromDto, nullable: true })
  inheritedFrom: InheritedFromDto | null;
}

export class OfficeNoticeSummaryDto implements OfficeNoticeSummary {
  @ApiProperty({ example: '1' })
  id: string;

  @ApiProperty({ example: '6532' })
  regionCode: string;

  @ApiProperty({ example: '和田地区' })
  regionName: string;

  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ enum: Object.values(EVALUATION_ROUTE) })
  route: EvaluationRoute;

  @ApiProperty({ enum: Object.values(NOTICE_STATE) })
  state: NoticeState;

  @ApiProperty()
  title: string;

  @ApiProperty()
  documentNumber: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  publishedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ example: 1, description: 'Bumped by every publish, correction and withdrawal' })
  version: number;
}

export class OfficeNoticeResponseDto
  extends OfficeNoticeSummaryDto
  implements OfficeNoticeResponse
{
  @ApiProperty()
  text: string;

  @ApiProperty({ type: [OfficeNoticeEventResponseDto] })
  events: OfficeNoticeEventResponseDto[];

  @ApiProperty({ type: [OfficeNoticeParameterResponseDto] })
  parameters: OfficeNoticeParameterResponseDto[];
}

export class OfficeNoticeListResponseDto implements OfficeNoticeListResponse {
  @ApiProperty({ type: [OfficeNoticeSummaryDto] })
  items: OfficeNoticeSummaryDto[];
}

export class PublishOfficeNoticeResponseDto implements PublishOfficeNoticeResponse {
  @ApiProperty({ type: OfficeNoticeResponseDto })
  notice: OfficeNoticeResponseDto;

  @ApiProperty({ description: 'Open applications of the region, year and route planned' })
  applications: number;

  @ApiProperty()
  plannedAlerts: number;

  @ApiProperty({ description: 'People who asked to be told when this notice is out' })
  notifiedWatchers: number;
}

export class CorrectOfficeNoticeResponseDto implements CorrectOfficeNoticeResponse {
  @ApiProperty({ type: OfficeNoticeResponseDto })
  notice: OfficeNoticeResponseDto;

  @ApiProperty({ description: 'Alerts for the old dates withdrawn before anyone was pushed' })
  withdrawnAlerts: number;

  @ApiProperty()
  plannedAlerts: number;

  @ApiProperty({ description: 'Applications told about the change' })
  informedApplicants: number;
}

export class WithdrawOfficeNoticeResponseDto implements WithdrawOfficeNoticeResponse {
  @ApiProperty({ type: OfficeNoticeResponseDto })
  notice: OfficeNoticeResponseDto;

  @ApiProperty()
  withdrawnAlerts: number;
}

// Instants as the console writes them: Beijing time with its offset.
const BEIJING_OFFSET_MS = 8 * 3_600_000;
export function toBeijingIso(instant: Date): string {
  return `${new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function mapOfficeNoticeSummary(entity: CalendarYearEntity): OfficeNoticeSummaryDto {
  return {
    id: String(entity.id),
    regionCode: entity.regionCode,
    regionName: findRegion(entity.regionCode)?.name ?? entity.region,
    year: entity.year,
    route: entity.route as EvaluationRoute,
    state: entity.state as NoticeState,
    title: entity.title,
    documentNumber: entity.noticeDocumentNumber,
    publishedAt: entity.publishedAt ? entity.publishedAt.toISOString() : null,
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

export function mapOfficeNoticeEvent(entity: CalendarEventEntity): OfficeNoticeEventResponseDto {
  return {
    id: String(entity.id),
    kind: entity.kind as CalendarEventKind,
    startsAt: entity.startsAt ? toBeijingIso(entity.startsAt) : null,
    endsAt: toBeijingIso(entity.endsAt),
    quote: entity.wording,
    reading: entity.reading as DateReading | null,
    isConfirmed: entity.isConfirmed,
  };
}

// A stored parameter's value is JSON (a number or a string).
export function readParameterValue(entity: Pick<NoticeParameterEntity, 'value'>): number | string {
  const value: unknown = JSON.parse(entity.value);
  return typeof value === 'number' ? value : String(value);
}

export function mapOfficeNoticeParameter(
  entity: NoticeParameterEntity,
  sources: ReadonlyMap<number, Pick<CalendarYearEntity, 'year' | 'noticeDocumentNumber'>>,
): OfficeNoticeParameterResponseDto {
  const source =
    entity.inheritedFromCalendarYearId === null
      ? undefined
      : sources.get(entity.inheritedFromCalendarYearId);
  return {
    name: entity.name as NoticeParameterName,
    value: readParameterValue(entity),
    unit: entity.unit as NoticeParameterUnit | null,
    quote: entity.quote,
    isConfirmed: entity.isConfirmed,
    isInherited: entity.inheritedFromCalendarYearId !== null,
    inheritedFrom: source
      ? { year: source.year, documentNumber: source.noticeDocumentNumber }
      : null,
  };
}

export function mapOfficeNotice(
  entity: CalendarYearEntity,
  parameters: readonly NoticeParameterEntity[],
  sources: ReadonlyMap<number, Pick<CalendarYearEntity, 'year' | 'noticeDocumentNumber'>>,
): OfficeNoticeResponseDto {
  return {
    ...mapOfficeNoticeSummary(entity),
    text: entity.noticeText ?? '',
    events: (entity.events ?? []).map(mapOfficeNoticeEvent),
    parameters: parameters.map((parameter) => mapOfficeNoticeParameter(parameter, sources)),
  };
}
