import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { CalendarYearEntity } from './calendar-year.entity';

@Injectable()
export class CalendarRepository {
  constructor(
    @InjectRepository(CalendarYearEntity) private readonly years: Repository<CalendarYearEntity>,
  ) {}

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
