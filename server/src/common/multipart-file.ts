import { Injectable, createParamDecorator, mixin } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, switchMap } from 'rxjs';
import type { Observable } from 'rxjs';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from './app.exception';

// Whole-form limits for every upload: one file, a few short text fields beside it.
export const MULTIPART_LIMITS = {
  fieldNameSize: 100,
  fieldSize: 64 * 1024,
  fields: 20,
  files: 1,
  parts: 24,
  headerPairs: 200,
} as const;

export interface UploadedFormFile {
  originalname: string;
  buffer: Buffer;
}

export interface MultipartFileRules {
  // The form field that carries the file.
  field: string;
  maxFileBytes: number;
  // The refusal for a file over maxFileBytes (default: 413 BODY_TOO_LARGE).
  tooLarge?: () => AppException;
  // A refusal for a file name the endpoint cannot read, decided before its bytes are buffered.
  refuseFileName?: (fileName: string) => AppException | null;
}

type FormRequest = FastifyRequest & { uploadedFormFile?: UploadedFormFile };

const isFileTooLarge = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';

async function readForm(request: FormRequest, rules: MultipartFileRules): Promise<void> {
  const fields: Record<string, string> = {};
  const parts = request.parts({ limits: { fileSize: rules.maxFileBytes } });
  for await (const part of parts) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== rules.field) {
      throw new AppException(
        ERROR_CODE.VALIDATION_FAILED,
        `Unexpected file field "${part.fieldname}": upload it as "${rules.field}"`,
      );
    }
    const refusal = rules.refuseFileName?.(part.filename);
    if (refusal) throw refusal;
    try {
      request.uploadedFormFile = { originalname: part.filename, buffer: await part.toBuffer() };
    } catch (error) {
      if (!isFileTooLarge(error)) throw error;
      throw (
        rules.tooLarge?.() ??
        new AppException(ERROR_CODE.BODY_TOO_LARGE, 'The uploaded file is too large', {
          details: { maxBytes: rules.maxFileBytes },
        })
      );
    }
  }
  // The text fields are the body the handler's DTO validates, as with a JSON request.
  request.body = fields;
}

/**
 * Reads a multipart form (one file and text fields) before the handler runs and after the
 * guards, so a refused caller's upload is never buffered. A JSON request passes untouched.
 * The file is the handler's `@UploadedFormFileParam()`; the fields are its `@Body()`.
 */
export function MultipartFileInterceptor(rules: MultipartFileRules): Type<NestInterceptor> {
  @Injectable()
  class ReadMultipartForm implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
      const request = context.switchToHttp().getRequest<FormRequest>();
      if (!request.isMultipart()) return next.handle();
      return from(readForm(request, rules)).pipe(switchMap(() => next.handle()));
    }
  }
  return mixin(ReadMultipartForm);
}

export const UploadedFormFileParam = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedFormFile | undefined =>
    context.switchToHttp().getRequest<FormRequest>().uploadedFormFile,
);
