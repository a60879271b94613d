import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createPool } from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';

import { PRINCIPAL_KIND } from '@titletrack/shared/contract';
import { HOTAN_REGION_CODE } from '@titletrack/shared/region';

import { FieldCipher } from '../common/crypto/field-cipher';
import { hashToken } from '../common/crypto/token-hash';
import { getConfig } from '../config/env';
import { buildDataSourceOptions } from '../database/database.options';
import { prepareDatabase } from '../database/prepare-database';
import { UnitOfWork } from '../database/unit-of-work';
import { ApplicantRepository } from '../modules/applicant/applicant.repository';
import { ApplicationRepository } from '../modules/application/application.repository';
import { AuthSessionRepository } from '../modules/auth/auth-session.repository';
import { BindingRepository } from '../modules/binding/binding.repository';

// The child processes of http-bench.ts, one role each, so that no server shares its event loop
// with autocannon: node http-bench-servers.js <role> <json argument>. A server role answers the
// parent over IPC with { port }; `setup` answers with the signed-in applicant.

export interface BytesRoute {
  path: string;
  contentType: string;
  base64: string;
}

export interface LookupArgument {
  databaseUrl: string;
  applicationId: number;
  applicantId: number;
}

export interface SignedInApplicant {
  token: string;
  applicantId: number;
  applicationId: number;
}

// "Get my application" in one statement: the application by id, joined to the caller's binding
// (what GET /api/me/applications/:id needs, without the session lookup and the mapping).
const LOOKUP_SQL =
  'SELECT a.* FROM application a JOIN application_binding b ON b.applicationId = a.id WHERE a.id = ? AND b.applicantId = ?';

async function listen(app: FastifyInstance): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: (app.server.address() as AddressInfo).port });
}

async function serveHello(): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/', () => ({ hello: 'world' }));
  await listen(app);
}

async function serveBytes(routesFile: string): Promise<void> {
  const routes = JSON.parse(readFileSync(routesFile, 'utf8')) as BytesRoute[];
  const app = Fastify({ logger: false });
  for (const route of routes) {
    const body = Buffer.from(route.base64, 'base64');
    app.get(route.path, (_request, reply) => reply.type(route.contentType).send(body));
  }
  await listen(app);
}

async function serveSqliteLookup({
  databaseUrl,
  applicationId,
  applicantId,
}: LookupArgument): Promise<void> {
  const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
  const statement = db.prepare(LOOKUP_SQL);
  const app = Fastify({ logger: false });
  app.get('/', (_request, reply) => {
    const row = statement.get(applicationId, applicantId);
    return row ? row : reply.code(404).send({ code: 'APPLICATION_NOT_FOUND' });
  });
  await listen(app);
}

async function serveMysqlLookup({
  databaseUrl,
  applicationId,
  applicantId,
}: LookupArgument): Promise<void> {
  // The product's TypeORM pool is mysql2's default (10 connections); the same here.
  const pool = createPool({ uri: databaseUrl, connectionLimit: 10, timezone: 'Z' });
  const app = Fastify({ logger: false });
  app.get('/', async (_request, reply) => {
    const [rows] = await pool.query<RowDataPacket[]>(LOOKUP_SQL, [applicationId, applicantId]);
    return rows[0] ?? reply.code(404).send({ code: 'APPLICATION_NOT_FOUND' });
  });
  await listen(app);
}

// One applicant, bound to one application, signed in. WeChat sign-in needs WeChat and the
// development sign-in is refused in production, so this runs the product's own start-up
// (migrations + seed, as main.js does) and then its own repositories on the same database, with
// the production keys the server will get: the applicant row as a WeChat sign-in creates it,
// the application as an import creates it (ID number sealed by FieldCipher), the binding as
// POST /api/me/bindings creates it, and the session row exactly as AuthService.openSession
// writes it (only the SHA-256 of a random token). The token then goes in the Authorization
// header like the mini-app's.
async function setUp(): Promise<SignedInApplicant> {
  Logger.overrideLogger(['error']);
  const config = getConfig();
  const dataSource = await new DataSource(
    await buildDataSourceOptions(config.database),
  ).initialize();
  try {
    await prepareDatabase(dataSource, config.database.lockTimeoutSeconds);
    const unitOfWork = new UnitOfWork(dataSource);
    const cipher = new FieldCipher(config.idProtection);
    const applicant = await new ApplicantRepository(unitOfWork).getOrCreateByOpenId(
      'obench-http-applicant',
      null,
    );
    const idCardNumber = '653201199005171220';
    const [application] = await new ApplicationRepository(unitOfWork).insertMany([
      {
        applicationNo: 'BENCH-HTTP-0001',
        applicantName: '基准·测试',
        idCardCipher: cipher.encrypt(idCardNumber),
        idCardBlindIndex: cipher.blindIndex(idCardNumber),
        employer: '和田市第一小学',
        county: '和田市',
        regionCode: HOTAN_REGION_CODE,
        year: 2023,
        route: 'prefecture_directed',
        level: 'intermediate',
        series: 'education',
        specialty: '小学语文',
        status: 'materials_received',
        statusChangedAt: new Date('2023-07-21T03:00:00Z'),
        submissionCount: 1,
        isFeePaid: null,
      },
    ]);
    if (!application) throw new Error('The benchmark application was not inserted');
    await new BindingRepository(unitOfWork).createIfFree(applicant.id, application.id);
    const token = randomBytes(32).toString('base64url');
    await new AuthSessionRepository(unitOfWork).create({
      tokenHash: hashToken(token),
      subjectKind: PRINCIPAL_KIND.APPLICANT,
      subjectId: applicant.id,
      expiresAt: new Date(Date.now() + config.sessionTtlHours * 3600_000),
    });
    return { token, applicantId: applicant.id, applicationId: application.id };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const [role, argument = ''] = process.argv.slice(2);
  switch (role) {
    case 'hello':
      return serveHello();
    case 'bytes':
      return serveBytes(argument);
    case 'lookup-sqlite':
      return serveSqliteLookup(JSON.parse(argument) as LookupArgument);
    case 'lookup-mysql':
      return serveMysqlLookup(JSON.parse(argument) as LookupArgument);
    case 'setup':
      process.send?.(await setUp());
      process.disconnect?.();
      return;
    default:
      throw new Error(`Unknown role ${String(role)}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
