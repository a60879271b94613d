import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { DataSource } from 'typeorm';

import { APP_ENVIRONMENT } from '@titletrack/shared/contract';

import { APP_CONFIG, ConfigModule } from './config/config.module';
import { getConfig } from './config/env';
import { logSafeError } from './common/request-log';
import type { AppConfig } from './config/env';
import { DatabaseModule } from './database/database.module';
import { buildDataSourceOptions } from './database/database.options';
import { prepareDatabase } from './database/prepare-database';
import { CryptoModule } from './common/crypto/crypto.module';
import { FieldCipher } from './common/crypto/field-cipher';
import { AuthModule } from './modules/auth/auth.module';
import { BindingModule } from './modules/binding/binding.module';
import { CertificateModule } from './modules/certificate/certificate.module';
import { MirrorModule } from './modules/mirror/mirror.module';
import { PollModule } from './modules/mirror/poll/poll.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { WechatModule } from './modules/wechat/wechat.module';
import { StaffAdminModule } from './modules/staff-admin/staff-admin.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HealthModule } from './modules/health/health.module';
import { NoticeModule } from './modules/notice/notice.module';
import { NoticeDraftModule } from './modules/notice-draft/notice-draft.module';
import { NoticePublicationModule } from './modules/notice-publication/notice-publication.module';
import { NoticeWatchModule } from './modules/notice-watch/notice-watch.module';
import { DemoModule } from './modules/demo/demo.module';
import { FirstScreenModule } from './modules/first-screen/first-screen.module';
import { HousekeepingModule } from './modules/housekeeping/housekeeping.module';
import { ProgressModule } from './modules/progress/progress.module';
import { FactsModule } from './modules/facts/facts.module';
import { FeedbackModule } from './modules/feedback/feedback.module';

// Log lines are gathered up to this size, and written at least this often, in one write: a
// write per request cost as much as the request itself, and handing writes to libuv's threads
// took the second core from the clients' side. pino writes what is pending when the process
// exits.
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 1000;

// Personal data must never reach a log: request lines carry method, route and status only
// (common/request-log.ts), and nothing logs request bodies or headers.
export function buildAppLogger(config: AppConfig): pino.Logger {
  const destination = pino.destination({
    dest: config.logFile ?? 1,
    sync: true,
    minLength: LOG_BATCH_BYTES,
  });
  setInterval(() => destination.flush(), LOG_FLUSH_MS).unref();
  // Anything logged under `err` goes through the same scrubbing as the exception filter's lines:
  // a failed query's parameters and the driver's SQL with values never reach the log.
  return pino(
    { level: config.logLevel, serializers: { err: (error: unknown) => logSafeError(error) } },
    destination,
  );
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig = getConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule,
        CryptoModule,
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          // Nest's and the modules' logs go through this logger; request lines are written by a
          // Fastify hook (app.setup.ts), not by a middleware on every route.
          useFactory: (appConfig: AppConfig) => ({
            pinoHttp: { logger: buildAppLogger(appConfig) },
            forRoutes: [],
          }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (appConfig: AppConfig) => buildDataSourceOptions(appConfig.database),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('No data source options');
            const dataSource = await new DataSource(options).initialize();
            // The embedded default (`npm start`) also gets the demo applicants; never production.
            const demoCipher =
              config.environment === APP_ENVIRONMENT.DEVELOPMENT
                ? new FieldCipher(config.idProtection)
                : null;
            await prepareDatabase(dataSource, config.database.lockTimeoutSeconds, { demoCipher });
            return dataSource;
          },
        }),
        DatabaseModule,
        FirstScreenModule,
        HealthModule,
        NoticeModule,
        CalendarModule,
        AuthModule,
        BindingModule,
        CertificateModule,
        StaffAdminModule,
        MirrorModule,
        PollModule,
        WechatModule,
        RemindersModule,
        HousekeepingModule,
        DemoModule,
        ProgressModule,
        NoticeDraftModule,
        NoticePublicationModule,
        NoticeWatchModule,
        FactsModule,
        FeedbackModule,
      ],
    };
  }
}
