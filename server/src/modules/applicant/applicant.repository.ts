import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { ApplicantEntity } from './applicant.entity';

@Injectable()
export class ApplicantRepository {
  constructor(@InjectRepository(ApplicantEntity) private readonly applicants: Repository<ApplicantEntity>) {}

  getById(id: number): Promise<ApplicantEntity | null> {
    return this.applicants.findOneBy({ id });
  }

  // Two first sign-ins of one person may race (two instances, a double tap): the unique openId
  // index lets one insert win; the other reads the winner's row.
  async getOrCreateByOpenId(openId: string, unionId: string | null): Promise<ApplicantEntity> {
    const existing = await this.applicants.findOneBy({ openId });
    if (existing) return existing;
    await this.applicants
      .createQueryBuilder()
      .insert()
      .values({ openId, unionId })
      .orIgnore()
      .execute();
    return this.applicants.findOneByOrFail({ openId });
  }
}
