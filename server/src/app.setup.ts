import fastifyCompress from '@fastify/compress';
import { RequestMethod } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger, PinoLogger } from 'nestjs-pino';

import { API_PREFIX, API_ROUTES, ERROR_CODE } from '@titletrack/shared/contract';
import type { ErrorBody } from '@titletrack/shared/contract';

import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { acceptMultipartBodies } from './common/multipart-file';
import { exemptRoutesFromCompression } from './common/http-cache/skip-compression';
import { logRequests } from './common/request-log';
import { registerSecurityHeaders } from './common/security-headers';
import { createValidationPipe, refuseDeeplyNestedBodies } from './common/validation';
import type { AppConfig } from './config/env';
import { VERIFY_PAGE_ROUTES } from './modules/certificate/verify-page.controller';
import { FIRST_SCREEN_PAGE_ROUTES } from './modules/first-screen/first-screen.controller';
import { serveH5Files } from './modules/first-screen/h5-files';

// A pasted notice is up to 200 KB of text; every other JSON body is far smaller.
const JSON_BODY_LIMIT_BYTES = 256 * 1024;

export const OPENAPI_UI_PATH = `${API_PREFIX}/docs`;
export const OPENAPI_JSON_PATH = `/${API_PREFIX}/docs/openapi.json`;

export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('TitleTrack API')
    .setDescription(
      '职称通 · TitleTrack: notices, calendars and (later) application status for applicants in Hotan',
    )
    .setVersion(version)
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

// Fastify rather than Express: on a crowded notice day the HTTP layer's own cost per request
// decides how many phones one instance serves (docs/operations.md, "Throughput").
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // No Nest middleware anywhere (request lines come from a Fastify hook, see logRequests):
    // without @fastify/middie no request walks an empty middleware chain.
    skipMiddie: true,
    // Client addresses (rate limits) come from X-Forwarded-For only when the hop is the local
    // load balancer.
    trustProxy: 'loopback',
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // Express matched "/api/health/" and "/api/health" alike, and took any length of path
    // parameter (a certificate's signed code is longer than Fastify's default 100).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // A URL the router cannot even read (a broken escape, a path parameter over the length
    // above) is refused before any route, hook or exception filter runs: Fastify would answer
    // it with its own error body, whose code the client cannot know.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status =
        error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400;
      const body: ErrorBody = { code: ERROR_CODE.VALIDATION_FAILED, message: 'Malformed URL' };
      void reply.status(status).type('application/json; charset=utf-8').send(body);
    },
  });
}

export interface CreateAppOptions {
  abortOnError?: boolean;
  logger?: false;
}

// The HTTP application exactly as main.ts serves it; e2e tests and benches build theirs here
// too, so they exercise the real pipeline. Not yet listening.
export async function createHttpApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createHttpAdapter(),
    {
      bufferLogs: options.logger !== false,
      // The platform webhook's and WeChat's signatures are over the exact bytes received.
      rawBody: true,
      ...(options.abortOnError === undefined ? {} : { abortOnError: options.abortOnError }),
      ...(options.logger === false ? { logger: false } : {}),
    },
  );
  await configureApp(app, config);
  return app;
}

async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  // Nest holds what was logged during start-up until listen(); from here on the app logger
  // writes it. An app that never listens (tests, benches driving it in-process) would otherwise
  // keep every later line in memory and never write its errors.
  app.flushLogs();
  logRequests(app.getHttpAdapter().getInstance(), () => PinoLogger.root, [
    `/${API_PREFIX}${API_ROUTES.health}`,
  ]);
  registerSecurityHeaders(app, config);
  // gzip for the H5 bundle and the API: on a 400 kbps phone link it divides the first screen's
  // download by three (docs/miniapp.md). Brotli is left out: at a useful quality it costs more
  // CPU per response than the link saves on these sizes.
  // Nothing sends us compressed request bodies: no decompression hook on every request.
  exemptRoutesFromCompression(app.getHttpAdapter().getInstance());
  await app.register(fastifyCompress, {
    encodings: ['gzip', 'deflate'],
    globalDecompression: false,
  });
  acceptMultipartBodies(app.getHttpAdapter().getInstance());
  refuseDeeplyNestedBodies(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [...Object.values(VERIFY_PAGE_ROUTES), ...FIRST_SCREEN_PAGE_ROUTES].map((path) => ({
      path,
      method: RequestMethod.GET,
    })),
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => buildOpenApiDocument(app, config.version), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: `/${API_PREFIX}/docs/openapi.yaml`,
  });
  await serveH5Files(app, config.h5Dir);
}
