import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { NestFactory } from '@nestjs/core';

import { AppModule } from './app.module';
import { buildOpenApiDocument, createHttpAdapter } from './app.setup';
import { getConfig } from './config/env';

// Writes docs/openapi.json from the code (run by `npm run openapi`); an e2e test fails when the
// committed file and the code disagree.
async function writeOpenApi(target: string): Promise<void> {
  const config = getConfig({ APP_ENV: 'test', DATABASE_URL: 'sqlite::memory:' });
  const app = await NestFactory.create(AppModule.forRoot(config), createHttpAdapter(), {
    logger: false,
  });
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app, config.version);
  writeFileSync(resolve(target), `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

void writeOpenApi(process.argv[2] ?? 'openapi.json');
