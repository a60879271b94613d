import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import type { Repository } from 'typeorm';

import { sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationBindingEntity } from './application-binding.entity';

@Injectable()
export class BindingRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get bindings(): Repository<ApplicationBindingEntity> {
    return this.unitOfWork.repository(ApplicationBindingEntity);
  }

  getByApplicationId(applicationId: number): Promise<ApplicationBindingEntity | null> {
    return this.bindings.findOneBy({ applicationId });
  }

  getByApplicant(applicantId: number): Promise<ApplicationBindingEntity[]> {
    return this.bindings.find({ where: { applicantId }, order: { id: 'ASC' } });
  }

  // Applications bound since `since` (the reminder planner fills their inboxes with alerts planned
  // before the binding).
  async getApplicationIdsBoundSince(since: Date): Promise<number[]> {
    const rows: Array<{ applicationId: number | string }> = await this.bindings
      .createQueryBuilder('binding')
      .select('binding.applicationId', 'applicationId')
      .where('binding.createdAt >= :since', { since: sqlTime(since) })
      .getRawMany();
    return rows.map((row) => Number(row.applicationId));
  }

  getOne(applicantId: number, applicationId: number): Promise<ApplicationBindingEntity | null> {
    return this.bindings.findOneBy({ applicantId, applicationId });
  }

  // The unique applicationId decides a race between two applicants binding at once.
  async createIfFree(applicantId: number, applicationId: number): Promise<void> {
    await this.unitOfWork.write(() =>
      this.bindings
        .createQueryBuilder()
        .insert()
        .values({ applicantId, applicationId })
        .orIgnore()
        .execute(),
    );
  }

  async delete(applicantId: number, applicationId: number): Promise<boolean> {
    const result = await this.unitOfWork.write(() =>
      this.bindings.delete({ applicantId, applicationId }),
    );
    return (result.affected ?? 0) > 0;
  }

  // Demo applications only: whoever else bound it loses it, the demo applicant gets it.
  async bindExclusively(applicantId: number, applicationId: number): Promise<void> {
    await this.unitOfWork.write(async () => {
      await this.bindings.delete({ applicationId, applicantId: Not(applicantId) });
      await this.bindings
        .createQueryBuilder()
        .insert()
        .values({ applicantId, applicationId })
        .orIgnore()
        .execute();
    });
  }
}
