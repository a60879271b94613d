import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { CalendarYearEntity } from './calendar-year.entity';

@Injectable()
export class CalendarRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get years(): Repository<CalendarYearEntity> {
    return this.unitOfWork.repository(CalendarYearEntity);
  }

  getAll(): Promise<CalendarYearEntity[]> {
    return this.years.find({ order: { year: 'DESC', route: 'ASC' } });
  }

  // The year with its events ordered by deadline.
  getByYearAndRoute(year: number, route: string): Promise<CalendarYearEntity | null> {
    return this.years.findOne({
      where: { year, route },
      relations: { events: true },
      order: { events: { endsAt: 'ASC', id: 'ASC' } },
    });
  }
}
