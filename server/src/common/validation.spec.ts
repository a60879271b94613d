import { ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsArray, IsOptional, IsString } from 'class-validator';

import { AppException } from './app.exception';
import { ValidateId, ValidateYear, createValidationPipe } from './validation';

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
