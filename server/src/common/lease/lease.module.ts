import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { LeaseEntity } from './lease.entity';
import { LeaseRepository } from './lease.repository';
import { LeaseService } from './lease.service';

@Module({
  imports: [TypeOrmModule.forFeature([LeaseEntity])],
  providers: [LeaseRepository, LeaseService],
  exports: [LeaseService],
})
export class LeaseModule {}
