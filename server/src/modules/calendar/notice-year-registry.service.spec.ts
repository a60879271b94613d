import { HOTAN_2023_CALENDAR, toCalendarEvents } from '@titletrack/shared/calendar';
import { HOTAN_2023_RULES } from '@titletrack/shared/domain';

import type { CalendarEventEntity } from './calendar-event.entity';
import type { CalendarYearEntity } from './calendar-year.entity';
import type { CalendarRepository } from './calendar.repository';
import { NoticeYearRegistry, toCalendarDefinition } from './notice-year-registry.service';

// The 2023 Hotan calendar as the database holds it once published.
const stored = (overrides: Partial<CalendarYearEntity> = {}): CalendarYearEntity => ({
  id: 1,
  year: 2023,
  route: 'prefecture_directed',
  regionCode: '6532',
  region: HOTAN_2023_CALENDAR.region,
  state: 'published',
  noticeText: null,
  rules: JSON.stringify(HOTAN_2023_RULES),
  version: 1,
  publishedAt: new Date('2023-07-12T02:00:00Z'),
  publishedByStaffId: null,
  title: HOTAN_2023_CALENDAR.title,
  noticeDocumentNumber: HOTAN_2023_CALENDAR.noticeDocumentNumber,
  events: toCalendarEvents(HOTAN_2023_CALENDAR).map((event, i): CalendarEventEntity => ({
    id: i + 1,
    calendarYearId: 1,
    ...event,
    reading: null,
    isConfirmed: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  })),
  createdAt: new Date(),
  updatedAt: new Date(),
  ...overrides,
});

const repositoryWith = (
  years: CalendarYearEntity[],
  stamp = 's1',
): jest.Mocked<Pick<CalendarRepository, 'getAllPublishedWithEvents' | 'getChangeStamp'>> => ({
  getAllPublishedWithEvents: jest.fn().mockResolvedValue(years),
  getChangeStamp: jest.fn().mockResolvedValue(stamp),
});

describe(toCalendarDefinition.name, () => {
  it('reads stored instants back as the Beijing days of the hand-made calendar', () => {
    const definition = toCalendarDefinition(stored());
    expect({ ...definition, events: [...definition.events] }).toEqual({
      ...HOTAN_2023_CALENDAR,
      events: [...HOTAN_2023_CALENDAR.events].sort((a, b) => a.endsOn.localeCompare(b.endsOn) || 0),
    });
  });
});

describe(NoticeYearRegistry.name, () => {
  it('finds a published notice by region, year and route, from memory', async () => {
    const repository = repositoryWith([stored()]);
    const sut = new NoticeYearRegistry(repository as unknown as CalendarRepository);
    await sut.refresh();
    expect(sut.find('6532', 2023, 'prefecture_directed')?.rules).toEqual(HOTAN_2023_RULES);
    expect(sut.find('6531', 2023, 'prefecture_directed')).toBeNull();
    expect(sut.find('6532', 2024, 'prefecture_directed')).toBeNull();
    expect(sut.all()).toEqual([
      expect.objectContaining({ regionCode: '6532', calendarYearId: 1, version: 1 }),
    ]);
  });

  it("judges a 推荐自治区评审 application by the autonomous region's notice", async () => {
    const region = stored({ id: 2, regionCode: '65', route: 'region' });
    const sut = new NoticeYearRegistry(
      repositoryWith([stored(), region]) as unknown as CalendarRepository,
    );
    await sut.refresh();
    const forRegionRoute = sut.forApplication({ regionCode: '6532', year: 2023, route: 'region' });
    expect(forRegionRoute?.calendar.route).toBe('region');
    expect(
      sut.forApplication({ regionCode: '6532', year: 2023, route: 'prefecture_directed' })?.calendar
        .route,
    ).toBe('prefecture_directed');
  });

  it('reloads on a poll only when the stamp changed', async () => {
    const repository = repositoryWith([stored()]);
    const sut = new NoticeYearRegistry(repository as unknown as CalendarRepository);
    await sut.refresh();
    await expect(sut.refreshIfChanged()).resolves.toBe(false);
    expect(repository.getAllPublishedWithEvents).toHaveBeenCalledTimes(1);
    repository.getChangeStamp.mockResolvedValue('s2');
    repository.getAllPublishedWithEvents.mockResolvedValue([]);
    await expect(sut.refreshIfChanged()).resolves.toBe(true);
    expect(sut.find('6532', 2023, 'prefecture_directed')).toBeNull();
  });

  it('skips a calendar without rules and keeps the others', async () => {
    const broken = stored({ id: 3, regionCode: '6531', rules: null });
    const sut = new NoticeYearRegistry(
      repositoryWith([broken, stored()]) as unknown as CalendarRepository,
    );
    jest.spyOn(sut['logger'], 'warn').mockImplementation(() => undefined);
    await sut.refresh();
    expect(sut.all().map((year) => year.calendarYearId)).toEqual([1]);
  });
});
