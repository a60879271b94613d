import { buildIcs, escapeIcsText, foldIcsLine } from './ics.util';

describe('escapeIcsText', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('foldIcsLine', () => {
  it('keeps a short line as it is', () => {
    expect(foldIcsLine('SUMMARY:网上申报')).toBe('SUMMARY:网上申报');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'和田'.repeat(30)}`;
    const folded = foldIcsLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});

describe('buildIcs', () => {
  const now = new Date('2023-08-20T06:00:00Z');

  it('writes a bare deadline as the hour before it, with a reminder relative to its end', () => {
    const ics = buildIcs(
      '我的',
      [
        {
          uid: 'u1',
          summary: '缴费',
          description: 'x',
          startsAt: null,
          endsAt: new Date('2023-09-29T16:00:00Z'),
          alarmMinutesBefore: 1440,
        },
      ],
      now,
    );
    expect(ics).toContain('DTSTART:20230929T150000Z\r\nDTEND:20230929T160000Z');
    expect(ics).toContain('TRIGGER;RELATED=END:-PT1440M');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes a window from its start and leaves the alarm out when none is wanted', () => {
    const ics = buildIcs(
      '年度',
      [
        {
          uid: 'u2',
          summary: '评审会',
          description: 'y',
          startsAt: new Date('2023-10-11T16:00:00Z'),
          endsAt: new Date('2023-11-10T16:00:00Z'),
          alarmMinutesBefore: null,
        },
      ],
      now,
    );
    expect(ics).toContain('DTSTART:20231011T160000Z\r\nDTEND:20231110T160000Z');
    expect(ics).not.toContain('VALARM');
    expect(ics).toContain('DTSTAMP:20230820T060000Z');
  });
});
