import { Module } from '@nestjs/common';

import { FactPersistenceModule } from '../fact-store/fact-persistence.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { BindingModule } from '../binding/binding.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CertificatePersistenceModule } from '../certificate/certificate-persistence.module';
import { ProgressController } from './progress.controller';
import { ProgressRepository } from './progress.repository';
import { ProgressService } from './progress.service';

// The applicant's view of one bound application (status history in the shape the shared rules
// read) and "my deadlines" as a calendar file. Reads only; the mirror writes.
@Module({
  imports: [
    ApplicationModule,
    AuthModule,
    BindingModule,
    CalendarModule,
    CertificatePersistenceModule,
    FactPersistenceModule,
  ],
  controllers: [ProgressController],
  providers: [ProgressService, ProgressRepository],
})
export class ProgressModule {}
