import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';

import { STAFF_ROLE } from '@titletrack/shared/contract';

import { createHttpApp } from '../../src/app.setup';
import { getConfig, resetConfigForTests } from '../../src/config/env';
import { UnitOfWork } from '../../src/database/unit-of-work';
import { hashPassword } from '../../src/modules/staff/password.util';
import { StaffRepository } from '../../src/modules/staff/staff.repository';
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

// The server makes its first admin only while there is no staff account at all. The MySQL pass
// shares one database between suites, and a suite that rebuilds the schema and then makes
// accounts of its own leaves the next suite without the admin it starts with: made here the
// same way, whatever ran before.
async function ensureBootstrapAdmin(app: INestApplication, config: AppConfig): Promise<void> {
  const admin = config.bootstrapAdmin;
  if (admin === null) return;
  const staff = app.get(StaffRepository);
  if (await staff.getByUsername(admin.username)) return;
  await staff.createIfUsernameFree({
    username: admin.username,
    displayName: '地区职称办管理员',
    role: STAFF_ROLE.PREFECTURE_OFFICE,
    regionCode: config.platformRegionCode,
    passwordHash: await hashPassword(admin.password),
  });
}

// The real application (config, migrations, seeds, pipes, filter) on the database the test pass
// was started with (an in-memory SQLite, or the MariaDB of the MySQL pass).
export interface TestAppOptions {
  // false: only the server's own rule makes the first admin (a test of that rule).
  isAdminEnsured?: boolean;
}

export async function createTestApp(
  env: Record<string, string> = {},
  { isAdminEnsured = true }: TestAppOptions = {},
): Promise<TestApp> {
  resetConfigForTests();
  const config = getConfig({ PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL, ...process.env, ...env });
  const app = await createHttpApp(config, { abortOnError: false });
  await app.init();
  // Fastify takes requests once its plugins are loaded.
  await app.getHttpAdapter().getInstance().ready();
  if (isAdminEnsured) await ensureBootstrapAdmin(app, config);
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
