import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useLayoutEffect } from 'react';
import type { PropsWithChildren } from 'react';

import type { MessageKey } from '@titletrack/shared/locales';

import { dismissFirstScreen } from '../../first-screen';
import { directionOf, useLocale, useT } from '../../locales';
import { usePreferences } from '../../hooks/use-preferences';
import { formatClockTime } from '../../utils/format-time';
import { isH5 } from '../../utils/platform';
import { PageHeader } from '../page-header';
import { TAB, TabBar } from '../tab-bar';
import type { TabKey } from '../tab-bar';
import { formatStoredTime } from '../../utils/stored-time';
// Always after the state view's styles, whatever a page imports first (one css order for all
// chunks, or mini-css-extract-plugin reports a conflict).
import '../state-view/state-view.scss';
import './page-root.scss';

export interface PageRootProps {
  id?: string;
  // Message key of the navigation bar title, set in the current language.
  title?: MessageKey;
  // The network failed and what is shown is the stored copy from `asOf`.
  isOffline?: boolean;
  asOf?: number | null;
  // H5: keep the server-drawn first screen up (the home screen while it has nothing to show).
  isHoldingFirstScreen?: boolean;
  // A tab screen shows the tab bar with this tab current; any other screen is secondary and gets
  // back and home in its H5 header.
  tab?: TabKey;
  // Unread messages for the inbox tab, when the page has the count.
  unread?: number | null;
}

const classPrefix = 'tt-page';

// Every page's root: the language's direction (mirrored layout in Uyghur), large text, the
// offline banner with the time of the data shown, the H5 header (weapp has WeChat's navigation
// bar) and the tab bar on tab screens.
export function PageRoot({
  id,
  title,
  isOffline = false,
  asOf = null,
  isHoldingFirstScreen = false,
  tab,
  unread = null,
  children,
}: PropsWithChildren<PageRootProps>): JSX.Element {
  const t = useT();
  // The language whose texts are shown, which may lag the chosen one while its catalogue loads.
  const locale = useLocale();
  const [{ isLargeText }] = usePreferences();
  const dir = directionOf(locale);
  const titleText = title ? t(title) : null;
  useEffect(() => {
    if (titleText) void Taro.setNavigationBarTitle({ title: titleText }).catch(() => undefined);
  }, [titleText]);
  // Before the browser paints this page, so the two are never on screen together.
  useLayoutEffect(() => {
    if (!isHoldingFirstScreen) dismissFirstScreen();
  }, [isHoldingFirstScreen]);
  const time = asOf === null ? '' : formatClockTime(asOf);
  // Offline, the copy may be from another day: then its date too.
  const storedAt = asOf === null ? '' : formatStoredTime(asOf);
  return (
    <View
      id={id}
      className={`${classPrefix} ${classPrefix}--${dir}${isLargeText ? ` ${classPrefix}--large` : ''}${tab ? ` ${classPrefix}--tabbed` : ''}`}
      data-dir={dir}
      // weapp has no dir attribute on views; the class above mirrors the layout there.
      {...{ dir, lang: locale }}
    >
      {isH5() ? (
        <PageHeader
          title={titleText ?? t('app.title')}
          hasNavigation={!tab}
          // Home's first screen is drawn by the server without a header and must not move.
          isTitleHidden={tab === TAB.HOME}
          isLargeText={isLargeText}
        />
      ) : null}
      {isOffline ? (
        <View className={`${classPrefix}__offline`} id="offline-banner" role="alert">
          {t('network.offline', { time: storedAt })}
        </View>
      ) : asOf !== null ? (
        <View className={`${classPrefix}__as-of`} id="as-of">
          {t('network.asOf', { time })}
        </View>
      ) : null}
      {children}
      {tab ? <TabBar current={tab} unread={unread} isLargeText={isLargeText} /> : null}
    </View>
  );
}
