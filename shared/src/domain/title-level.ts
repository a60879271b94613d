import { assertUnreachable } from './assert-unreachable';
import { LEVEL_TIER, TITLE_LEVEL } from './application.type';
import type { LevelTier, TitleLevel } from './application.type';

/**
 * The tier a level is priced and rated in: 正高/副高 → 高级, 中级, 助理/员级 → 初级.
 *
 * @param level - the level
 * @example
 * levelTier('deputy_senior') // 'senior'
 */
export function levelTier(level: TitleLevel): LevelTier {
  switch (level) {
    case TITLE_LEVEL.FULL_SENIOR:
    case TITLE_LEVEL.DEPUTY_SENIOR:
      return LEVEL_TIER.SENIOR;
    case TITLE_LEVEL.INTERMEDIATE:
      return LEVEL_TIER.INTERMEDIATE;
    case TITLE_LEVEL.ASSISTANT:
    case TITLE_LEVEL.TECHNICIAN:
      return LEVEL_TIER.PRIMARY;
    default:
      return assertUnreachable(level);
  }
}

/**
 * The level above another, or null above 正高级.
 *
 * @param level - the current level
 * @example
 * nextTitleLevel('intermediate') // 'deputy_senior'
 */
export function nextTitleLevel(level: TitleLevel): TitleLevel | null {
  switch (level) {
    case TITLE_LEVEL.TECHNICIAN:
      return TITLE_LEVEL.ASSISTANT;
    case TITLE_LEVEL.ASSISTANT:
      return TITLE_LEVEL.INTERMEDIATE;
    case TITLE_LEVEL.INTERMEDIATE:
      return TITLE_LEVEL.DEPUTY_SENIOR;
    case TITLE_LEVEL.DEPUTY_SENIOR:
      return TITLE_LEVEL.FULL_SENIOR;
    case TITLE_LEVEL.FULL_SENIOR:
      return null;
    default:
      return assertUnreachable(level);
  }
}
