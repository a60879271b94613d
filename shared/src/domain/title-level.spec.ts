import type { TITLE_LEVEL } from './application.type';
import { levelTier, nextTitleLevel } from './title-level';

describe('levelTier', () => {
  it.each([
    ['full_senior', 'senior'],
    ['deputy_senior', 'senior'],
    ['intermediate', 'intermediate'],
    ['assistant', 'primary'],
    ['technician', 'primary'],
  ] as const)('%s → %s', (level, tier) => {
    expect(levelTier(level)).toBe(tier);
  });
});

describe('nextTitleLevel', () => {
  it('climbs one level at a time and stops at 正高级', () => {
    const ladder = [];
    for (
      let level: (typeof TITLE_LEVEL)[keyof typeof TITLE_LEVEL] | null = 'technician';
      level !== null;
      level = nextTitleLevel(level)
    ) {
      ladder.push(level);
    }
    expect(ladder).toEqual([
      'technician',
      'assistant',
      'intermediate',
      'deputy_senior',
      'full_senior',
    ]);
  });
});
