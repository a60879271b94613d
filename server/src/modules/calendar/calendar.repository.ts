import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';

import { NOTICE_STATE } from '@titletrack/shared/contract';

import { readTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { CalendarEventEntity } from './calendar-event.entity';
import { CalendarYearEntity } from './calendar-year.entity';

export type NewCalendarYear = Pick<
  CalendarYearEntity,
  'regionCode' | 'year' | 'route' | 'region' | 'title' | 'noticeDocumentNumber' | 'noticeText'
> &
  Partial<
    Pick<CalendarYearEntity, 'state' | 'rules' | 'version' | 'publishedAt' | 'publishedByStaffId'>
  >;

export type NewCalendarEvent = Omit<
  CalendarEventEntity,
  'id' | 'calendarYearId' | 'calendarYear' | 'createdAt' | 'updatedAt'
>;

export type CalendarYearChanges = Partial<
  Pick<
    CalendarYearEntity,
    | 'title'
    | 'noticeDocumentNumber'
    | 'noticeText'
    | 'state'
    | 'rules'
    | 'version'
    | 'publishedAt'
    | 'publishedByStaffId'
  >
>;

// Events ordered by deadline, as every reader shows them.
const WITH_EVENTS = {
  relations: { events: true },
  order: { events: { endsAt: 'ASC', id: 'ASC' } },
} as const;

@Injectable()
export class CalendarRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get years(): Repository<CalendarYearEntity> {
    return this.unitOfWork.repository(CalendarYearEntity);
  }

  private get events(): Repository<CalendarEventEntity> {
    return this.unitOfWork.repository(CalendarEventEntity);
  }

  // Published calendars only, newest first.
  getAllPublished(): Promise<CalendarYearEntity[]> {
    return this.years.find({
      where: { state: NOTICE_STATE.PUBLISHED },
      order: { year: 'DESC', regionCode: 'ASC', route: 'ASC' },
    });
  }

  // Every published calendar with its events (what the rules registry holds in memory).
  getAllPublishedWithEvents(): Promise<CalendarYearEntity[]> {
    return this.years.find({ where: { state: NOTICE_STATE.PUBLISHED }, ...WITH_EVENTS });
  }

  getPublished(
    regionCode: string,
    year: number,
    route: string,
  ): Promise<CalendarYearEntity | null> {
    return this.years.findOne({
      where: { regionCode, year, route, state: NOTICE_STATE.PUBLISHED },
      ...WITH_EVENTS,
    });
  }

  // The latest published calendar of a region and route before a year.
  async getLatestPublishedBefore(
    regionCode: string,
    year: number,
    route: string,
  ): Promise<CalendarYearEntity | null> {
    const latest = await this.years.findOne({
      where: { regionCode, route, year: LessThan(year), state: NOTICE_STATE.PUBLISHED },
      order: { year: 'DESC' },
    });
    return latest ? this.getPublished(regionCode, latest.year, route) : null;
  }

  /**
   * The published notice a new one of (region, year, route) builds on: the latest published
   * before it in the region, of the same route if there is one, else of the other route.
   */
  async getPreviousPublished(
    regionCode: string,
    year: number,
    route: string,
  ): Promise<CalendarYearEntity | null> {
    const earlier = await this.years.find({
      where: { regionCode, year: LessThan(year), state: NOTICE_STATE.PUBLISHED },
      order: { year: 'DESC', id: 'DESC' },
    });
    return earlier.find((candidate) => candidate.route === route) ?? earlier[0] ?? null;
  }

  /**
   * A cheap fingerprint of every calendar's state: count, last change, the sum of versions (a
   * correction within the same second still changes it) and which are published. Another
   * instance's publication changes it, so a check reloads only then.
   */
  async getChangeStamp(): Promise<string> {
    const [row] = await this.unitOfWork.manager.query<Array<Record<string, unknown>>>(
      "SELECT COUNT(*) AS n, MAX(updatedAt) AS changedAt, SUM(version) AS versions, SUM(CASE WHEN state = 'published' THEN id ELSE 0 END) AS published FROM calendar_year",
    );
    const changedAt = readTime(row?.changedAt);
    return [
      Number(row?.n ?? 0),
      changedAt?.getTime() ?? 0,
      Number(row?.versions ?? 0),
      Number(row?.published ?? 0),
    ].join(':');
  }

  getById(id: number): Promise<CalendarYearEntity | null> {
    return this.years.findOne({ where: { id }, ...WITH_EVENTS });
  }

  getByIds(ids: readonly number[]): Promise<CalendarYearEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.years.find({ where: { id: In([...ids]) } });
  }

  // Any state; the office's list.
  getAllByRegion(regionCode: string, year?: number): Promise<CalendarYearEntity[]> {
    const where: FindOptionsWhere<CalendarYearEntity> = { regionCode };
    if (year !== undefined) where.year = year;
    return this.years.find({ where, order: { year: 'DESC', route: 'ASC', id: 'DESC' } });
  }

  existsByKey(regionCode: string, year: number, route: string): Promise<boolean> {
    return this.years.existsBy({ regionCode, year, route });
  }

  // Returns the new calendar's id.
  create(year: NewCalendarYear, events: readonly NewCalendarEvent[]): Promise<number> {
    return this.unitOfWork.write(async () => {
      const result = await this.years.insert(year);
      const calendarYearId = Number(result.identifiers[0]?.id);
      await this.insertEvents(calendarYearId, events);
      return calendarYearId;
    });
  }

  async update(id: number, changes: CalendarYearChanges): Promise<void> {
    await this.unitOfWork.write(() => this.years.update({ id }, changes));
  }

  // A draft's events are replaced whole.
  async replaceEvents(calendarYearId: number, events: readonly NewCalendarEvent[]): Promise<void> {
    await this.unitOfWork.write(async () => {
      await this.events.delete({ calendarYearId });
      await this.insertEvents(calendarYearId, events);
    });
  }

  async updateEventDates(
    eventId: number,
    dates: Pick<CalendarEventEntity, 'startsAt' | 'endsAt'>,
  ): Promise<void> {
    await this.unitOfWork.write(() => this.events.update({ id: eventId }, dates));
  }

  private async insertEvents(
    calendarYearId: number,
    events: readonly NewCalendarEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    await this.events.insert(events.map((event) => ({ ...event, calendarYearId })));
  }
}
