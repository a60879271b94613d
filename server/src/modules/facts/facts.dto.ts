import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import type {
  ChecklistResponse,
  ChecklistTickRequest,
  DeclareFactsRequest,
  EligibilityRequest,
  EligibilityResponse,
  MyFactsResponse,
  SetOfficeFactsRequest,
  StaffApplicationFactsResponse,
} from '@titletrack/shared/contract';
import {
  APPRAISAL_RATING,
  EMPLOYER_KIND,
  GRASSROOTS_SERVICE,
  SKILL_CERTIFICATE,
  TITLE_LEVEL,
  TITLE_SERIES,
} from '@titletrack/shared/domain';
import type {
  AppraisalRating,
  ApplicantFacts,
  ContinuingEducationHours,
  EligibilityAnswer,
  EmployerKind,
  GrassrootsService,
  GrassrootsServiceYear,
  SkillCertificate,
  SkilledWorkerCertificateFact,
  TitleLevel,
  TitleSeries,
} from '@titletrack/shared/domain';

// Years a fact may be about, hours a year may count: wider than any real case, narrow enough
// that a typo (20230, 8000 hours) is refused rather than believed.
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_HOURS = 1000;
const MAX_YEARS_OF_WORK = 60;
const MAX_LIST = 30;

const YearField = (): PropertyDecorator => (target, key) => {
  ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2023 })(target, key);
  IsInt()(target, key);
  Min(MIN_YEAR)(target, key);
  Max(MAX_YEAR)(target, key);
};

const HoursField = (): PropertyDecorator => (target, key) => {
  ApiProperty({ minimum: 0, maximum: MAX_HOURS, example: 90 })(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(MAX_HOURS)(target, key);
};

export class ContinuingEducationHoursDto implements ContinuingEducationHours {
  @YearField()
  year: number;

  @HoursField()
  totalHours: number;

  @HoursField()
  professionalHours: number;
}

export class GrassrootsServiceYearDto implements GrassrootsServiceYear {
  @YearField()
  year: number;

  @ApiProperty({ enum: Object.values(GRASSROOTS_SERVICE) })
  @IsIn(Object.values(GRASSROOTS_SERVICE))
  service: GrassrootsService;

  @ApiProperty({ enum: Object.values(APPRAISAL_RATING) })
  @IsIn(Object.values(APPRAISAL_RATING))
  rating: AppraisalRating;
}

export class SkilledWorkerCertificateDto implements SkilledWorkerCertificateFact {
  @ApiProperty({ enum: Object.values(SKILL_CERTIFICATE) })
  @IsIn(Object.values(SKILL_CERTIFICATE))
  certificate: SkillCertificate;

  @ApiProperty({ example: '2018-06-30', description: 'YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  @Matches(/^(20\d\d|2100)-\d\d-\d\d$/, { message: 'obtainedOn must be a day 2000–2100' })
  obtainedOn: string;

  @ApiProperty({ minimum: 0, maximum: MAX_YEARS_OF_WORK, example: 5 })
  @IsInt()
  @Min(0)
  @Max(MAX_YEARS_OF_WORK)
  yearsOfSkilledWork: number;
}

/** Each fact optional; null withdraws it (from this source only). */
export class DeclareFactsDto implements DeclareFactsRequest {
  @ApiPropertyOptional({ type: [ContinuingEducationHoursDto], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => ContinuingEducationHoursDto)
  continuingEducation?: ContinuingEducationHoursDto[] | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isContinuingEducationExempt?: boolean | null;

  @ApiPropertyOptional({ type: [GrassrootsServiceYearDto], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => GrassrootsServiceYearDto)
  grassrootsService?: GrassrootsServiceYearDto[] | null;

  @ApiPropertyOptional({ type: SkilledWorkerCertificateDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SkilledWorkerCertificateDto)
  skilledWorkerCertificate?: SkilledWorkerCertificateDto | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isFirstApplication?: boolean | null;

  @ApiPropertyOptional({ enum: Object.values(EMPLOYER_KIND), nullable: true })
  @IsOptional()
  @IsIn(Object.values(EMPLOYER_KIND))
  employerKind?: EmployerKind | null;

  @ApiPropertyOptional({ enum: Object.values(EVALUATION_ROUTE), nullable: true })
  @IsOptional()
  @IsIn(Object.values(EVALUATION_ROUTE))
  routeThisYear?: EvaluationRoute | null;

  @ApiPropertyOptional({ example: '2023-10-20T02:00:00Z', nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^(20\d\d|2100)-/, { message: 'defenceScheduledAt must be in 2000–2100' })
  defenceScheduledAt?: string | null;
}

export class SetOfficeFactsDto extends DeclareFactsDto implements SetOfficeFactsRequest {}

const FACTS_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description: 'ApplicantFacts: each known fact as { value, source, recordedAt }',
} as const;

export class MyFactsResponseDto implements MyFactsResponse {
  @ApiProperty(FACTS_SCHEMA)
  facts: ApplicantFacts;
}

export class StaffApplicationFactsResponseDto implements StaffApplicationFactsResponse {
  @ApiProperty({ example: '1' })
  applicationId: string;

  @ApiProperty(FACTS_SCHEMA)
  facts: ApplicantFacts;
}

export class EligibilityRequestDto implements EligibilityRequest {
  @ApiProperty({ enum: Object.values(TITLE_LEVEL) })
  @IsIn(Object.values(TITLE_LEVEL))
  level: TitleLevel;

  @ApiProperty({ enum: Object.values(TITLE_SERIES) })
  @IsIn(Object.values(TITLE_SERIES))
  series: TitleSeries;

  @ApiPropertyOptional({ example: '6532', description: 'GB/T 2260; default Hotan (6532)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2,12}$/, { message: 'regionCode must be a GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2023 })
  @IsOptional()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ enum: Object.values(TITLE_LEVEL), nullable: true })
  @IsOptional()
  @IsIn(Object.values(TITLE_LEVEL))
  currentLevel?: TitleLevel | null;

  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  titleObtainedYear?: number | null;
}

export class EligibilityResponseDto implements EligibilityResponse {
  @ApiProperty({ example: '6532' })
  regionCode: string;

  @ApiProperty({ example: 2023, description: 'The year of the notice answered against' })
  year: number;

  @ApiProperty({ example: '和人社字〔2023〕81号' })
  noticeDocumentNumber: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'One EligibilityAnswer per rule',
  })
  answers: EligibilityAnswer[];
}

export class ChecklistResponseDto implements ChecklistResponse {
  @ApiProperty({ example: '1' })
  applicationId: string;

  @ApiProperty({ type: [String], example: ['r5.id_card'] })
  tickedItemKeys: string[];
}

export class ChecklistTickDto implements ChecklistTickRequest {
  @ApiProperty({ example: 'r5.id_card', maxLength: 80, pattern: '^[a-z0-9_.:-]+$' })
  @IsString()
  @MaxLength(80)
  @Matches(/^[a-z0-9_.:-]+$/, { message: 'itemKey must be lowercase letters, digits or _ . : -' })
  itemKey: string;

  @ApiProperty()
  @IsBoolean()
  isDone: boolean;
}
