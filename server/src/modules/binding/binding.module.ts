import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { ApplicationBindingEntity } from './application-binding.entity';
import { BindingController } from './binding.controller';
import { BindingRepository } from './binding.repository';
import { BindingService } from './binding.service';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicationBindingEntity]), ApplicationModule, AuthModule, RateLimitModule],
  controllers: [BindingController],
  providers: [BindingRepository, BindingService],
})
export class BindingModule {}
