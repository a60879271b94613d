import { PERSON_NAME_REFUSAL, checkPersonName } from './person-name';

describe('checkPersonName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(checkPersonName('王建国')).toEqual({ isValid: true, name: '王建国' });
    expect(checkPersonName('阿依古丽·买买提')).toEqual({ isValid: true, name: '阿依古丽·买买提' });
    expect(checkPersonName('ئايگۈل مەمەت')).toEqual({ isValid: true, name: 'ئايگۈل مەمەت' });
  });

  it('removes bidi overrides, isolates and marks', () => {
    expect(checkPersonName('\u202e王建国\u202c')).toEqual({ isValid: true, name: '王建国' });
    expect(checkPersonName('\u2067ئايگۈل\u2069\u200f')).toEqual({ isValid: true, name: 'ئايگۈل' });
    expect(checkPersonName('王\u061c建国')).toEqual({ isValid: true, name: '王建国' });
  });

  it('removes zero-width characters, the BOM and soft hyphens', () => {
    expect(checkPersonName('\ufeff王\u200b建\u200d国\u00ad')).toEqual({
      isValid: true,
      name: '王建国',
    });
  });

  it('folds runs of whitespace into one space and trims the ends', () => {
    expect(checkPersonName('  Ayigul \t\u3000 Mamat\r\n')).toEqual({
      isValid: true,
      name: 'Ayigul Mamat',
    });
  });

  it('refuses a name that starts with a formula trigger, also behind invisible characters', () => {
    for (const name of ['=HYPERLINK("x")', '+86', '-1', '@SUM(A1)', '\u200b=1+1', ' \u202e@x']) {
      expect(checkPersonName(name)).toEqual({
        isValid: false,
        reason: PERSON_NAME_REFUSAL.FORMULA_TRIGGER,
      });
    }
  });

  it('keeps a trigger character inside a name', () => {
    expect(checkPersonName('Anne-Marie')).toEqual({ isValid: true, name: 'Anne-Marie' });
  });

  it('refuses a name with nothing visible', () => {
    expect(checkPersonName('\u200b\u202e \u3000')).toEqual({
      isValid: false,
      reason: PERSON_NAME_REFUSAL.EMPTY,
    });
    expect(checkPersonName('')).toEqual({ isValid: false, reason: PERSON_NAME_REFUSAL.EMPTY });
  });

  it('does not mutate its input', () => {
    const input = '\u202e王建国';
    checkPersonName(input);
    expect(input).toBe('\u202e王建国');
  });
});
