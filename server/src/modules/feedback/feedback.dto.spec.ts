import { maskContact } from './feedback.dto';

describe('maskContact', () => {
  it('keeps the first three and last two characters of a long contact', () => {
    expect(maskContact('13912345678')).toBe('139****78');
  });

  it('keeps the first and last character of a short one', () => {
    expect(maskContact('wx-abc')).toBe('w****c');
  });

  it('masks a contact of one or two characters entirely', () => {
    expect(maskContact('ab')).toBe('****');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskContact('😀电话😀')).toBe('😀****😀');
  });

  it('does not tell the length of the masked part', () => {
    expect(maskContact('1234567890123456').length).toBe(maskContact('12345678').length);
  });
});
