import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { ChecklistTickEntity } from './checklist-tick.entity';

@Injectable()
export class ChecklistTickRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get ticks(): Repository<ChecklistTickEntity> {
    return this.unitOfWork.repository(ChecklistTickEntity);
  }

  async getItemKeys(applicantId: number, applicationId: number): Promise<string[]> {
    const rows = await this.ticks.find({
      where: { applicantId, applicationId },
      order: { itemKey: 'ASC' },
    });
    return rows.map((row) => row.itemKey);
  }

  // Ticking twice keeps one row (the unique key decides a race between two devices).
  async create(applicantId: number, applicationId: number, itemKey: string): Promise<void> {
    await this.unitOfWork.write(() =>
      this.ticks
        .createQueryBuilder()
        .insert()
        .values({ applicantId, applicationId, itemKey })
        .orIgnore()
        .execute(),
    );
  }

  async delete(applicantId: number, applicationId: number, itemKey: string): Promise<void> {
    await this.unitOfWork.write(() => this.ticks.delete({ applicantId, applicationId, itemKey }));
  }
}
