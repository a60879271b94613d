// iCalendar (RFC 5545) files for "add to my phone's calendar". Instants are written in UTC
// (…Z), so every phone shows them in its own zone; the Beijing/Xinjiang wording goes in the
// description, where a person reads it.

export interface IcsEvent {
  uid: string;
  summary: string;
  description: string;
  // A window's opening; null for a bare deadline (written as the hour before it).
  startsAt: Date | null;
  endsAt: Date;
  // Minutes before the end at which the phone should remind; none when null.
  alarmMinutesBefore: number | null;
}

const HOUR_MS = 3_600_000;

const stamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11).
export const escapeIcsText = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

// Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character.
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildIcs(calendarName: string, events: readonly IcsEvent[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//TitleTrack//职称通//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(calendarName)}`,
  ];
  for (const event of events) {
    const start = event.startsAt ?? new Date(event.endsAt.getTime() - HOUR_MS);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(event.endsAt)}`,
      `SUMMARY:${escapeIcsText(event.summary)}`,
      `DESCRIPTION:${escapeIcsText(event.description)}`,
    );
    if (event.alarmMinutesBefore !== null) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeIcsText(event.summary)}`,
        // Relative to the end: the reminder is about the deadline, not the window's opening.
        `TRIGGER;RELATED=END:-PT${event.alarmMinutesBefore}M`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
