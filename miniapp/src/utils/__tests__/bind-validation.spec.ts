import { validateBindForm } from '../bind-validation';

const NOW = new Date('2026-11-25T00:00:00Z');
// The first 17 digits of a number; withCheck adds the GB 11643 check digit.
const VALID = '65322119850312151';

function withCheck(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce(
    (total, digit, index) => total + Number(digit) * (weights[index] ?? 0),
    0,
  );
  return body + '10X98765432'.charAt(sum % 11);
}

describe('validateBindForm', () => {
  const good = { name: '张三', idCardNumber: withCheck(VALID), applicationNo: 'HT2023000123' };

  it('should accept a complete form', () => {
    expect(validateBindForm(good, NOW)).toEqual({});
  });

  it('should ask for the name when it is blank', () => {
    expect(validateBindForm({ ...good, name: '  ' }, NOW)).toEqual({
      name: 'me.bind.nameRequired',
    });
  });

  it('should tell a short number from a number whose check digit is wrong', () => {
    expect(validateBindForm({ ...good, idCardNumber: '6532211985' }, NOW).idCardNumber).toBe(
      'me.bind.idCardLength',
    );
    const wrongCheck =
      good.idCardNumber.slice(0, 17) + (good.idCardNumber.endsWith('0') ? '1' : '0');
    expect(validateBindForm({ ...good, idCardNumber: wrongCheck }, NOW).idCardNumber).toBe(
      'me.bind.idCardInvalid',
    );
  });

  it('should accept spaces and a lower-case x as typed', () => {
    const spaced = `${good.idCardNumber.slice(0, 6)} ${good.idCardNumber.slice(6)}`;
    expect(validateBindForm({ ...good, idCardNumber: spaced }, NOW)).toEqual({});
  });

  it('should refuse application numbers the server would refuse', () => {
    expect(validateBindForm({ ...good, applicationNo: 'HT 2023' }, NOW).applicationNo).toBe(
      'me.bind.applicationNoInvalid',
    );
    expect(validateBindForm({ ...good, applicationNo: 'abc' }, NOW).applicationNo).toBe(
      'me.bind.applicationNoInvalid',
    );
  });
});
