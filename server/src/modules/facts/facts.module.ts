import { Module } from '@nestjs/common';

import { AuditModule } from '../../common/audit/audit.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { BindingModule } from '../binding/binding.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersModule } from '../reminders/reminders.module';
import { ChecklistTickRepository } from './checklist-tick.repository';
import { FactPersistenceModule } from '../fact-store/fact-persistence.module';
import { MyFactsController, StaffApplicationFactsController } from './facts.controller';
import { FactsService } from './facts.service';

// "My facts", the office's facts about an application, the eligibility question and the
// attachment checklist. A fact change re-plans the applications it bears on.
@Module({
  imports: [
    ApplicationModule,
    AuditModule,
    AuthModule,
    BindingModule,
    CalendarModule,
    FactPersistenceModule,
    RemindersModule,
  ],
  controllers: [MyFactsController, StaffApplicationFactsController],
  providers: [FactsService, ChecklistTickRepository],
})
export class FactsModule {}
