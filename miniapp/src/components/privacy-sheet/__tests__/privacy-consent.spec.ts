import Taro from '@tarojs/taro';

import {
  PRIVACY_AGREE_BUTTON_ID,
  createPrivacyConsent,
  registerPrivacyConsent,
} from '../privacy-consent';
import type { PrivacyResolve } from '../privacy-consent';

jest.mock('../../../utils/platform', () => ({ isWeapp: () => true }));

describe('createPrivacyConsent', () => {
  it('should be idle when nothing has asked', () => {
    expect(createPrivacyConsent().get()).toEqual({ isAsking: false, isRefused: false });
  });

  it('should ask and tell its listeners when WeChat needs consent', () => {
    const consent = createPrivacyConsent();
    const listener = jest.fn();
    consent.subscribe(listener);

    consent.ask(jest.fn());

    expect(consent.get()).toEqual({ isAsking: true, isRefused: false });
    expect(listener).toHaveBeenCalledWith({ isAsking: true, isRefused: false });
  });

  it('should resolve agree with the agree button id when the person agrees', () => {
    const consent = createPrivacyConsent();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    consent.ask(resolve);

    consent.agree(PRIVACY_AGREE_BUTTON_ID);

    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(consent.get()).toEqual({ isAsking: false, isRefused: false });
  });

  it('should resolve disagree and explain when the person refuses', () => {
    const consent = createPrivacyConsent();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    consent.ask(resolve);

    consent.disagree();

    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(consent.get()).toEqual({ isAsking: false, isRefused: true });
  });

  it('should be idle again when the explanation is closed, so the app goes on', () => {
    const consent = createPrivacyConsent();
    consent.ask(jest.fn());
    consent.disagree();

    consent.closeExplanation();

    expect(consent.get()).toEqual({ isAsking: false, isRefused: false });
  });

  it('should answer each request once, even when tapped twice', () => {
    const consent = createPrivacyConsent();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    consent.ask(resolve);

    consent.agree(PRIVACY_AGREE_BUTTON_ID);
    consent.disagree();

    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('should refuse an older request when a newer one replaces it', () => {
    const consent = createPrivacyConsent();
    const older = jest.fn<void, Parameters<PrivacyResolve>>();
    const newer = jest.fn<void, Parameters<PrivacyResolve>>();
    consent.ask(older);

    consent.ask(newer);
    consent.agree(PRIVACY_AGREE_BUTTON_ID);

    expect(older).toHaveBeenCalledWith({ event: 'disagree' });
    expect(newer).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
  });
});

describe('registerPrivacyConsent', () => {
  const api = Taro as unknown as Record<string, unknown>;

  afterEach(() => {
    delete api.onNeedPrivacyAuthorization;
  });

  it('should route WeChat consent requests to the consent store', () => {
    let listener: ((resolve: PrivacyResolve) => void) | null = null;
    api.onNeedPrivacyAuthorization = (registered: typeof listener) => {
      listener = registered;
    };
    const consent = createPrivacyConsent();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();

    registerPrivacyConsent(consent);
    (listener as unknown as (resolve: PrivacyResolve) => void)(resolve);
    consent.disagree();

    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });

  it('should do nothing on a base library without the consent event', () => {
    const consent = createPrivacyConsent();

    expect(() => registerPrivacyConsent(consent)).not.toThrow();
    expect(consent.get().isAsking).toBe(false);
  });
});
