import { Module } from '@nestjs/common';

import { CalendarModule } from '../calendar/calendar.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { CertificatePersistenceModule } from '../certificate/certificate-persistence.module';
import { DomainEventModule } from '../domain-event/domain-event.module';
import { ImportReportService } from './import-report.service';
import { ImportService } from './import.service';
import { MirrorRepository } from './mirror.repository';
import { MirrorService } from './mirror.service';
import { StaffApplicationController } from './staff-application.controller';
import { StaffApplicationService } from './staff-application.service';
import { StaffImportController } from './staff-import.controller';
import { WebhookController } from './webhook.controller';
import { WebhookService } from './webhook.service';

@Module({
  imports: [
    ApplicationModule,
    AuthModule,
    CalendarModule,
    CertificatePersistenceModule,
    DomainEventModule,
  ],
  controllers: [StaffImportController, StaffApplicationController, WebhookController],
  providers: [
    MirrorRepository,
    MirrorService,
    ImportService,
    ImportReportService,
    WebhookService,
    StaffApplicationService,
  ],
  exports: [MirrorRepository, MirrorService, ImportService],
})
export class MirrorModule {}
