import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ApplicantEntity } from './applicant.entity';
import { ApplicantRepository } from './applicant.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ApplicantEntity])],
  providers: [ApplicantRepository],
  exports: [ApplicantRepository],
})
export class ApplicantModule {}
