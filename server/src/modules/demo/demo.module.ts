import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { ApplicationBindingEntity } from '../binding/application-binding.entity';
import { DemoBindingRepository } from './demo-binding.repository';
import { DemoController } from './demo.controller';
import { DemoService } from './demo.service';

// "Try as a demo applicant" (issue 7). The demo applications are seeded by prepareDatabase in
// development only; the sign-in itself is the development login, refused in production.
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationBindingEntity]), ApplicationModule, AuthModule],
  controllers: [DemoController],
  providers: [DemoBindingRepository, DemoService],
})
export class DemoModule {}
