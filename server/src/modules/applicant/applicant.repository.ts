import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicantEntity } from './applicant.entity';

@Injectable()
export class ApplicantRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get applicants(): Repository<ApplicantEntity> {
    return this.unitOfWork.repository(ApplicantEntity);
  }

  getById(id: number): Promise<ApplicantEntity | null> {
    return this.applicants.findOneBy({ id });
  }

  getByOpenId(openId: string): Promise<ApplicantEntity | null> {
    return this.applicants.findOneBy({ openId });
  }

  // Two first sign-ins of one person may race (two instances, a double tap): the unique openId
  // index lets one insert win; the other reads the winner's row.
  async getOrCreateByOpenId(openId: string, unionId: string | null): Promise<ApplicantEntity> {
    const existing = await this.applicants.findOneBy({ openId });
    if (existing) return existing;
    return this.unitOfWork.write(async () => {
      await this.applicants
        .createQueryBuilder()
        .insert()
        .values({ openId, unionId })
        .orIgnore()
        .execute();
      return this.applicants.findOneByOrFail({ openId });
    });
  }
}
