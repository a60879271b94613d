import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from './app.exception';

export interface FieldError {
  field: string;
  reasons: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// Input is checked only by DTO classes through this pipe; unknown fields are refused.
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new AppException(ERROR_CODE.VALIDATION_FAILED, 'Request validation failed', {
        details: flatten(errors),
      }),
  });
}

// A database id on the wire: a positive integer as a string, so a malformed id never reaches
// a query.
export function ValidateId(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: String, pattern: '^[1-9][0-9]{0,9}$', example: '1' })(target, key);
    Matches(/^[1-9]\d{0,9}$/, { message: `${String(key)} must be a positive integer id` })(
      target,
      key,
    );
  };
}

// A calendar year as a route parameter.
export function ValidateYear(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: Number, minimum: 2000, maximum: 2100, example: 2023 })(target, key);
    Type(() => Number)(target, key);
    IsInt({ message: `${String(key)} must be a year` })(target, key);
    Min(2000)(target, key);
    Max(2100)(target, key);
  };
}
