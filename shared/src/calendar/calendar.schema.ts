import { z } from 'zod';

import { CALENDAR_EVENT_KIND, EVALUATION_ROUTE } from './calendar.type';
import type { CalendarYearDefinition } from './calendar.type';

// Kept apart from the calendar data and types so a bundle that never validates ships no zod.
const BEIJING_DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  // Round-tripping through Date rejects days that do not exist, such as 2023-02-30.
  .refine((value) => {
    const noon = new Date(`${value}T12:00:00Z`);
    return !Number.isNaN(noon.getTime()) && noon.toISOString().slice(0, 10) === value;
  }, 'not a calendar date');

export const calendarEventDefinitionSchema = z
  .object({
    kind: z.enum(Object.values(CALENDAR_EVENT_KIND) as [string, ...string[]]),
    title: z.string().min(1).max(100),
    startsOn: BEIJING_DATE.optional(),
    endsOn: BEIJING_DATE,
    section: z.string().min(1).max(20),
    wording: z.string().min(1).max(500),
    interpretation: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((event) => event.startsOn === undefined || event.startsOn <= event.endsOn, {
    message: 'startsOn must not be after endsOn',
    path: ['startsOn'],
  });

export const calendarYearDefinitionSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    route: z.enum(Object.values(EVALUATION_ROUTE) as [string, ...string[]]),
    region: z.string().min(1).max(50),
    title: z.string().min(1).max(200),
    noticeDocumentNumber: z.string().min(1).max(100),
    events: z.array(calendarEventDefinitionSchema).min(1),
  })
  .strict()
  .refine(
    (calendar) => new Set(calendar.events.map((e) => e.kind)).size === calendar.events.length,
    {
      message: 'each event kind appears once a year',
      path: ['events'],
    },
  );

/**
 * Validates a year's calendar data before it is stored or used.
 *
 * @param input - untrusted calendar data (a seed file, a staff upload)
 * @returns the same data, typed
 * @throws ZodError listing every bad field
 * @example
 * parseCalendarYear(HOTAN_2023_CALENDAR).events.length // 8
 */
export function parseCalendarYear(input: unknown): CalendarYearDefinition {
  return calendarYearDefinitionSchema.parse(input) as CalendarYearDefinition;
}
