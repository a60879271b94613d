import { DATE_READING } from './notice-draft.type';
import type { DateReading } from './notice-draft.type';

// A date as the notice writes it: a day, a month, the end of a month, or a vague part of one.
type DatePart = 'day' | 'month' | 'end_of_month' | 'vague';

interface DateToken {
  index: number;
  end: number;
  year: number | null;
  month: number;
  day: number | null;
  part: DatePart;
  hour: number | null;
  minute: number | null;
}

export interface DateWindow {
  index: number; // where in the sentence its first date starts
  startsAt: string | null;
  endsAt: string | null;
  reading: DateReading;
}

export interface SentenceDates {
  windows: DateWindow[];
  hasVagueDate: boolean;
  hasInconsistentRange: boolean;
}

// Carried across sentences: a date without a year takes the last year the text wrote.
export interface YearCursor {
  year: number;
}

const DATE_TOKEN =
  /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|(底|末)|(上旬|中旬|下旬|初))?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})|\s*(\d{1,2})\s*[时点])?/g;
// "8月10日—9月10日", "8月10日-9月10日", "8月10日至9月10日", "7月1日起至7月31日止".
const RANGE_SEPARATOR = /^\s*(?:起|开始)?\s*(?:—+|–|－|-|~|～|至|到)\s*/;
const DAY_ONLY_AFTER_SEPARATOR = /^(\d{1,2})\s*[日号](?:\s*(\d{1,2})\s*[:：]\s*(\d{2}))?/;
const INCLUSIVE_MARK = /^\s*(?:之前|以前|前|止|为止)?\s*[（(]\s*含/;
const STRICT_BEFORE_MARK = /^\s*(?:之前|以前|前)/;
const END_MARK = /^\s*(?:止|为止|截止)/;
const START_MARK = /^\s*(?:起|开始|始)/;
const DEADLINE_PREFIX = /(?:截止|截至)[^，,。；\d]{0,8}$/;

function toNumber(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}

function readTokens(sentence: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const match of sentence.matchAll(DATE_TOKEN)) {
    const [text, year, month, day, endOfMonth, vague, hour, minute, hourOnly] = match;
    const part: DatePart =
      day !== undefined ? 'day' : endOfMonth ? 'end_of_month' : vague ? 'vague' : 'month';
    tokens.push({
      index: match.index,
      end: match.index + text.length,
      year: toNumber(year),
      month: Number(month),
      day: toNumber(day),
      part,
      hour: toNumber(hour ?? hourOnly),
      minute: hour !== undefined || hourOnly !== undefined ? Number(minute ?? 0) : null,
    });
  }
  return tokens;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Wall-clock numbers go through Date.UTC only for its overflow arithmetic (24:00, day 32).
function beijingIso(year: number, month: number, day: number, hour = 0, minute = 0): string {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00+08:00`
  );
}

interface ResolvedDate {
  token: DateToken;
  year: number;
  firstDay: number;
  lastDay: number;
}

function resolve(token: DateToken, year: number): ResolvedDate | null {
  if (token.month < 1 || token.month > 12) return null;
  const monthDays = daysInMonth(year, token.month);
  if (token.part === 'day') {
    if (token.day === null || token.day < 1 || token.day > monthDays) return null;
    return { token, year, firstDay: token.day, lastDay: token.day };
  }
  return {
    token,
    year,
    firstDay: token.part === 'end_of_month' ? monthDays : 1,
    lastDay: monthDays,
  };
}

function startOf(date: ResolvedDate): string {
  const { token } = date;
  return beijingIso(date.year, token.month, date.firstDay, token.hour ?? 0, token.minute ?? 0);
}

// The first instant after the date: its clock time if written, else the next day's 00:00.
function endOf(date: ResolvedDate): string {
  const { token } = date;
  if (token.hour !== null)
    return beijingIso(date.year, token.month, date.lastDay, token.hour, token.minute ?? 0);
  return beijingIso(date.year, token.month, date.lastDay + 1);
}

type Role = 'start' | 'strict_end' | 'inclusive_end' | 'bare';

// "9月30日（星期六）前": the weekday note sits between the date and its qualifier.
const WEEKDAY_NOTE = /^\s*[（(](?:星期|周)[一二三四五六日天][）)]/;

function roleOf(sentence: string, token: DateToken, nextIndex: number): Role {
  const after = sentence.slice(token.end, nextIndex).replace(WEEKDAY_NOTE, '');
  if (INCLUSIVE_MARK.test(after)) return 'inclusive_end';
  // "11月底前" is read as "by the end of November": the month's last day still counts.
  if (STRICT_BEFORE_MARK.test(after)) {
    return token.part === 'end_of_month' ? 'inclusive_end' : 'strict_end';
  }
  if (END_MARK.test(after)) return 'inclusive_end';
  if (START_MARK.test(after)) return 'start';
  if (DEADLINE_PREFIX.test(sentence.slice(0, token.index))) return 'inclusive_end';
  return 'bare';
}

function endReading(end: ResolvedDate, role: Role): DateReading {
  if (end.token.hour !== null) return DATE_READING.EXPLICIT_TIME;
  if (role === 'strict_end') return DATE_READING.STRICT_BEFORE;
  if (end.token.part === 'end_of_month') return DATE_READING.END_OF_MONTH;
  return DATE_READING.INCLUSIVE;
}

function endInstant(end: ResolvedDate, role: Role): string {
  // "X日之前" ends when day X begins: the house reading, one day early rather than one late.
  return role === 'strict_end' ? startOf(end) : endOf(end);
}

/**
 * Reads the date windows one sentence states, as Beijing-time instants.
 *
 * @param sentence - one sentence of a notice, digits already half-width
 * @param cursor - the year in force; updated when the sentence writes a year
 * @example
 * readSentenceDates('截止时间为9月30日之前。', { year: 2023 }).windows
 * // [{ index: 5, startsAt: null, endsAt: '2023-09-30T00:00:00+08:00', reading: 'strict_before' }]
 */
export function readSentenceDates(sentence: string, cursor: YearCursor): SentenceDates {
  const tokens = readTokens(sentence);
  const windows: DateWindow[] = [];
  let hasVagueDate = false;
  let hasInconsistentRange = false;
  let pendingStart: ResolvedDate | null = null;

  const take = (token: DateToken): ResolvedDate | null => {
    if (token.year !== null) cursor.year = token.year;
    return resolve(token, cursor.year);
  };
  const push = (window: DateWindow) => {
    if (window.startsAt !== null && window.endsAt !== null && window.endsAt <= window.startsAt) {
      hasInconsistentRange = true;
      return;
    }
    windows.push(window);
  };
  const flushStart = () => {
    if (pendingStart === null) return;
    const reading =
      pendingStart.token.hour !== null ? DATE_READING.EXPLICIT_TIME : DATE_READING.START_ONLY;
    push({
      index: pendingStart.token.index,
      startsAt: startOf(pendingStart),
      endsAt: null,
      reading,
    });
    pendingStart = null;
  };

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token === undefined) continue;
    if (token.part === 'vague') {
      hasVagueDate = true;
      continue;
    }
    const next = tokens[i + 1];
    const afterToken = sentence.slice(token.end, next?.index ?? sentence.length);
    const separator = RANGE_SEPARATOR.exec(afterToken);

    if (separator !== null) {
      const start = take(token);
      const rest = afterToken.slice(separator[0].length);
      let endToken: DateToken | null = null;
      if (next !== undefined && rest.trim() === '') {
        endToken = next;
        i += 1;
      } else {
        const dayOnly = DAY_ONLY_AFTER_SEPARATOR.exec(rest);
        if (dayOnly !== null) {
          const index = token.end + separator[0].length;
          endToken = {
            index,
            end: index + dayOnly[0].length,
            year: null,
            month: token.month,
            day: Number(dayOnly[1]),
            part: 'day',
            hour: toNumber(dayOnly[2]),
            minute: toNumber(dayOnly[3]),
          };
        }
      }
      if (start !== null && endToken !== null && endToken.part !== 'vague') {
        flushStart();
        // "12月1日至1月10日": an end month before the start month is in the next year.
        if (endToken.year === null && endToken.month < token.month) cursor.year = start.year + 1;
        const end = take(endToken);
        if (end === null) continue;
        const after = tokens[i + 1];
        const role = roleOf(sentence, endToken, after?.index ?? sentence.length);
        const reading =
          start.token.hour !== null ? DATE_READING.EXPLICIT_TIME : endReading(end, role);
        push({
          index: token.index,
          startsAt: startOf(start),
          endsAt: endInstant(end, role),
          reading,
        });
        continue;
      }
      if (endToken?.part === 'vague') {
        hasVagueDate = true;
        continue;
      }
    }

    const date = take(token);
    if (date === null) continue;
    const role = roleOf(sentence, token, next?.index ?? sentence.length);
    if (role === 'start') {
      flushStart();
      pendingStart = date;
      continue;
    }
    if (role === 'bare' && token.part !== 'end_of_month' && pendingStart === null) {
      const reading =
        token.hour !== null
          ? DATE_READING.EXPLICIT_TIME
          : token.part === 'month'
            ? DATE_READING.WHOLE_MONTH
            : DATE_READING.SINGLE_DAY;
      // "10月15日9:00召开": it starts at that time and takes the rest of the day.
      const endsAt =
        token.hour === null ? endOf(date) : beijingIso(date.year, token.month, date.lastDay + 1);
      push({ index: token.index, startsAt: startOf(date), endsAt, reading });
      continue;
    }
    const endRole = role === 'bare' ? 'inclusive_end' : role;
    const start: ResolvedDate | null = pendingStart;
    pendingStart = null;
    const reading =
      start !== null && start.token.hour !== null
        ? DATE_READING.EXPLICIT_TIME
        : endReading(date, endRole);
    push({
      index: start?.token.index ?? token.index,
      startsAt: start === null ? null : startOf(start),
      endsAt: endInstant(date, endRole),
      reading,
    });
  }
  flushStart();
  return { windows, hasVagueDate, hasInconsistentRange };
}
