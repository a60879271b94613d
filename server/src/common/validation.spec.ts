import { ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Min } from 'class-validator';

import { AppException } from './app.exception';
import {
  MAX_BODY_DEPTH,
  ValidateId,
  ValidateYear,
  createValidationPipe,
  isNestedDeeperThan,
} from './validation';

class IdParams {
  @ValidateId()
  id: string;
}

class YearParams {
  @ValidateYear()
  year: number;
}

class NoteBody {
  @IsOptional()
  @IsString()
  note?: string;
}

class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
}

class ListQuery {
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  kinds?: string[];
}

const param = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'param',
  metatype,
});

describe('the validation pipe', () => {
  afterEach(() => jest.restoreAllMocks());

  it('checks a repeated parameter once and hands out the same frozen result', async () => {
    const pipe = createValidationPipe();
    const validate = jest.spyOn(ValidationPipe.prototype, 'transform');
    const first = await pipe.transform({ year: '2023' }, param(YearParams));
    const second = await pipe.transform({ year: '2023' }, param(YearParams));
    expect(first).toEqual({ year: 2023 });
    expect(first).toBeInstanceOf(YearParams);
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(validate).toHaveBeenCalledTimes(1);
    // Another DTO with the same input is its own check.
    await expect(pipe.transform({ year: '2023' }, param(IdParams))).rejects.toThrow(AppException);
  });

  it('refuses a bad parameter every time, with the field and reason', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i += 1) {
      const refusal = await pipe
        .transform({ id: '0x1' }, param(IdParams))
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppException);
      expect(refusal).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'id', reasons: ['id must be a positive integer id'] }],
      });
    }
    await expect(pipe.transform({ id: '7', extra: '1' }, param(IdParams))).rejects.toThrow(
      AppException,
    );
  });

  it('validates every body anew', async () => {
    const pipe = createValidationPipe();
    const validate = jest.spyOn(ValidationPipe.prototype, 'transform');
    const body: ArgumentMetadata = { type: 'body', metatype: NoteBody };
    const first = await pipe.transform({ note: 'a' }, body);
    const second = await pipe.transform({ note: 'a' }, body);
    expect(second).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
    expect(validate).toHaveBeenCalledTimes(2);
  });

  it('shares no result that holds a list, which a handler could change in place', async () => {
    const pipe = createValidationPipe();
    const query: ArgumentMetadata = { type: 'query', metatype: ListQuery };
    const first = (await pipe.transform({ kinds: ['b', 'a'] }, query)) as ListQuery;
    first.kinds?.sort();
    const second = (await pipe.transform({ kinds: ['b', 'a'] }, query)) as ListQuery;
    expect(second).not.toBe(first);
    expect(second.kinds).toEqual(['b', 'a']);
  });
});

describe('the validation pipe on bodies that are not objects', () => {
  const body: ArgumentMetadata = { type: 'body', metatype: NoteBody };

  it.each([
    ['null', null],
    ['an array', [{ note: 'a' }]],
    ['a string', 'note'],
    ['a number', 1],
    ['a boolean', true],
  ])('refuses %s, even for a DTO whose fields are all optional', async (_what, value) => {
    await expect(createValidationPipe().transform(value, body)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('takes a missing body as an empty one', async () => {
    await expect(createValidationPipe().transform(undefined, body)).resolves.toEqual({});
  });
});

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { value };
  return value;
};

describe('isNestedDeeperThan', () => {
  it('counts arrays and objects as levels, and scalars as none', () => {
    expect(isNestedDeeperThan('text', 0)).toBe(false);
    expect(isNestedDeeperThan(null, 0)).toBe(false);
    expect(isNestedDeeperThan({}, 0)).toBe(true);
    expect(isNestedDeeperThan({}, 1)).toBe(false);
    expect(isNestedDeeperThan(nested(3), 3)).toBe(false);
    expect(isNestedDeeperThan(nested(4), 3)).toBe(true);
  });

  it('finds the one deep branch among shallow ones', () => {
    const body = { a: 1, b: [1, 2, { c: 'x' }], d: { e: nested(MAX_BODY_DEPTH) } };
    expect(isNestedDeeperThan(body, MAX_BODY_DEPTH)).toBe(true);
    expect(isNestedDeeperThan({ a: 1, b: [1, 2, { c: 'x' }] }, MAX_BODY_DEPTH)).toBe(false);
  });

  it('copes with a hundred thousand levels without recursion', () => {
    expect(isNestedDeeperThan(nested(100_000), MAX_BODY_DEPTH)).toBe(true);
  });
});

describe('the validation pipe on numbers read from a URL', () => {
  const query: ArgumentMetadata = { type: 'query', metatype: PageQuery };

  it.each(['1e300', '9007199254740993', String(2 ** 60)])(
    'refuses %s, which passes IsInt but is not the number written',
    async (page) => {
      for (let i = 0; i < 2; i += 1) {
        await expect(createValidationPipe().transform({ page }, query)).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field: 'page', reasons: [expect.stringContaining('at most')] }],
        });
      }
    },
  );

  it('takes the largest exact integer', async () => {
    await expect(
      createValidationPipe().transform({ page: String(Number.MAX_SAFE_INTEGER) }, query),
    ).resolves.toEqual({ page: Number.MAX_SAFE_INTEGER });
  });
});
