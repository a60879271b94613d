import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApplicationEntity } from '../application/application.entity';
import { AuthModule } from '../auth/auth.module';
import { ApplicationBindingEntity } from '../binding/application-binding.entity';
import { StatusHistoryEntity } from '../mirror/status-history.entity';
import { ProgressController } from './progress.controller';
import { ProgressRepository } from './progress.repository';
import { ProgressService } from './progress.service';

// The applicant's view of one bound application (status history in the shape the shared rules
// read) and "my deadlines" as a calendar file. Reads only; the mirror writes.
@Module({
  imports: [TypeOrmModule.forFeature([ApplicationBindingEntity, ApplicationEntity, StatusHistoryEntity]), AuthModule],
  controllers: [ProgressController],
  providers: [ProgressRepository, ProgressService],
})
export class ProgressModule {}
