import { Module } from '@nestjs/common';

import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { BindingModule } from '../binding/binding.module';
import { DemoController } from './demo.controller';
import { DemoService } from './demo.service';

// "Try as a demo applicant". The demo applications are seeded by prepareDatabase in
// development only; the sign-in itself is the development login, refused in production.
@Module({
  imports: [ApplicationModule, AuthModule, BindingModule],
  controllers: [DemoController],
  providers: [DemoService],
})
export class DemoModule {}
