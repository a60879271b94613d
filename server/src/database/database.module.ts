import { Global, Module } from '@nestjs/common';

import { UnitOfWork } from './unit-of-work';

// Global: every repository writes through the one UnitOfWork of the process.
@Global()
@Module({
  providers: [UnitOfWork],
  exports: [UnitOfWork],
})
export class DatabaseModule {}
