import Taro from '@tarojs/taro';

import { isWeapp } from '../../utils/platform';

export type PrivacyResolution = { event: 'agree'; buttonId: string } | { event: 'disagree' };
export type PrivacyResolve = (resolution: PrivacyResolution) => void;

export interface PrivacyConsentState {
  // A scoped API is waiting for the person's answer.
  isAsking: boolean;
  // The last answer was a refusal: the sheet explains what that means until it is closed.
  isRefused: boolean;
}

export interface PrivacyConsent {
  get(): PrivacyConsentState;
  subscribe(listener: (state: PrivacyConsentState) => void): () => void;
  // WeChat's onNeedPrivacyAuthorization listener.
  ask(resolve: PrivacyResolve): void;
  agree(buttonId: string): void;
  disagree(): void;
  closeExplanation(): void;
}

// The agree button's id: WeChat checks that the button with this id (open-type
// agreePrivacyAuthorization) was really tapped before it lets the waiting API go on.
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

const IDLE: PrivacyConsentState = { isAsking: false, isRefused: false };

// One pending question at a time: WeChat holds the API that asked until `resolve` is called, and
// a newer question replaces an older one (the older API is refused, as WeChat itself would).
export function createPrivacyConsent(): PrivacyConsent {
  let state = IDLE;
  let pending: PrivacyResolve | null = null;
  const listeners = new Set<(state: PrivacyConsentState) => void>();
  const set = (next: PrivacyConsentState): void => {
    state = next;
    listeners.forEach((listener) => listener(state));
  };
  const settle = (resolution: PrivacyResolution): void => {
    const resolve = pending;
    pending = null;
    resolve?.(resolution);
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ask(resolve) {
      if (pending) settle({ event: 'disagree' });
      pending = resolve;
      set({ isAsking: true, isRefused: false });
    },
    agree(buttonId) {
      settle({ event: 'agree', buttonId });
      set(IDLE);
    },
    // The feature that asked fails on its own ("privacy permission is not authorized") and
    // handles that like a cancel; everything else in the app goes on as before.
    disagree() {
      settle({ event: 'disagree' });
      set({ isAsking: false, isRefused: true });
    },
    closeExplanation() {
      set(IDLE);
    },
  };
}

export const privacyConsent = createPrivacyConsent();

// The guide as filed in the admin console (用户隐私保护指引), shown by WeChat itself.
export function openPrivacyGuide(): void {
  Taro.openPrivacyContract({ fail: () => undefined });
}

// Registered once at launch. Base libraries before 2.32.3 have no consent event (and no check).
export function registerPrivacyConsent(consent: PrivacyConsent = privacyConsent): void {
  if (!isWeapp() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => consent.ask(resolve));
}
