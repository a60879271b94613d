import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { DataSource } from 'typeorm';

import { APP_ENVIRONMENT } from '@titletrack/shared/contract';

import { APP_CONFIG, ConfigModule } from './config/config.module';
import { getConfig } from './config/env';
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

// Personal data must never reach a log: headers that carry credentials are cut out, and
// request bodies are never logged.
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

function buildLoggerOptions(config: AppConfig): [PinoHttpOptions, pino.DestinationStream] {
  const options: PinoHttpOptions = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, remove: true },
    // The path without the query string: a query may one day carry personal data.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  };
  const destination = config.logFile
    ? pino.destination({ dest: config.logFile, sync: true })
    : pino.destination(1);
  return [options, destination];
}

function serveH5(config: AppConfig): DynamicModule[] {
  // Without a build (e.g. API-only tests) the API still runs; `npm start` always builds first.
  if (!existsSync(join(config.h5Dir, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: config.h5Dir,
      // The certificate verification pages are the server's, not the H5 app's.
      exclude: ['/api/{*path}', '/verify/{*path}'],
      serveStaticOptions: { maxAge: '1h', index: ['index.html'] },
    }),
  ];
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
          useFactory: (appConfig: AppConfig) => ({ pinoHttp: buildLoggerOptions(appConfig) }),
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
        // Before the static files: "/" is the H5 page with its first screen drawn in.
        FirstScreenModule,
        ...serveH5(config),
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
      ],
    };
  }
}
