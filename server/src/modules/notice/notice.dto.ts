import { ApiProperty } from '@nestjs/swagger';

import type { NoticeDetail, NoticeListResponse, NoticeSummary } from '@titletrack/shared/contract';

import { ValidateId } from '../../common/validation';
import type { NoticeEntity } from './notice.entity';

export class NoticeParamsDto {
  @ValidateId()
  id: string;
}

export class NoticeSummaryDto implements NoticeSummary {
  @ApiProperty({ example: '1' })
  id: string;

  @ApiProperty({ example: '和地职称办〔2023〕1号' })
  documentNumber: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ example: '和田地区专业技术人员职称办公室' })
  issuer: string;

  @ApiProperty({ example: '2023-07-12', description: 'Beijing calendar date' })
  publishedOn: string;

  @ApiProperty({ example: 2023 })
  year: number;
}

export class NoticeDetailDto extends NoticeSummaryDto implements NoticeDetail {
  @ApiProperty({ description: 'Markdown, verbatim from the official text' })
  body: string;
}

export class NoticeListResponseDto implements NoticeListResponse {
  @ApiProperty({ type: [NoticeSummaryDto] })
  items: NoticeSummaryDto[];
}

export function mapNoticeSummary(entity: Omit<NoticeEntity, 'body'>): NoticeSummaryDto {
  return {
    id: String(entity.id),
    documentNumber: entity.documentNumber,
    title: entity.title,
    issuer: entity.issuer,
    publishedOn: entity.publishedOn,
    year: entity.year,
  };
}

export function mapNoticeDetail(entity: NoticeEntity): NoticeDetailDto {
  return { ...mapNoticeSummary(entity), body: entity.body };
}
