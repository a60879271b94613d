import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { Logger } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import type { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';

import { logSafeError } from '../common/request-log';
import type { AppConfig } from '../config/env';
import { CalendarEventEntity } from '../modules/calendar/calendar-event.entity';
import { CalendarYearEntity } from '../modules/calendar/calendar-year.entity';
import { NoticeEntity } from '../modules/notice/notice.entity';
import { ApplicantEntity } from '../modules/applicant/applicant.entity';
import { AuthSessionEntity } from '../modules/auth/auth-session.entity';
import { StaffUserEntity } from '../modules/staff/staff-user.entity';
import { CreateNoticeAndCalendar1764057600000 } from './migrations/1764057600000-CreateNoticeAndCalendar';
import { CreateIdentity1764061200000 } from './migrations/1764061200000-CreateIdentity';
import { CreateApplicationBinding1764064800000 } from './migrations/1764064800000-CreateApplicationBinding';
import { CreateMirror1764068400000 } from './migrations/1764068400000-CreateMirror';
import { CreatePollingState1764072000000 } from './migrations/1764072000000-CreatePollingState';
import { CreateCertificates1764090000000 } from './migrations/1764090000000-CreateCertificates';
import { RenameCertificateReadyEvent1764100000000 } from './migrations/1764100000000-RenameCertificateReadyEvent';
import { RegionalNotices1764200000000 } from './migrations/1764200000000-RegionalNotices';
import { ApplicantFacts1764300000000 } from './migrations/1764300000000-ApplicantFacts';
import { ChecklistTickEntity } from '../modules/facts/checklist-tick.entity';
import { FactEntity } from '../modules/fact-store/fact.entity';
import { NoticeParameterEntity } from '../modules/calendar/notice-parameter.entity';
import { NoticeWatchEntity } from '../modules/notice-watch/notice-watch.entity';
import { FeedbackEntity } from '../modules/feedback/feedback.entity';
import { Feedback1764440000000 } from './migrations/1764440000000-Feedback';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { CertificateEntity } from '../modules/certificate/certificate.entity';
import { ShareLinkEntity } from '../modules/certificate/share-link.entity';
import { VerificationEntity } from '../modules/certificate/verification.entity';
import { LeaseEntity } from '../common/lease/lease.entity';
import { PollCursorEntity } from '../modules/mirror/poll/poll-cursor.entity';
import { DomainEventEntity } from '../modules/domain-event/domain-event.entity';
import { ImportBatchEntity } from '../modules/mirror/import-batch.entity';
import { PlatformEventEntity } from '../modules/mirror/platform-event.entity';
import { StatusHistoryEntity } from '../modules/mirror/status-history.entity';
import { RateLimitCounterEntity } from '../common/rate-limit/rate-limit-counter.entity';
import { ApplicationEntity } from '../modules/application/application.entity';
import { ApplicationBindingEntity } from '../modules/binding/application-binding.entity';
import { CreateReminders1764075600000 } from './migrations/1764075600000-CreateReminders';
import {
  InboxMessageEntity,
  ReminderAlertEntity,
  ReminderCursorEntity,
  SubscriptionCreditEntity,
  SubscriptionSwitchEntity,
} from '../modules/reminders/reminder.entities';
import {
  WechatAccessTokenEntity,
  WechatEventEntity,
  WechatPushNonceEntity,
} from '../modules/wechat/wechat.entities';
import { CreateWechatPushNonce1764420000000 } from './migrations/1764420000000-CreateWechatPushNonce';

export const ENTITIES = [
  NoticeEntity,
  CalendarYearEntity,
  CalendarEventEntity,
  NoticeParameterEntity,
  NoticeWatchEntity,
  FeedbackEntity,
  ApplicantEntity,
  StaffUserEntity,
  AuthSessionEntity,
  ApplicationEntity,
  ApplicationBindingEntity,
  RateLimitCounterEntity,
  StatusHistoryEntity,
  DomainEventEntity,
  ImportBatchEntity,
  PlatformEventEntity,
  LeaseEntity,
  PollCursorEntity,
  ReminderAlertEntity,
  InboxMessageEntity,
  SubscriptionCreditEntity,
  SubscriptionSwitchEntity,
  ReminderCursorEntity,
  WechatAccessTokenEntity,
  WechatEventEntity,
  WechatPushNonceEntity,
  CertificateEntity,
  ShareLinkEntity,
  VerificationEntity,
  AuditLogEntity,
  FactEntity,
  ChecklistTickEntity,
];

// Class references, in order: no glob, so the list works the same from src (jest) and dist.
export const MIGRATIONS = [
  CreateNoticeAndCalendar1764057600000,
  CreateIdentity1764061200000,
  CreateApplicationBinding1764064800000,
  CreateMirror1764068400000,
  CreatePollingState1764072000000,
  CreateReminders1764075600000,
  CreateCertificates1764090000000,
  RenameCertificateReadyEvent1764100000000,
  RegionalNotices1764200000000,
  ApplicantFacts1764300000000,
  CreateWechatPushNonce1764420000000,
  Feedback1764440000000,
];

// TypeORM reads MariaDB's information schema differently from MySQL's (quoted defaults since
// 10.2.7), so it must be told which one a mysql:// URL points at, or every schema comparison
// reports phantom changes. One short connection at start-up asks the server itself.
async function detectMysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS version');
    return /mariadb/i.test(String(rows[0]?.version)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

// TypeORM hands its logger every statement with its parameters: applicants' names, ID blind
// indexes, session token hashes. This one never reads them. A failed statement is logged at
// debug with its text (placeholders only) and the driver's error code: the exception filter
// logs the failure itself once, and a handled one (a duplicate key a service expects) is noise.
export class ParameterFreeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {
    // Every statement would be a line per query: nothing is logged.
  }

  logQueryError(error: string | Error, query: string): void {
    // A message handed over as a bare string can echo a value as well; only errors are kept.
    const safe = typeof error === 'string' ? undefined : logSafeError(error);
    this.logger.debug({ error: safe, query }, 'Query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, durationMs: time }, 'Slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

/**
 * The TypeORM options for the configured database. Migrations are run by prepareDatabase
 * under a lock, never by synchronize.
 */
export async function buildDataSourceOptions(
  config: AppConfig['database'],
): Promise<DataSourceOptions> {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    migrationsTransactionMode: 'each' as const,
    logger: new ParameterFreeTypeOrmLogger(),
  };
  if (config.sqlitePath === null) {
    return {
      type: await detectMysqlFlavour(config.url),
      url: config.url,
      charset: 'utf8mb4_unicode_ci',
      // Instants are stored as UTC wall time; the driver must not shift them by the host zone.
      timezone: 'Z',
      ...common,
    };
  }
  const isMemory = config.sqlitePath === ':memory:';
  if (!isMemory) mkdirSync(dirname(resolve(config.sqlitePath)), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: isMemory ? ':memory:' : resolve(config.sqlitePath),
    // WAL lets readers go on while the single writer writes.
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      if (!isMemory) db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
    },
    ...common,
  };
}
