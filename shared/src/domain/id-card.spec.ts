import {
  ID_CARD_INVALID_REASON,
  checkIdCardNumber,
  maskIdCardNumber,
  normalizeIdCardNumber,
} from './id-card';

// Independent of the weight table in id-card.ts: ISO 7064 MOD 11-2 weighs position i (from the
// left) by 2^(17-i) mod 11 and picks the character that makes the weighted sum ≡ 1 (mod 11).
function withCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return first17 + (check === 10 ? 'X' : String(check));
}

const NOW = new Date('2024-06-01T00:00:00Z');
// Hotan city (653201), born 1990-05-17; worked by hand: weighted sum 318, 318 mod 11 = 10 → 1.
const HOTAN = '653201199005171231';
// Same person, next sequence number: weighted sum 328, 328 mod 11 = 9 → X.
const HOTAN_X = '65320119900517124X';
// The worked example printed in GB 11643-1999 itself.
const GB_EXAMPLE = '11010519491231002X';
// The first and last code of each range, and the gaps around them.
const VALID_PROVINCES = '11 15 21 23 31 37 41 46 50 54 61 65 71 81 82 91'.split(' ');
const INVALID_PROVINCES = '00 10 16 20 24 30 38 40 47 55 60 66 70 72 80 83 90 92 99'.split(' ');

describe('normalizeIdCardNumber', () => {
  it('removes surrounding and inner whitespace', () => {
    expect(normalizeIdCardNumber(' 653201 19900517 1231\t')).toBe(HOTAN);
  });

  it('upper-cases a trailing x', () => {
    expect(normalizeIdCardNumber('65320119900517124x')).toBe(HOTAN_X);
  });

  it('leaves an x anywhere else alone, for validation to reject', () => {
    expect(normalizeIdCardNumber('x5320119900517124x')).toBe('x5320119900517124X');
  });

  it('returns an already normalized number unchanged', () => {
    expect(normalizeIdCardNumber(GB_EXAMPLE)).toBe(GB_EXAMPLE);
  });
});

describe('checkIdCardNumber', () => {
  it('agrees with the test helper on the hand-checked fixtures', () => {
    expect(withCheckDigit(HOTAN.slice(0, 17))).toBe(HOTAN);
    expect(withCheckDigit(HOTAN_X.slice(0, 17))).toBe(HOTAN_X);
    expect(withCheckDigit(GB_EXAMPLE.slice(0, 17))).toBe(GB_EXAMPLE);
  });

  it.each([HOTAN, HOTAN_X, GB_EXAMPLE])('accepts %s', (value) => {
    expect(checkIdCardNumber(value, NOW)).toEqual({ isValid: true, normalized: value });
  });

  it('accepts a lowercase x and returns the normalized number', () => {
    expect(checkIdCardNumber(' 653201 19900517 124x ', NOW)).toEqual({
      isValid: true,
      normalized: HOTAN_X,
    });
  });

  it.each(VALID_PROVINCES)('accepts province code %s', (province) => {
    const value = withCheckDigit(`${province}0102199001011231`.slice(0, 17));
    expect(checkIdCardNumber(value, NOW).isValid).toBe(true);
  });

  it.each(['', '65320119900517123', '6532011990051712311', '653201900517123'])(
    'rejects %j as WRONG_LENGTH',
    (value) => {
      expect(checkIdCardNumber(value, NOW)).toEqual({
        isValid: false,
        reason: ID_CARD_INVALID_REASON.WRONG_LENGTH,
      });
    },
  );

  it.each([
    '65320119900517X231',
    'A53201199005171231',
    '６53201199005171231',
    '65320119900517123Y',
  ])('rejects %s as WRONG_CHARACTERS', (value) => {
    expect(checkIdCardNumber(value, NOW)).toEqual({
      isValid: false,
      reason: ID_CARD_INVALID_REASON.WRONG_CHARACTERS,
    });
  });

  it.each(INVALID_PROVINCES)('rejects province code %s as BAD_REGION', (province) => {
    const value = withCheckDigit(`${province}0102199001011231`.slice(0, 17));
    expect(checkIdCardNumber(value, NOW)).toEqual({
      isValid: false,
      reason: ID_CARD_INVALID_REASON.BAD_REGION,
    });
  });

  it.each([
    ['a day that does not exist', '19900230'],
    ['month 13', '19901301'],
    ['day 00', '19900500'],
    ['29 February of a common year', '19000229'],
    ['a year before 1900', '18991231'],
    ['the day after today', '20240602'],
  ])('rejects %s as BAD_BIRTH_DATE', (_label, birthDate) => {
    const value = withCheckDigit(`653201${birthDate}123`);
    expect(checkIdCardNumber(value, NOW)).toEqual({
      isValid: false,
      reason: ID_CARD_INVALID_REASON.BAD_BIRTH_DATE,
    });
  });

  it('rejects the 1880 example of GB 11643-1999 as BAD_BIRTH_DATE, its check digit right', () => {
    expect(checkIdCardNumber('440524188001010014', NOW)).toEqual({
      isValid: false,
      reason: ID_CARD_INVALID_REASON.BAD_BIRTH_DATE,
    });
  });

  it.each([
    ['1 January 1900', '19000101'],
    ['29 February of a leap year', '20000229'],
    ['today', '20240601'],
  ])('accepts a birth date of %s', (_label, birthDate) => {
    expect(checkIdCardNumber(withCheckDigit(`653201${birthDate}123`), NOW).isValid).toBe(true);
  });

  it('judges "today" as the Beijing day', () => {
    const bornOnBeijingJune2 = withCheckDigit('65320120240602123');
    // 16:00 UTC on 1 June is already 00:00 on 2 June in Beijing.
    const lastSecondOfJune1 = new Date('2024-06-01T15:59:59Z');
    const firstSecondOfJune2 = new Date('2024-06-01T16:00:00Z');
    expect(checkIdCardNumber(bornOnBeijingJune2, lastSecondOfJune1).isValid).toBe(false);
    expect(checkIdCardNumber(bornOnBeijingJune2, firstSecondOfJune2).isValid).toBe(true);
  });

  it.each(['653201199005171230', '653201199005171232', '65320119900517123X', '110105194912310021'])(
    'rejects %s as BAD_CHECK_DIGIT',
    (value) => {
      expect(checkIdCardNumber(value, NOW)).toEqual({
        isValid: false,
        reason: ID_CARD_INVALID_REASON.BAD_CHECK_DIGIT,
      });
    },
  );

  it('reports the first failing rule: region before birth date before check digit', () => {
    // Region 00, year 1899, month 13 and a wrong check digit all at once.
    expect(checkIdCardNumber('001201189913321230', NOW)).toMatchObject({ reason: 'BAD_REGION' });
    // The same with a valid region.
    expect(checkIdCardNumber('653201189913321230', NOW)).toMatchObject({
      reason: 'BAD_BIRTH_DATE',
    });
  });
});

describe('maskIdCardNumber', () => {
  it('keeps the region code and the last 4, hiding the 8 between', () => {
    expect(maskIdCardNumber('650102199001011234')).toBe('650102********1234');
  });

  it('masks a number with a trailing X', () => {
    expect(maskIdCardNumber(HOTAN_X)).toBe('653201********124X');
  });

  it('normalizes first, so a number typed with spaces and a lowercase x masks the same way', () => {
    expect(maskIdCardNumber(' 653201 19900517 124x ')).toBe('653201********124X');
  });

  it.each([
    ['17 characters', '65320119900517123', '*************7123'],
    ['19 characters', '6532011990051712311', '***************2311'],
    ['5 characters', '12345', '*2345'],
  ])('keeps only the last 4 of %s', (_label, value, masked) => {
    expect(maskIdCardNumber(value)).toBe(masked);
  });

  it.each(['', '1', '1234'])('masks all of a value of 4 characters or fewer (%j)', (value) => {
    expect(maskIdCardNumber(value)).toBe('*'.repeat(value.length));
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskIdCardNumber('😀😀abcd')).toBe('**abcd');
  });

  it('never returns a value of any length unmasked', () => {
    for (let length = 1; length <= 40; length += 1) {
      const value = '1'.repeat(length);
      expect(maskIdCardNumber(value)).not.toBe(value);
    }
  });
});
