import { Button, View } from '@tarojs/components';

import { useT } from '../../locales';
import { pressable } from '../a11y';
import type { ApiErrorCode } from '../../services/api-error';
import './state-view.scss';

export interface StateViewProps {
  state: 'loading' | 'error' | 'empty';
  errorCode?: ApiErrorCode;
  onRetry?: () => void;
}

const classPrefix = 'tt-state';

// What a screen shows instead of a blank page: a skeleton while loading, a translated error
// with a retry button, or an empty message.
export function StateView({ state, errorCode, onRetry }: StateViewProps): JSX.Element {
  const t = useT();
  if (state === 'loading') {
    return (
      <View className={`${classPrefix} ${classPrefix}--loading`} id="state-loading">
        <View className={`${classPrefix}__bar`} />
        <View className={`${classPrefix}__bar ${classPrefix}__bar--short`} />
        <View className={`${classPrefix}__text`}>{t('state.loading')}</View>
      </View>
    );
  }
  if (state === 'empty') {
    return <View className={`${classPrefix} ${classPrefix}--empty`}>{t('state.empty')}</View>;
  }
  return (
    <View className={`${classPrefix} ${classPrefix}--error`} id="state-error">
      <View className={`${classPrefix}__text`}>{t(`errors.${errorCode ?? 'INTERNAL_ERROR'}`)}</View>
      {onRetry ? (
        <Button className={`${classPrefix}__retry`} id="retry" {...pressable('button', onRetry)}>
          {t('state.retry')}
        </Button>
      ) : null}
    </View>
  );
}
