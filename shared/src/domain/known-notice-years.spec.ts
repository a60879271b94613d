import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import { KNOWN_NOTICE_YEARS, findNoticeYear } from './known-notice-years';

describe('findNoticeYear (the notice years whose rules are known)', () => {
  it('finds the 2023 Hotan notice by its year and route', () => {
    expect(findNoticeYear(2023, HOTAN_2023.calendar.route)).toBe(HOTAN_2023);
    expect(KNOWN_NOTICE_YEARS).toContain(HOTAN_2023);
  });

  it('knows no other year, and no other route of 2023', () => {
    expect(findNoticeYear(2024, HOTAN_2023.calendar.route)).toBeNull();
    expect(findNoticeYear(2023, 'somewhere_else')).toBeNull();
  });
});
