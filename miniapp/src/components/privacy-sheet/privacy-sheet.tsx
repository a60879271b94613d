import { Button, View } from '@tarojs/components';
import { useSyncExternalStore } from 'react';

import { useT } from '../../locales';
import { PRIVACY_AGREE_BUTTON_ID, openPrivacyGuide, privacyConsent } from './privacy-consent';
import type { PrivacyConsent } from './privacy-consent';
import './privacy-sheet.scss';

export interface PrivacySheetProps {
  // The consent store; the app's own unless a test passes another.
  consent?: PrivacyConsent;
  onOpenGuide?: () => void;
}

const classPrefix = 'tt-privacy';

// WeChat's privacy consent as a bottom sheet: the guide's link, 同意 (an
// agreePrivacyAuthorization button, which WeChat checks) and 拒绝; after a refusal, a short
// explanation that only the feature that asked is unavailable.
export function PrivacySheet({
  consent = privacyConsent,
  onOpenGuide = openPrivacyGuide,
}: PrivacySheetProps): JSX.Element | null {
  const t = useT();
  const { isAsking, isRefused } = useSyncExternalStore(consent.subscribe, consent.get, consent.get);
  if (!isAsking && !isRefused) return null;
  if (isRefused) {
    return (
      <View className={`${classPrefix} ${classPrefix}--refused`} id="privacy-refused" role="alert">
        <View className={`${classPrefix}__body`}>{t('privacy.refused')}</View>
        <Button
          className={`${classPrefix}__button`}
          id="privacy-close"
          onClick={consent.closeExplanation}
        >
          {t('privacy.close')}
        </Button>
      </View>
    );
  }
  const guide = t('privacy.guide');
  const [before = '', after = ''] = t('privacy.body', { guide: '\u0000' }).split('\u0000');
  return (
    <View className={classPrefix} id="privacy-sheet" role="dialog" aria-modal="true">
      <View className={`${classPrefix}__title`}>{t('privacy.title')}</View>
      <View className={`${classPrefix}__body`}>
        {before}
        <View className={`${classPrefix}__link`} id="privacy-guide" onClick={onOpenGuide}>
          {guide}
        </View>
        {after}
      </View>
      <View className={`${classPrefix}__actions`}>
        <Button
          className={`${classPrefix}__button`}
          id="privacy-disagree"
          onClick={consent.disagree}
        >
          {t('privacy.disagree')}
        </Button>
        <Button
          className={`${classPrefix}__button ${classPrefix}__button--primary`}
          id={PRIVACY_AGREE_BUTTON_ID}
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => consent.agree(PRIVACY_AGREE_BUTTON_ID)}
        >
          {t('privacy.agree')}
        </Button>
      </View>
    </View>
  );
}
