import { View } from '@tarojs/components';
import type { ITouchEvent } from '@tarojs/components';

import type { ActionTarget } from '@titletrack/shared/domain';

import { useT } from '../../locales';
import { pressable } from '../a11y';
import { canOpenExternalUrl } from '../../utils/platform';
import { zhSlot } from '../../utils/zh-slot';
import { ZhSentence } from '../quotation';
import './action-target.scss';

export interface ActionTargetProps {
  target: ActionTarget;
  onOpenScreen: () => void;
  onOpenPlatform: (url: string) => void;
  onCall: (phone: string) => void;
}

const classPrefix = 'tt-target';

// Keeps the card's own tap from firing too.
const only =
  (fn: () => void) =>
  (event: ITouchEvent): void => {
    event.stopPropagation();
    fn();
  };

// Where a to-do is done, said in words and one tap away: the platform's address, the screen of
// ours, or the office's counter and phone. Isolated (LRI…PDI) so an address or number keeps its
// order inside Uyghur text.
export function ActionTargetLink({
  target,
  onOpenScreen,
  onOpenPlatform,
  onCall,
}: ActionTargetProps): JSX.Element | null {
  const t = useT();
  switch (target.kind) {
    case 'platform':
      return (
        <View className={classPrefix} data-target="platform">
          <View className={`${classPrefix}__text`}>{t('guide.target.platform')}</View>
          {target.url ? (
            <>
              <View className={`${classPrefix}__ltr`} id="platform-url">
                {`\u2066${target.url}\u2069`}
              </View>
              <View
                className={`${classPrefix}__button`}
                id="open-platform"
                {...pressable('button', () => onOpenPlatform(target.url ?? ''))}
                onClick={only(() => onOpenPlatform(target.url ?? ''))}
              >
                {canOpenExternalUrl() ? t('guide.target.openUrl') : t('guide.target.copyUrl')}
              </View>
            </>
          ) : (
            <View className={`${classPrefix}__text`}>{t('guide.target.platformUnnamed')}</View>
          )}
        </View>
      );
    case 'screen':
      return (
        <View className={classPrefix} data-target={`screen-${target.screen}`}>
          <View
            className={`${classPrefix}__button`}
            id={`open-${target.screen}`}
            {...pressable('button', onOpenScreen)}
            onClick={only(onOpenScreen)}
          >
            {t(`guide.target.screen.${target.screen}`)}
          </View>
        </View>
      );
    case 'office':
      return (
        <View className={classPrefix} data-target="office">
          <View className={`${classPrefix}__text`}>
            {target.address ? (
              <ZhSentence
                text={t('guide.target.officeAddress', { address: zhSlot('address') })}
                zh={{ address: target.address }}
              />
            ) : (
              t('guide.target.officeNoAddress')
            )}
          </View>
          {target.phone ? (
            <View
              className={`${classPrefix}__button`}
              id="call-office"
              {...pressable('button', () => onCall(target.phone ?? ''))}
              onClick={only(() => onCall(target.phone ?? ''))}
            >
              {t('guide.target.call', { phone: `\u2066${target.phone}\u2069` })}
            </View>
          ) : null}
        </View>
      );
    case 'none':
      return null;
  }
}
