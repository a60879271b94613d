import { RequestMethod } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import compression from 'compression';
import { Logger } from 'nestjs-pino';

import { API_PREFIX } from '@titletrack/shared/contract';

import { AllExceptionsFilter, answerBodyParserRefusal } from './common/all-exceptions.filter';
import { createValidationPipe } from './common/validation';
import { VERIFY_PAGE_ROUTES } from './modules/certificate/verify-page.controller';
import { FIRST_SCREEN_PAGE_ROUTES } from './modules/first-screen/first-screen.controller';

const JSON_BODY_LIMIT = '256kb';

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

// Everything main.ts and the e2e tests share, so tests exercise the real pipeline.
export function configureApp(app: INestApplication, version: string): void {
  app.useLogger(app.get(Logger));
  // Client addresses (rate limits) come from X-Forwarded-For only when the hop is the local
  // load balancer.
  (app as NestExpressApplication).set('trust proxy', 'loopback');
  // gzip for the H5 bundle and the API: on a 400 kbps phone link it divides the first screen's
  // download by three (docs/miniapp.md).
  app.use(compression());
  // A pasted notice is up to 200 KB of text; every other body is far smaller.
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(answerBodyParserRefusal);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [...Object.values(VERIFY_PAGE_ROUTES), ...FIRST_SCREEN_PAGE_ROUTES].map((path) => ({
      path,
      method: RequestMethod.GET,
    })),
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => buildOpenApiDocument(app, version), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: `/${API_PREFIX}/docs/openapi.yaml`,
  });
}
