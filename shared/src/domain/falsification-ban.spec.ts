import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { checkFalsificationBan, falsificationBanYears } from './falsification-ban';

describe('R19 falsificationBanYears', () => {
  it('R19 bars the 3 years from the year after the application year', () => {
    expect(falsificationBanYears(2023, HOTAN_2023_RULES)).toEqual([2024, 2025, 2026]);
  });
});

describe('R19 checkFalsificationBan', () => {
  it.each([
    [2023, false],
    [2024, true],
    [2026, true],
    [2027, false],
  ])('R19 after falsification in 2023, applying in %i is barred: %s', (year, isBanned) => {
    expect(checkFalsificationBan([2023], year, HOTAN_2023_RULES).isBanned).toBe(isBanned);
  });

  it('R19 reports the longest ban when there are several findings', () => {
    expect(checkFalsificationBan([2021, 2023], 2024, HOTAN_2023_RULES)).toEqual({
      isBanned: true,
      sinceApplicationYear: 2023,
      lastBannedYear: 2026,
    });
  });

  it('R19 no findings, no ban', () => {
    expect(checkFalsificationBan([], 2024, HOTAN_2023_RULES)).toEqual({ isBanned: false });
  });
});
