import { ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { FastifyInstance, preValidationHookHandler } from 'fastify';

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

// Deeper than any request we define (a notice's events and their fields are three levels), and
// shallow enough that class-transformer and class-validator, which recurse once per level, never
// exhaust the stack: ten thousand nested arrays made them throw RangeError, answered as a 500.
export const MAX_BODY_DEPTH = 32;

// Walks the parsed body breadth-first, without recursion, and stops at the first level too deep.
export function isNestedDeeperThan(value: unknown, maxDepth: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const node of level) {
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= maxDepth) return true;
      for (const child of Object.values(node)) {
        if (typeof child === 'object' && child !== null) next.push(child);
      }
    }
    level = next;
  }
  return false;
}

// Fastify parses no body for these (handle-request.js), so their routes need no check.
const BODYLESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

// Every parsed body, before any handler, pipe or webhook check reads it. Added to each route
// that can take a body, ahead of its own checks, rather than run on every read.
export function refuseDeeplyNestedBodies(fastify: FastifyInstance): void {
  const refuseTooDeep: preValidationHookHandler = (request, _reply, done) => {
    if (isNestedDeeperThan(request.body, MAX_BODY_DEPTH)) {
      done(
        new AppException(ERROR_CODE.VALIDATION_FAILED, 'Request body is nested too deeply', {
          details: { maxDepth: MAX_BODY_DEPTH },
        }),
      );
      return;
    }
    done();
  };
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => BODYLESS_METHODS.has(method))) return;
    const own = route.preValidation;
    route.preValidation = [refuseTooDeep, ...(own === undefined ? [] : [own].flat())];
  });
}

// Per DTO class: how many validated inputs are kept, and the longest input that is.
const MAX_KEPT_INPUTS = 1_000;
const MAX_KEPT_INPUT_LENGTH = 512;

const isFlat = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((field) => field === null || typeof field !== 'object');

// A DTO describes an object. Nest's pipe treats a JSON `null` as `{}` and checks a string or
// an array against the DTO's rules, so an all-optional DTO took them as an empty request (a
// `null` declared "no facts"). No body at all stays allowed: it is `{}` by intent.
const isObjectBody = (value: unknown): boolean =>
  value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value));

// A number read from a URL must be the number the client wrote. `@Type(() => Number)` turns
// "1e300" and "9007199254740993" into numbers that pass `@IsInt()`, and `?page=1e300` reached
// SQL as OFFSET 1e+300 (a 500). Every query and route number beyond the exact integers is
// refused here, for every DTO, present and future.
function refuseInexactNumbers<T>(result: T): T {
  if (typeof result !== 'object' || result === null) return result;
  const fields = Object.entries(result).filter(
    ([, field]) => typeof field === 'number' && !(Math.abs(field) <= Number.MAX_SAFE_INTEGER),
  );
  if (fields.length > 0) {
    throw new AppException(ERROR_CODE.VALIDATION_FAILED, 'Request validation failed', {
      details: fields.map(([field]) => ({
        field,
        reasons: [`${field} must be at most ${Number.MAX_SAFE_INTEGER}`],
      })),
    });
  }
  return result;
}

/**
 * Route parameters and query strings repeat: on notice day the same `/calendars/2023` and the
 * same application ids arrive thousands of times, and class-transformer + class-validator's
 * reflection cost a sixth of such a request. Their validated result is kept per DTO class and
 * input (frozen, as it is shared; bounded); an input that fails is checked anew each time, and
 * bodies are always validated.
 */
export class RepeatedInputValidationPipe extends ValidationPipe {
  private readonly validated = new Map<ArgumentMetadata['metatype'], Map<string, unknown>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    if (type === 'body' && metatype && this.toValidate(metadata) && !isObjectBody(value)) {
      throw new AppException(ERROR_CODE.VALIDATION_FAILED, 'Request body must be an object', {
        details: [{ field: '', reasons: ['body must be an object'] }],
      });
    }
    if ((type !== 'param' && type !== 'query') || !metatype || !this.toValidate(metadata))
      return super.transform(value, metadata);
    const input = JSON.stringify(value);
    if (input === undefined || input.length > MAX_KEPT_INPUT_LENGTH)
      return refuseInexactNumbers(await super.transform(value, metadata));
    let byInput = this.validated.get(metatype);
    if (!byInput) {
      byInput = new Map();
      this.validated.set(metatype, byInput);
    }
    if (byInput.has(input)) return byInput.get(input);
    const result: unknown = refuseInexactNumbers(await super.transform(value, metadata));
    // Only flat results are shared: freezing is shallow, and a list a handler sorted in place
    // would reach the next request.
    if (!isFlat(result)) return result;
    if (byInput.size >= MAX_KEPT_INPUTS) byInput.clear();
    byInput.set(input, Object.freeze(result));
    return result;
  }
}

// Input is checked only by DTO classes through this pipe; unknown fields are refused.
export function createValidationPipe(): ValidationPipe {
  return new RepeatedInputValidationPipe({
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
