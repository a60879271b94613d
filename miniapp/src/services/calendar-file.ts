import Taro from '@tarojs/taro';

import { API_ROUTES } from '@titletrack/shared/contract';

import { downloadInBrowser } from '../utils/browser-download';
import { appNow, isClockOverridden } from '../utils/clock';
import { isH5 } from '../utils/platform';
import { http } from './http';

const ICS_MEDIA_TYPE = 'text/calendar;charset=utf-8';

export interface PhoneCalendarEvent {
  title: string;
  description: string;
  startsAt: Date | null;
  endsAt: Date;
}

// WeChat cannot open an .ics file; it adds events to the phone's calendar one by one instead
// (each with the user's confirmation).
async function addToWechatCalendar(events: readonly PhoneCalendarEvent[]): Promise<void> {
  for (const event of events) {
    await Taro.addPhoneCalendar({
      title: event.title,
      description: event.description,
      startTime: Math.floor(
        (event.startsAt ?? new Date(event.endsAt.getTime() - 3_600_000)).getTime() / 1000,
      ),
      // Taro types endTime as a string (WeChat takes Unix seconds either way).
      endTime: String(Math.floor(event.endsAt.getTime() / 1000)),
      alarm: true,
      alarmOffset: 24 * 3600,
    });
  }
}

// The year's deadlines: on H5 the server's .ics file (public), in WeChat the phone calendar.
export async function addYearToPhoneCalendar(
  year: number,
  events: readonly PhoneCalendarEvent[],
): Promise<'downloaded' | 'added'> {
  if (!isH5()) {
    await addToWechatCalendar(events);
    return 'added';
  }
  const text = await http.get<string>(API_ROUTES.calendarIcs(year));
  downloadInBrowser(String(text), `titletrack-${year}.ics`, ICS_MEDIA_TYPE);
  return 'downloaded';
}

// My own deadlines (signed in). The demo clock travels along so a demo shows its own dates.
export async function addMineToPhoneCalendar(
  events: readonly PhoneCalendarEvent[],
): Promise<'downloaded' | 'added'> {
  if (!isH5()) {
    await addToWechatCalendar(events);
    return 'added';
  }
  const params: Record<string, string> = isClockOverridden() ? { now: appNow().toISOString() } : {};
  const text = await http.get<string>(API_ROUTES.myCalendarIcs, params);
  downloadInBrowser(String(text), 'titletrack-my-deadlines.ics', ICS_MEDIA_TYPE);
  return 'downloaded';
}
