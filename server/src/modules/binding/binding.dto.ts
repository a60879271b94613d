import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

import type {
  BindApplicationRequest,
  MyApplicationListResponse,
  MyApplicationSummary,
} from '@titletrack/shared/contract';
import { APPLICATION_STATUS } from '@titletrack/shared/domain';

import { ValidateId } from '../../common/validation';
import type { ApplicationEntity } from '../application/application.entity';

export class BindApplicationDto implements BindApplicationRequest {
  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiProperty({
    example: '653201199005171231',
    description: '18 characters; never echoed back in clear',
  })
  @IsString()
  @Length(15, 25)
  idCardNumber: string;

  @ApiProperty({
    example: 'HT2023000123',
    description: 'The application number on the official platform',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,64}$/, { message: 'applicationNo must be 4–64 letters, digits or -' })
  applicationNo: string;
}

export class ApplicationParamsDto {
  @ValidateId()
  id: string;
}

export class MyApplicationSummaryDto implements MyApplicationSummary {
  @ApiProperty({ example: '1' })
  id: string;

  @ApiProperty({ example: 'HT2023000123' })
  applicationNo: string;

  @ApiProperty({ example: '张三' })
  applicantName: string;

  @ApiProperty({ example: '653201********1231' })
  idCardNumberMasked: string;

  @ApiProperty({ example: '6532', description: 'GB/T 2260 code of the prefecture' })
  regionCode: string;

  @ApiProperty({ example: 2023 })
  year: number;

  @ApiProperty({ example: 'prefecture_directed' })
  route: string;

  @ApiProperty({ example: 'intermediate' })
  level: string;

  @ApiProperty({ example: 'engineering' })
  series: string;

  @ApiProperty({ example: '土木工程' })
  specialty: string;

  @ApiProperty({ example: 'materials_received' })
  status: string;

  @ApiProperty({ example: '2023-08-20T04:00:00.000Z' })
  statusChangedAt: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "The platform's 退回意见 while the application is returned, else null",
  })
  returnReason: string | null;
}

export class MyApplicationListResponseDto implements MyApplicationListResponse {
  @ApiProperty({ type: [MyApplicationSummaryDto] })
  items: MyApplicationSummaryDto[];
}

// The ID number reaches a screen masked only (FieldCipher.maskedIdCardNumber).
export function mapMyApplication(
  entity: ApplicationEntity,
  idCardNumberMasked: string,
): MyApplicationSummaryDto {
  return {
    id: String(entity.id),
    applicationNo: entity.applicationNo,
    applicantName: entity.applicantName,
    idCardNumberMasked,
    regionCode: entity.regionCode,
    year: entity.year,
    route: entity.route,
    level: entity.level,
    series: entity.series,
    specialty: entity.specialty,
    status: entity.status,
    statusChangedAt: entity.statusChangedAt.toISOString(),
    returnReason: entity.status === APPLICATION_STATUS.RETURNED ? entity.returnReason : null,
  };
}
