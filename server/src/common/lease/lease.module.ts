import { Module } from '@nestjs/common';

import { LeaseRepository } from './lease.repository';
import { LeaseService } from './lease.service';

@Module({
  providers: [LeaseRepository, LeaseService],
  exports: [LeaseService],
})
export class LeaseModule {}
