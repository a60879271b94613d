import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useLayoutEffect } from 'react';
import type { PropsWithChildren } from 'react';

import type { MessageKey } from '@titletrack/shared/locales';

import { dismissFirstScreen } from '../../first-screen';
import { directionOf, useLocale, useT } from '../../locales';
import { usePreferences } from '../../hooks/use-preferences';
import { formatClockTime } from '../../utils/format-time';
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
}

const classPrefix = 'tt-page';

// Every page's root: the language's direction (mirrored layout in Uyghur), large text, and the
// offline banner with the time of the data shown.
export function PageRoot({
  id,
  title,
  isOffline = false,
  asOf = null,
  isHoldingFirstScreen = false,
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
  return (
    <View
      id={id}
      className={`${classPrefix} ${classPrefix}--${dir}${isLargeText ? ` ${classPrefix}--large` : ''}`}
      data-dir={dir}
      // weapp has no dir attribute on views; the class above mirrors the layout there.
      {...{ dir, lang: locale }}
    >
      {isOffline ? (
        <View className={`${classPrefix}__offline`} id="offline-banner" role="alert">
          {t('network.offline', { time })}
        </View>
      ) : asOf !== null ? (
        <View className={`${classPrefix}__as-of`} id="as-of">
          {t('network.asOf', { time })}
        </View>
      ) : null}
      {children}
    </View>
  );
}
