import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useT } from '../../locales';
import { ROUTES } from '../../utils/routes';
import { pressable } from '../a11y';
import { UnreadBadge } from '../unread-badge';
import './tab-bar.scss';

export const TAB = {
  HOME: 'home',
  PROGRESS: 'progress',
  INBOX: 'inbox',
  ME: 'me',
} as const;
export type TabKey = (typeof TAB)[keyof typeof TAB];

const TAB_URL: Record<TabKey, string> = {
  home: ROUTES.home,
  progress: ROUTES.application(),
  inbox: ROUTES.inbox,
  me: ROUTES.me,
};

export interface TabBarProps {
  current: TabKey;
  // Unread messages, shown on the inbox tab when the page has the count at hand.
  unread?: number | null;
  // Elder mode: 60 px tap targets instead of 44.
  isLargeText?: boolean;
  onSwitch?: (url: string) => void;
}

const classPrefix = 'tt-tab-bar';

// WeChat's native tabBar needs its pages in the main package, and three of ours live in the
// applicant subpackage (500 KB main-package budget), so this bar is drawn by each tab page.
// Switching relaunches: the page stack never grows by going round the tabs.
const relaunch = (url: string): void => {
  void Taro.reLaunch({ url }).catch(() => undefined);
};

export function TabBar({
  current,
  unread = null,
  isLargeText = false,
  onSwitch = relaunch,
}: TabBarProps): JSX.Element {
  const t = useT();
  // Inline, in CSS px: the stylesheets' units become rem on H5 and shrink on narrow phones.
  const tapStyle = { minHeight: isLargeText ? '60px' : '44px' };
  return (
    <View className={classPrefix} id="tab-bar" role="navigation" aria-label={t('tabBar.label')}>
      {Object.values(TAB).map((tab) => {
        const isCurrent = tab === current;
        const badge = tab === TAB.INBOX && unread ? unread : null;
        return (
          <View
            key={tab}
            id={`tab-${tab}`}
            className={`${classPrefix}__item${isCurrent ? ` ${classPrefix}__item--current` : ''}`}
            style={tapStyle}
            {...pressable('link', () => {
              if (!isCurrent) onSwitch(TAB_URL[tab]);
            })}
            {...(isCurrent ? { 'aria-current': 'page' } : {})}
          >
            <View className={`${classPrefix}__label`}>{t(`tabBar.${tab}`)}</View>
            {badge ? (
              <>
                <UnreadBadge count={badge} />
                <View className="tt-sr-only">{t('tabBar.unread', { count: badge })}</View>
              </>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
