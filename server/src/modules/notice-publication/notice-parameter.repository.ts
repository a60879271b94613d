import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { NoticeParameterEntity } from '../calendar/notice-parameter.entity';

export type NewNoticeParameter = Pick<
  NoticeParameterEntity,
  'name' | 'value' | 'unit' | 'quote' | 'isConfirmed' | 'inheritedFromCalendarYearId'
>;

// The one owner of `notice_parameter`: the rule parameters a notice states or inherits.
@Injectable()
export class NoticeParameterRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get parameters(): Repository<NoticeParameterEntity> {
    return this.unitOfWork.repository(NoticeParameterEntity);
  }

  // In the order they were written.
  getByCalendarYearId(calendarYearId: number): Promise<NoticeParameterEntity[]> {
    return this.parameters.find({ where: { calendarYearId }, order: { id: 'ASC' } });
  }

  // A notice's parameters are replaced whole.
  async replaceForCalendarYear(
    calendarYearId: number,
    parameters: readonly NewNoticeParameter[],
  ): Promise<void> {
    await this.unitOfWork.write(async () => {
      await this.parameters.delete({ calendarYearId });
      if (parameters.length === 0) return;
      await this.parameters.insert(parameters.map((p) => ({ ...p, calendarYearId })));
    });
  }
}
