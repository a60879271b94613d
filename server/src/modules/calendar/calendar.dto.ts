import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { CALENDAR_EVENT_KIND, EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { CalendarEventKind, EvaluationRoute } from '@titletrack/shared/calendar';
import type { NoticeRules } from '@titletrack/shared/domain';
import type {
  CalendarEventResponse,
  CalendarListResponse,
  CalendarRoundQuery,
  CalendarRoundResponse,
  CalendarYearResponse,
  CalendarYearSummary,
} from '@titletrack/shared/contract';
import { HOTAN_REGION_CODE } from '@titletrack/shared/region';

import { ValidateYear } from '../../common/validation';
import type { CalendarEventEntity } from './calendar-event.entity';
import type { CalendarYearEntity } from './calendar-year.entity';

export class CalendarParamsDto {
  @ValidateYear()
  year: number;
}

// A region code's shape; whether such a region exists is the service's question (REGION_UNKNOWN).
const REGION_CODE_PATTERN = /^\d{2,6}$/;

export class CalendarQueryDto {
  @ApiPropertyOptional({
    enum: Object.values(EVALUATION_ROUTE),
    default: EVALUATION_ROUTE.PREFECTURE_DIRECTED,
  })
  @IsOptional()
  @IsIn(Object.values(EVALUATION_ROUTE))
  route?: EvaluationRoute;

  @ApiPropertyOptional({
    example: '6532',
    default: HOTAN_REGION_CODE,
    description: "GB/T 2260 code of the region whose notice this is ('65': the autonomous region)",
  })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode?: string;
}

export class CalendarRoundQueryDto implements CalendarRoundQuery {
  @ApiProperty({ example: '6532', description: 'GB/T 2260 code of the region' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode: string;

  @ValidateYear()
  year: number;

  @ApiPropertyOptional({
    enum: Object.values(EVALUATION_ROUTE),
    default: EVALUATION_ROUTE.PREFECTURE_DIRECTED,
  })
  @IsOptional()
  @IsIn(Object.values(EVALUATION_ROUTE))
  route?: EvaluationRoute;
}

export class CalendarEventResponseDto implements CalendarEventResponse {
  @ApiProperty({ example: '1' })
  id: string;

  @ApiProperty({ enum: Object.values(CALENDAR_EVENT_KIND) })
  kind: CalendarEventKind;

  @ApiProperty({ example: '网上申报' })
  title: string;

  @ApiProperty({ type: String, nullable: true, example: '2023-07-19T16:00:00.000Z' })
  startsAt: string | null;

  @ApiProperty({
    example: '2023-08-30T16:00:00.000Z',
    description: 'The instant the window closes',
  })
  endsAt: string;

  @ApiProperty({ example: '三(一)', description: 'Section of the notice' })
  section: string;

  @ApiProperty({ description: "The notice's own words" })
  wording: string;

  @ApiProperty({ type: String, nullable: true, description: 'How an ambiguous wording was read' })
  interpretation: string | null;
}

export class CalendarYearResponseDto implements CalendarYearResponse {
  @ApiProperty({ example: 2023 })
  year: number;

  @ApiProperty({ enum: Object.values(EVALUATION_ROUTE) })
  route: EvaluationRoute;

  @ApiProperty({ example: '6532', description: 'GB/T 2260 code of the region' })
  regionCode: string;

  @ApiProperty({ example: '和田地区' })
  region: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '和地职称办〔2023〕1号' })
  noticeDocumentNumber: string;

  @ApiProperty({ type: [CalendarEventResponseDto] })
  events: CalendarEventResponseDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The notice's rule parameters (NoticeRules in the shared package)",
  })
  rules: NoticeRules;

  @ApiProperty({ example: 1, description: 'Bumped by every correction after publishing' })
  version: number;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  publishedAt: string | null;
}

export class CalendarYearSummaryDto implements CalendarYearSummary {
  @ApiProperty({ example: 2023 })
  year: number;

  @ApiProperty({ enum: Object.values(EVALUATION_ROUTE) })
  route: EvaluationRoute;

  @ApiProperty({ example: '6532' })
  regionCode: string;

  @ApiProperty()
  title: string;
}

export class CalendarListResponseDto implements CalendarListResponse {
  @ApiProperty({ type: [CalendarYearSummaryDto] })
  items: CalendarYearSummaryDto[];
}

export class CalendarRoundResponseDto implements CalendarRoundResponse {
  @ApiProperty({ example: '6532' })
  regionCode: string;

  @ApiProperty({ example: '和田地区' })
  regionName: string;

  @ApiProperty({ example: 2024, description: 'The year asked about' })
  year: number;

  @ApiProperty({ enum: Object.values(EVALUATION_ROUTE) })
  route: EvaluationRoute;

  @ApiProperty({ description: "Whether this year's notice is published" })
  isPublished: boolean;

  @ApiProperty({ type: CalendarYearResponseDto, nullable: true })
  calendar: CalendarYearResponseDto | null;

  @ApiProperty({
    type: CalendarYearResponseDto,
    nullable: true,
    description: "When this year's is not out: the latest published year before it",
  })
  previous: CalendarYearResponseDto | null;
}

export function mapCalendarYearSummary(entity: CalendarYearEntity): CalendarYearSummaryDto {
  return {
    year: entity.year,
    route: entity.route as EvaluationRoute,
    regionCode: entity.regionCode,
    title: entity.title,
  };
}

export function mapCalendarEvent(entity: CalendarEventEntity): CalendarEventResponseDto {
  return {
    id: String(entity.id),
    kind: entity.kind as CalendarEventKind,
    title: entity.title,
    startsAt: entity.startsAt ? entity.startsAt.toISOString() : null,
    endsAt: entity.endsAt.toISOString(),
    section: entity.section,
    wording: entity.wording,
    interpretation: entity.interpretation,
  };
}

export function mapCalendarYear(entity: CalendarYearEntity): CalendarYearResponseDto {
  return {
    year: entity.year,
    route: entity.route as EvaluationRoute,
    regionCode: entity.regionCode,
    region: entity.region,
    title: entity.title,
    noticeDocumentNumber: entity.noticeDocumentNumber,
    events: (entity.events ?? []).map(mapCalendarEvent),
    rules: parseStoredRules(entity),
    version: entity.version,
    publishedAt: entity.publishedAt ? entity.publishedAt.toISOString() : null,
  };
}

// Every published calendar has its rules (set on publishing, and by the migration for the one
// seeded before); a draft has none yet.
export function parseStoredRules(entity: Pick<CalendarYearEntity, 'id' | 'rules'>): NoticeRules {
  if (!entity.rules) throw new Error(`Calendar ${entity.id} has no rules`);
  return JSON.parse(entity.rules) as NoticeRules;
}
