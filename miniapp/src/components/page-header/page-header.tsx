import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useT } from '../../locales';
import { ROUTES } from '../../utils/routes';
import { heading, pressable } from '../a11y';
import './page-header.scss';

export interface PageHeaderProps {
  title: string;
  // Secondary screens get back and home; tab screens have the tab bar instead.
  hasNavigation?: boolean;
  // Read by screen readers only (home, whose first screen must not move).
  isTitleHidden?: boolean;
  // Elder mode: 60 px tap targets instead of 44.
  isLargeText?: boolean;
  onBack?: () => void;
  onHome?: () => void;
}

const classPrefix = 'tt-header';

// A deep link (a reminder, a shared address) opens a screen with nothing under it: back then
// goes home instead of leaving the app.
function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => undefined);
  else goHome();
}

function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home }).catch(() => undefined);
}

// H5 only: the title, back and home that WeChat's own navigation bar gives the mini-program.
export function PageHeader({
  title,
  hasNavigation = false,
  isTitleHidden = false,
  isLargeText = false,
  onBack = goBack,
  onHome = goHome,
}: PageHeaderProps): JSX.Element {
  const t = useT();
  // Inline, in CSS px: the stylesheets' units become rem on H5 and shrink on narrow phones.
  const size = isLargeText ? '60px' : '44px';
  const tapStyle = { minHeight: size, minWidth: size };
  const titleView = (
    <View
      className={isTitleHidden ? 'tt-sr-only' : `${classPrefix}__title`}
      id="page-title"
      {...heading(1)}
    >
      {title}
    </View>
  );
  if (isTitleHidden) return titleView;
  if (!hasNavigation)
    return (
      <View className={classPrefix} style={{ minHeight: size }}>
        {titleView}
      </View>
    );
  return (
    <View className={classPrefix} id="page-header">
      <View
        className={`${classPrefix}__button ${classPrefix}__button--back`}
        id="header-back"
        style={tapStyle}
        {...pressable('button', onBack, t('header.back'))}
      >
        {t('header.back')}
      </View>
      {titleView}
      <View
        className={`${classPrefix}__button`}
        id="header-home"
        style={tapStyle}
        {...pressable('link', onHome, t('header.home'))}
      >
        {t('header.home')}
      </View>
    </View>
  );
}
