export { PrivacySheet } from './privacy-sheet';
export type { PrivacySheetProps } from './privacy-sheet';
export {
  PRIVACY_AGREE_BUTTON_ID,
  createPrivacyConsent,
  privacyConsent,
  registerPrivacyConsent,
} from './privacy-consent';
export type { PrivacyConsent, PrivacyConsentState, PrivacyResolution } from './privacy-consent';
