import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

import type {
  ApplicationProgressResponse,
  MyCalendarQuery,
  StatusHistoryItem,
} from '@titletrack/shared/contract';
import type { Application } from '@titletrack/shared/domain';

export class StatusHistoryItemDto implements StatusHistoryItem {
  @ApiProperty({ example: 'materials_received' })
  status: string;

  @ApiProperty({ example: '2023-09-04T03:00:00.000Z' })
  changedAt: string;
}

export class ApplicationProgressResponseDto implements ApplicationProgressResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The shared `Application` the rules read',
  })
  application: Application;

  @ApiProperty({ example: 'HT2023000123' })
  applicationNo: string;

  @ApiProperty({ example: '张三' })
  applicantName: string;

  @ApiProperty({ type: [StatusHistoryItemDto], description: 'Oldest first' })
  history: StatusHistoryItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '继续教育学时证明不全，请补充2022年度专业科目学时证明',
    description: "The platform's 退回意见 while the application is returned, else null",
  })
  returnReason: string | null;

  @ApiProperty({ description: 'A seeded demo application' })
  isDemo: boolean;
}

export class MyCalendarQueryDto implements MyCalendarQuery {
  @ApiPropertyOptional({
    example: '2023-08-20T04:00:00Z',
    description: 'Outside production only: the demo clock',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;
}
