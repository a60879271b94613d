import { Module } from '@nestjs/common';

import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { BindingEvents } from './binding-events.service';
import { BindingController } from './binding.controller';
import { BindingRepository } from './binding.repository';
import { BindingService } from './binding.service';

@Module({
  imports: [ApplicationModule, AuthModule, RateLimitModule],
  controllers: [BindingController],
  providers: [BindingRepository, BindingService, BindingEvents],
  exports: [BindingRepository, BindingEvents, BindingService],
})
export class BindingModule {}
