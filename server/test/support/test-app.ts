import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';

import { createHttpApp } from '../../src/app.setup';
import { getConfig, resetConfigForTests } from '../../src/config/env';
import { UnitOfWork } from '../../src/database/unit-of-work';
import type { AppConfig } from '../../src/config/env';

export interface TestApp {
  app: INestApplication;
  api: TestAgent;
  config: AppConfig;
  dataSource: DataSource;
  unitOfWork: UnitOfWork;
  close: () => Promise<void>;
}

export const isMysql = (): boolean => Boolean(process.env.DATABASE_URL?.startsWith('mysql://'));

// Production refuses to start without its public origin; a test that starts one as production
// gets this one unless it brings its own (or `PUBLIC_BASE_URL: ''` to see the refusal).
export const TEST_PUBLIC_BASE_URL = 'https://titletrack.test';

// The real application (config, migrations, seeds, pipes, filter) on the database the test pass
// was started with (an in-memory SQLite, or the MariaDB of the MySQL pass).
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  resetConfigForTests();
  const config = getConfig({ PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL, ...process.env, ...env });
  const app = await createHttpApp(config, { abortOnError: false });
  await app.init();
  // Fastify takes requests once its plugins are loaded.
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    api: request(app.getHttpServer()),
    config,
    dataSource: app.get(DataSource),
    unitOfWork: app.get(UnitOfWork),
    close: async () => {
      await app.close();
      resetConfigForTests();
    },
  };
}
