import type React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { LOCALE, changeLocale } from '../../../locales';
import { PRIVACY_AGREE_BUTTON_ID, createPrivacyConsent } from '../privacy-consent';
import type { PrivacyResolve } from '../privacy-consent';
import { PrivacySheet } from '../privacy-sheet';

interface RecordedHandlers {
  onClick?: () => void;
  onAgreePrivacyAuthorization?: () => void;
  openType?: string;
}

// Taro's views and buttons as DOM elements that also remember, by id, what a tap would call:
// the same handlers WeChat would call on the device.
const mockHandlers = new Map<string, RecordedHandlers>();
jest.mock('@tarojs/components', () => {
  const { createElement } = jest.requireActual<typeof React>('react');
  const actual = jest.requireActual<Record<string, unknown>>('../../../test/taro-components.mock');
  const recording =
    (tag: string) =>
    ({
      children,
      onClick,
      onAgreePrivacyAuthorization,
      openType,
      ...props
    }: Record<string, unknown> & RecordedHandlers & { children?: unknown }) => {
      if (typeof props.id === 'string') {
        mockHandlers.set(props.id, { onClick, onAgreePrivacyAuthorization, openType });
      }
      return createElement(tag, props, children as never);
    };
  return { ...actual, View: recording('div'), Button: recording('button') };
});

const textOf = (markup: string): string => markup.replace(/<[^>]+>/g, '');

const tap = (id: string): void => {
  const handlers = mockHandlers.get(id);
  if (!handlers) throw new Error(`#${id} is not on the sheet`);
  (handlers.onAgreePrivacyAuthorization ?? handlers.onClick)?.();
};

describe('PrivacySheet', () => {
  beforeEach(() => mockHandlers.clear());

  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should render nothing when no feature is asking', () => {
    expect(renderToStaticMarkup(<PrivacySheet consent={createPrivacyConsent()} />)).toBe('');
  });

  it('should show the guide link, 拒绝 and 同意 when a feature asks', () => {
    const consent = createPrivacyConsent();
    consent.ask(jest.fn());

    const markup = renderToStaticMarkup(<PrivacySheet consent={consent} />);

    expect(markup).toContain('id="privacy-sheet"');
    expect(markup).toMatch(/id="privacy-guide"[^>]*>《职称通隐私保护指引》/);
    expect(markup).toMatch(/id="privacy-disagree"[^>]*>拒绝/);
    expect(markup).toMatch(/id="privacy-agree"[^>]*>同意/);
    expect(textOf(markup)).toContain('请阅读并同意《职称通隐私保护指引》');
    // WeChat lets the waiting API go on only after a tap on this kind of button.
    expect(mockHandlers.get(PRIVACY_AGREE_BUTTON_ID)?.openType).toBe('agreePrivacyAuthorization');
  });

  it('should speak Uyghur when Uyghur is chosen', async () => {
    await changeLocale(LOCALE.UG);
    const consent = createPrivacyConsent();
    consent.ask(jest.fn());

    const markup = renderToStaticMarkup(<PrivacySheet consent={consent} />);

    expect(markup).toMatch(/id="privacy-agree"[^>]*>قوشۇلىمەن/);
    expect(markup).toMatch(/id="privacy-disagree"[^>]*>رەت قىلىمەن/);
    expect(textOf(markup)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('should open the guide when its link is tapped', () => {
    const consent = createPrivacyConsent();
    const onOpenGuide = jest.fn();
    consent.ask(jest.fn());
    renderToStaticMarkup(<PrivacySheet consent={consent} onOpenGuide={onOpenGuide} />);

    tap('privacy-guide');

    expect(onOpenGuide).toHaveBeenCalledTimes(1);
    expect(consent.get().isAsking).toBe(true);
  });

  it('should let the waiting feature go on and close when 同意 is tapped', () => {
    const consent = createPrivacyConsent();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    consent.ask(resolve);
    renderToStaticMarkup(<PrivacySheet consent={consent} />);

    tap(PRIVACY_AGREE_BUTTON_ID);

    expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    expect(renderToStaticMarkup(<PrivacySheet consent={consent} />)).toBe('');
  });

  it('should refuse, explain briefly and close on 知道了 when 拒绝 is tapped', () => {
    const consent = createPrivacyConsent();
    const resolve = jest.fn<void, Parameters<PrivacyResolve>>();
    consent.ask(resolve);
    renderToStaticMarkup(<PrivacySheet consent={consent} />);

    tap('privacy-disagree');
    const explanation = renderToStaticMarkup(<PrivacySheet consent={consent} />);
    tap('privacy-close');

    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(explanation).toContain('id="privacy-refused"');
    expect(textOf(explanation)).toContain('其他功能照常使用');
    expect(explanation).not.toContain('id="privacy-agree"');
    expect(renderToStaticMarkup(<PrivacySheet consent={consent} />)).toBe('');
  });
});
