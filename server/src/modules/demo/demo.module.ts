import { Module } from '@nestjs/common';

import { FactPersistenceModule } from '../fact-store/fact-persistence.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { BindingModule } from '../binding/binding.module';
import { RemindersModule } from '../reminders/reminders.module';
import { DemoController } from './demo.controller';
import { DemoService } from './demo.service';

// "Try as a demo applicant". The demo applications are seeded by prepareDatabase in
// development only; the sign-in itself is the development login, refused in production. Each
// sign-in restores the persona's declared facts and plans its alerts at the demo moment.
@Module({
  imports: [ApplicationModule, AuthModule, BindingModule, FactPersistenceModule, RemindersModule],
  controllers: [DemoController],
  providers: [DemoService],
})
export class DemoModule {}
