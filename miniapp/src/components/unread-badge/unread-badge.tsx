import { View } from '@tarojs/components';

import { isolate } from '@titletrack/shared/locales';

import { useIsRtl } from '../../locales';
import './unread-badge.scss';

export interface UnreadBadgeProps {
  count: number;
  // Where the badge sits is its host's affair (under a tab's label, in a tile's corner).
  className?: string;
}

// Beyond two digits the pill would cover its host's label; the exact count is in the inbox.
const MOST_SHOWN = 99;

// The red pill with an unread count. It is hidden from screen readers: each host says the count
// in words once (the tab bar beside its tab, the home screen in its summary line).
export function UnreadBadge({ count, className }: UnreadBadgeProps): JSX.Element | null {
  const isRtl = useIsRtl();
  if (count <= 0) return null;
  const shown = count > MOST_SHOWN ? `${MOST_SHOWN}+` : String(count);
  return (
    <View
      className={className ? `tt-unread-badge ${className}` : 'tt-unread-badge'}
      aria-hidden="true"
    >
      {isolate(shown, isRtl)}
    </View>
  );
}
