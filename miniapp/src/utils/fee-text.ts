import { LEVEL_TIER_LABEL, TITLE_LEVEL_LABEL, levelTier } from '@titletrack/shared/domain';
import type { TitleLevel } from '@titletrack/shared/domain';

import type { Translate } from '../locales';

// The level an amount is priced by, named once: "副高级 (高级)" says something, "中级（中级）" does not.
export function levelText(t: Translate, level: TitleLevel): string {
  const tier = levelTier(level);
  const levelLabel = t(`level.${level}`);
  if (LEVEL_TIER_LABEL[tier] === TITLE_LEVEL_LABEL[level]) return levelLabel;
  return t('fee.byLevel', { tier: t(`tier.${tier}`), level: levelLabel });
}
