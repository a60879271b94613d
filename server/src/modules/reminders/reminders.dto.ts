import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional } from 'class-validator';
import { registerDecorator } from 'class-validator';

import type { SubscribeDecision } from '@titletrack/shared/contract';

import { PageQueryDto } from '../../common/page-query.dto';
import { ValidateId } from '../../common/validation';

export class InboxPageQueryDto extends PageQueryDto {}

export class InboxMessageParamsDto {
  @ValidateId()
  id: string;
}

const DECISIONS: readonly SubscribeDecision[] = ['accept', 'reject', 'ban', 'filter'];

// `results` as requestSubscribeMessage gives it: template id → decision (its errMsg key is dropped).
function IsSubscribeResults(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSubscribeResults',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'results must map template ids to accept, reject, ban or filter' },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>).filter(
            ([key]) => key !== 'errMsg',
          );
          return (
            entries.length <= 50 &&
            entries.every(
              ([key, decision]) =>
                /^[A-Za-z0-9_-]{1,64}$/.test(key) &&
                DECISIONS.includes(decision as SubscribeDecision),
            )
          );
        },
      },
    });
}

export class ReportSubscriptionsDto {
  @ApiProperty({
    example: { 'tmpl-fee-due-000001': 'accept' },
    description: 'template id → accept | reject | ban | filter',
  })
  @IsObject()
  @IsSubscribeResults()
  results: Record<string, SubscribeDecision>;

  @ApiPropertyOptional({
    example: 20004,
    description: 'errCode of a failed requestSubscribeMessage (20004: main switch off)',
  })
  @IsOptional()
  @IsInt()
  errorCode?: number;
}
