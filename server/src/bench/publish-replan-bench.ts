/* eslint-disable no-console, no-restricted-properties -- a command-line benchmark: it prints, and its BENCH_* knobs are not the server's configuration */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import { draftNoticeCalendar } from '@titletrack/shared/notice-draft';
import type { DraftParameter } from '@titletrack/shared/notice-draft';

import { AuditLogRepository } from '../common/audit/audit-log.repository';
import { getConfig, resetConfigForTests } from '../config/env';
import { benchPlanner } from './bench-planner';
import { buildDataSourceOptions } from '../database/database.options';
import { prepareDatabase } from '../database/prepare-database';
import { UnitOfWork } from '../database/unit-of-work';
import { ApplicationRepository } from '../modules/application/application.repository';
import { CalendarRepository } from '../modules/calendar/calendar.repository';
import { NoticePublicationEvents } from '../modules/calendar/notice-publication-events.service';
import { NoticeYearRegistry } from '../modules/calendar/notice-year-registry.service';
import { NoticeParameterRepository } from '../modules/notice-publication/notice-parameter.repository';
import type {
  CorrectOfficeNoticeDto,
  CreateOfficeNoticeDto,
} from '../modules/notice-publication/notice-publication.dto';
import { NoticePublicationService } from '../modules/notice-publication/notice-publication.service';
import { NoticeWriter } from '../modules/notice-publication/notice-writer.service';
import { NoticeRepository } from '../modules/notice/notice.repository';
import { InboxMessageRepository } from '../modules/reminders/inbox-message.repository';
import { ReminderAlertRepository } from '../modules/reminders/reminder-alert.repository';

// `npm run bench`: a region with 100,000 open applications gets its notice published, then
// corrected, through the office service (re-planning every application each time), on SQLite
// and, with --mysql, on MariaDB. Goal: each ≤ 10 s.
// Usage: node dist/bench/publish-replan-bench.js [--mysql mysql://root@127.0.0.1:3306/db]

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
// Every fifth application is bound to an applicant, whose inbox the alerts fill.
const BOUND_EVERY = 5;
const REGION = '6531';
const YEAR = 2031;
const NOW = new Date(`${YEAR}-08-20T04:00:00Z`);
const GOAL_SECONDS = 10;
const STATUSES = [
  'materials_received',
  'returned',
  'drafting',
  'fee_paid',
  'paper_materials_received',
];

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

const STAFF: StaffPrincipal = {
  kind: PRINCIPAL_KIND.STAFF,
  id: '1',
  username: 'bench',
  displayName: 'bench',
  role: STAFF_ROLE.PREFECTURE_OFFICE,
  regionCode: REGION,
  county: null,
  series: null,
};

async function openDataSource(url: string): Promise<DataSource> {
  resetConfigForTests();
  process.env.DATABASE_URL = url;
  process.env.APP_ENV ??= 'test';
  const options = await buildDataSourceOptions(getConfig().database);
  return new DataSource(options).initialize();
}

async function seedApplications(dataSource: DataSource): Promise<void> {
  for (const table of [
    'inbox_message',
    'reminder_alert',
    'application_binding',
    'status_history',
    'domain_event',
  ]) {
    await dataSource.query(`DELETE FROM ${table}`);
  }
  await dataSource.query('DELETE FROM application');
  await dataSource.query("DELETE FROM applicant WHERE openId LIKE 'bench-%'");
  await dataSource.query('DELETE FROM calendar_year WHERE regionCode = ? AND year = ?', [
    REGION,
    YEAR,
  ]);
  const changedAt = new Date(NOW.getTime() - 86_400_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
  for (let i = 0; i < APPLICATIONS; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, APPLICATIONS - i) }, (_, k) => i + k);
    await dataSource.query(
      `INSERT INTO application (applicationNo, applicantName, idCardCipher, idCardBlindIndex, regionCode, year, route, level, series, specialty, status, statusChangedAt, submissionCount, isFeePaid) VALUES ${rows
        .map(
          () =>
            "(?, '阿依古丽', 'x', 'x', ?, ?, 'prefecture_directed', ?, 'education', '小学语文', ?, ?, 1, 0)",
        )
        .join(',')}`,
      rows.flatMap((r) => [
        `PUB${r}`,
        REGION,
        YEAR,
        r % 3 === 0 ? 'deputy_senior' : 'intermediate',
        STATUSES[r % STATUSES.length],
        changedAt,
      ]),
    );
  }
  const ids: Array<{ id: number }> = await dataSource.query(
    'SELECT id FROM application WHERE regionCode = ? ORDER BY id',
    [REGION],
  );
  const bound = ids.filter((_, i) => i % BOUND_EVERY === 0);
  for (let i = 0; i < bound.length; i += 1000) {
    const chunk = bound.slice(i, i + 1000);
    await dataSource.query(
      `INSERT INTO applicant (openId) VALUES ${chunk.map(() => '(?)').join(',')}`,
      chunk.map((row) => `bench-${row.id}`),
    );
    const applicants: Array<{ id: number; openId: string }> = await dataSource.query(
      `SELECT id, openId FROM applicant WHERE openId IN (${chunk.map(() => '?').join(',')})`,
      chunk.map((row) => `bench-${row.id}`),
    );
    await dataSource.query(
      `INSERT INTO application_binding (applicantId, applicationId) VALUES ${applicants.map(() => '(?, ?)').join(',')}`,
      applicants.flatMap((a) => [a.id, Number(a.openId.slice('bench-'.length))]),
    );
  }
}

function buildService(dataSource: DataSource): NoticePublicationService {
  const unitOfWork = new UnitOfWork(dataSource);
  const calendars = new CalendarRepository(unitOfWork);
  const noticeYears = new NoticeYearRegistry(calendars);
  const applications = new ApplicationRepository(unitOfWork);
  const alerts = new ReminderAlertRepository(unitOfWork);
  const inboxMessages = new InboxMessageRepository(unitOfWork);
  const parameters = new NoticeParameterRepository(unitOfWork);
  const planner = benchPlanner(unitOfWork, noticeYears, Number(process.env.BENCH_CHUNK ?? 2000));
  const writer = new NoticeWriter(
    unitOfWork,
    calendars,
    parameters,
    new NoticeRepository(unitOfWork),
    new AuditLogRepository(unitOfWork),
    new NoticePublicationEvents(),
  );
  return new NoticePublicationService(
    unitOfWork,
    calendars,
    parameters,
    applications,
    alerts,
    inboxMessages,
    planner,
    noticeYears,
    writer,
  );
}

function noticeRequest(): CreateOfficeNoticeDto {
  const text = readFileSync(
    join(__dirname, '../database/seed/hotan-2023-notice.md'),
    'utf8',
  ).replaceAll('2023', String(YEAR));
  const draft = draftNoticeCalendar(text, { year: YEAR });
  const parameters = draft.parameters.filter(
    (p: DraftParameter, i) => draft.parameters.findIndex((q) => q.name === p.name) === i,
  );
  return {
    regionCode: REGION,
    year: YEAR,
    route: 'prefecture_directed',
    title: `喀什地区${YEAR}年度职称评审`,
    documentNumber: `喀地职称办〔${YEAR}〕1号`,
    text,
    events: draft.events.map((event) => ({
      kind: event.kind,
      startsAt: event.startsAt,
      endsAt: event.endsAt as string,
      quote: event.quote,
      reading: event.reading,
      isConfirmed: true,
    })),
    parameters: parameters.map((p) => ({
      name: p.name,
      value: p.value,
      unit: p.unit,
      quote: p.quote,
      isConfirmed: true,
    })),
  };
}

async function bench(label: string, url: string): Promise<boolean> {
  const dataSource = await openDataSource(url);
  await prepareDatabase(dataSource, 120);
  const seeding = Date.now();
  await seedApplications(dataSource);
  console.log(
    `${label}: seeded ${APPLICATIONS.toLocaleString('en')} open applications in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const service = buildService(dataSource);
  const draft = await service.create(STAFF, noticeRequest());

  let started = Date.now();
  const published = await service.publish(STAFF, draft.id, NOW);
  const publishSeconds = (Date.now() - started) / 1000;
  console.log(
    `${label}: publish re-planned ${published.applications.toLocaleString('en')} applications → ${published.plannedAlerts.toLocaleString('en')} alerts in ${publishSeconds.toFixed(2)} s (goal ≤ ${GOAL_SECONDS} s: ${publishSeconds <= GOAL_SECONDS ? 'met' : 'MISSED'})`,
  );

  const correction: CorrectOfficeNoticeDto = {
    events: [{ kind: 'fee', startsAt: null, endsAt: `${YEAR}-10-10T00:00:00+08:00` }],
    note: '缴费截止顺延',
  };
  started = Date.now();
  const corrected = await service.correct(STAFF, draft.id, correction, NOW);
  const correctSeconds = (Date.now() - started) / 1000;
  console.log(
    `${label}: correction withdrew ${corrected.withdrawnAlerts.toLocaleString('en')} alerts, told ${corrected.informedApplicants.toLocaleString('en')} applications, planned ${corrected.plannedAlerts.toLocaleString('en')} in ${correctSeconds.toFixed(2)} s (goal ≤ ${GOAL_SECONDS} s: ${correctSeconds <= GOAL_SECONDS ? 'met' : 'MISSED'})`,
  );
  await dataSource.destroy();
  return publishSeconds <= GOAL_SECONDS && correctSeconds <= GOAL_SECONDS;
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'titletrack-publish-bench-'));
  let isMet = await bench('SQLite', `sqlite:${join(directory, 'bench.sqlite')}`);
  rmSync(directory, { recursive: true, force: true });
  const url = arg('--mysql');
  if (url) {
    const admin = new URL(url);
    const database = admin.pathname.slice(1);
    admin.pathname = '/';
    const connection = await createConnection(admin.toString());
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await connection.end();
    isMet = (await bench('MariaDB', url)) && isMet;
  } else {
    console.log('MariaDB: skipped (no --mysql URL)');
  }
  if (!isMet) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
