import { beijingDateOf, isCalendarDate } from '../calendar/beijing-day';

// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence and a
// check digit. It is sensitive personal information under PIPL, so this file only validates and
// masks; encryption and the blind index live on the server. Pure: it runs in the mini-app too.

const LENGTH = 18;
const CHARACTERS_PATTERN = /^\d{17}[\dX]$/;
// Provinces, autonomous regions and municipalities (GB/T 2260), plus 71 Taiwan, 81 Hong Kong,
// 82 Macao and 91 for numbers issued abroad.
const PROVINCE_CODE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [71, 71],
  [81, 82],
  [91, 91],
];
const MIN_BIRTH_YEAR = 1900;
// ISO 7064 MOD 11-2: weight of position i (from the left) is 2^(17-i) mod 11; the check digit
// makes the weighted sum ≡ 1 (mod 11), with X standing for 10.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_DIGITS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;
const KEPT_HEAD = 6;
const KEPT_TAIL = 4;

export const ID_CARD_INVALID_REASON = {
  WRONG_LENGTH: 'WRONG_LENGTH',
  WRONG_CHARACTERS: 'WRONG_CHARACTERS',
  BAD_REGION: 'BAD_REGION',
  BAD_BIRTH_DATE: 'BAD_BIRTH_DATE',
  BAD_CHECK_DIGIT: 'BAD_CHECK_DIGIT',
} as const;
export type IdCardInvalidReason =
  (typeof ID_CARD_INVALID_REASON)[keyof typeof ID_CARD_INVALID_REASON];

export type IdCardCheck =
  { isValid: true; normalized: string } | { isValid: false; reason: IdCardInvalidReason };

/**
 * The canonical form of an ID-card number as typed: no surrounding or inner whitespace, and a
 * trailing check character x in upper case. It does not validate.
 *
 * @param input - the number as typed or pasted
 * @example
 * normalizeIdCardNumber(' 110105 19491231 002x ') // '11010519491231002X'
 */
export function normalizeIdCardNumber(input: string): string {
  return input.replace(/\s+/g, '').replace(/x$/, 'X');
}

/**
 * Validates an ID-card number: 18 characters, a known province code, a real birth date between
 * 1900 and today (Beijing), and the GB 11643-1999 check digit. The first failing rule is reported.
 *
 * @param input - the number as typed; it is normalized first
 * @param now - the moment "today" is judged at
 * @example
 * checkIdCardNumber('11010519491231002x', new Date('2024-01-01'))
 * // { isValid: true, normalized: '11010519491231002X' }
 */
export function checkIdCardNumber(input: string, now: Date): IdCardCheck {
  const normalized = normalizeIdCardNumber(input);
  const invalid = (reason: IdCardInvalidReason): IdCardCheck => ({ isValid: false, reason });

  if (normalized.length !== LENGTH) return invalid(ID_CARD_INVALID_REASON.WRONG_LENGTH);
  if (!CHARACTERS_PATTERN.test(normalized)) return invalid(ID_CARD_INVALID_REASON.WRONG_CHARACTERS);
  if (!isProvinceCode(Number(normalized.slice(0, 2)))) {
    return invalid(ID_CARD_INVALID_REASON.BAD_REGION);
  }
  if (!isBirthDatePlausible(normalized.slice(6, 14), now)) {
    return invalid(ID_CARD_INVALID_REASON.BAD_BIRTH_DATE);
  }
  if (normalized[17] !== checkDigitOf(normalized)) {
    return invalid(ID_CARD_INVALID_REASON.BAD_CHECK_DIGIT);
  }
  return { isValid: true, normalized };
}

/**
 * The number for display: the region code and the last 4 characters kept, the birth date and
 * sequence hidden. Anything that is not 18 characters keeps only its last 4 (none when it has 4
 * or fewer), so the input never comes back unmasked.
 *
 * @param value - a number, normalized or as typed
 * @example
 * maskIdCardNumber('650102199001011234') // '650102********1234'
 */
export function maskIdCardNumber(value: string): string {
  // Code points, so a stray emoji or CJK extension character is masked whole, not split in half.
  const characters = Array.from(normalizeIdCardNumber(value));
  if (characters.length === LENGTH) {
    const hidden = LENGTH - KEPT_HEAD - KEPT_TAIL;
    return (
      characters.slice(0, KEPT_HEAD).join('') +
      '*'.repeat(hidden) +
      characters.slice(LENGTH - KEPT_TAIL).join('')
    );
  }
  const kept = characters.length > KEPT_TAIL ? KEPT_TAIL : 0;
  return '*'.repeat(characters.length - kept) + characters.slice(characters.length - kept).join('');
}

function isProvinceCode(code: number): boolean {
  return PROVINCE_CODE_RANGES.some(([first, last]) => code >= first && code <= last);
}

function isBirthDatePlausible(yyyymmdd: string, now: Date): boolean {
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (Number(yyyymmdd.slice(0, 4)) < MIN_BIRTH_YEAR || !isCalendarDate(date)) return false;
  // Same-format YYYY-MM-DD strings compare in calendar order; the number is issued in China, so
  // "today" is the Beijing day.
  return date <= beijingToday(now);
}

// Imports check a million numbers against one `now`: the Beijing date of the last instant seen
// is kept, since formatting it costs more than the rest of the check together.
let lastToday: { at: number; date: string } | null = null;
function beijingToday(now: Date): string {
  const at = now.getTime();
  if (lastToday?.at !== at) lastToday = { at, date: beijingDateOf(now) };
  return lastToday.date;
}

function checkDigitOf(normalized: string): string {
  let sum = 0;
  CHECK_WEIGHTS.forEach((weight, index) => {
    sum += Number(normalized[index]) * weight;
  });
  return CHECK_DIGITS[sum % 11] ?? '';
}
