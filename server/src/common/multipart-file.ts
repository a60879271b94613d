import { Busboy } from '@fastify/busboy';
import type { BusboyHeaders } from '@fastify/busboy';
import { Injectable, createParamDecorator, mixin } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/**
 * Multipart bodies are left unread until a handler that takes an upload reads them: the
 * Fastify plugin for this (@fastify/multipart) hooks into every request, uploads or not, and
 * every request paid for it. Its parser, @fastify/busboy, reads the form here.
 */
export function acceptMultipartBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
}

const bodyTooLarge = (what: string): AppException =>
  new AppException(ERROR_CODE.BODY_TOO_LARGE, `The form has too many or too large ${what}`);

function readForm(request: FormRequest, rules: MultipartFileRules): Promise<void> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let failure: Error | null = null;
    let parser: InstanceType<typeof Busboy>;
    const unreadable = (): void =>
      fail(new AppException(ERROR_CODE.VALIDATION_FAILED, 'Unreadable multipart form'));
    const fail = (error: Error): void => {
      if (failure !== null) return;
      failure = error;
      request.raw.unpipe(parser);
      // The rest of the upload is read and dropped, so the answer reaches the client.
      request.raw.resume();
      reject(error);
    };
    try {
      parser = new Busboy({
        headers: request.headers as BusboyHeaders,
        limits: { ...MULTIPART_LIMITS, fileSize: rules.maxFileBytes },
      });
    } catch {
      reject(new AppException(ERROR_CODE.VALIDATION_FAILED, 'Unreadable multipart form'));
      return;
    }
    parser.on('field', (name, value, isNameTruncated, isValueTruncated) => {
      if (isNameTruncated || isValueTruncated) fail(bodyTooLarge('fields'));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, fileName) => {
      const refusal =
        name === rules.field
          ? rules.refuseFileName?.(fileName)
          : new AppException(
              ERROR_CODE.VALIDATION_FAILED,
              `Unexpected file field "${name}": upload it as "${rules.field}"`,
            );
      if (failure !== null || refusal) {
        stream.resume();
        if (refusal) fail(refusal);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', unreadable);
      stream.on('limit', () =>
        fail(
          rules.tooLarge?.() ??
            new AppException(ERROR_CODE.BODY_TOO_LARGE, 'The uploaded file is too large', {
              details: { maxBytes: rules.maxFileBytes },
            }),
        ),
      );
      stream.on('end', () => {
        if (!stream.truncated)
          request.uploadedFormFile = { originalname: fileName, buffer: Buffer.concat(chunks) };
      });
    });
    parser.on('partsLimit', () => fail(bodyTooLarge('parts')));
    parser.on('filesLimit', () => fail(bodyTooLarge('files')));
    parser.on('fieldsLimit', () => fail(bodyTooLarge('fields')));
    parser.on('error', unreadable);
    parser.on('finish', () => {
      if (failure !== null) return;
      // The text fields are the body the handler's DTO validates, as with a JSON request.
      request.body = fields;
      resolve();
    });
    request.raw.on('error', fail);
    request.raw.pipe(parser);
  });
}

const isMultipart = (request: FastifyRequest): boolean =>
  /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');

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
      if (!isMultipart(request)) return next.handle();
      return from(readForm(request, rules)).pipe(switchMap(() => next.handle()));
    }
  }
  return mixin(ReadMultipartForm);
}

export const UploadedFormFileParam = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedFormFile | undefined =>
    context.switchToHttp().getRequest<FormRequest>().uploadedFormFile,
);
