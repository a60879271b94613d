import { View } from '@tarojs/components';

import type { Messages } from '@titletrack/shared/locales';

import { useT } from '../../locales';
import { pressable } from '../a11y';
import { UnreadBadge } from '../unread-badge';
import './nav-grid.scss';

export interface NavGridItem {
  // A screen under `nav.` in the catalogue: its label and its element id.
  key: keyof Messages['nav'];
  badge?: number | null;
  onOpen: () => void;
}

export interface NavGridProps {
  items: NavGridItem[];
}

const classPrefix = 'tt-nav';

// The applicant's screens as large tiles (each at least 44 px): home is the only tab a phone
// opens to, the rest are one tap away.
export function NavGrid({ items }: NavGridProps): JSX.Element {
  const t = useT();
  return (
    <View className={classPrefix} id="nav-grid">
      {items.map((item) => (
        <View
          key={item.key}
          className={`${classPrefix}__item`}
          id={`nav-${item.key}`}
          {...pressable('link', item.onOpen)}
        >
          {t(`nav.${item.key}`)}
          <UnreadBadge count={item.badge ?? 0} className={`${classPrefix}__badge`} />
        </View>
      ))}
    </View>
  );
}
