import { renderToStaticMarkup } from 'react-dom/server';

import { LOCALE, changeLocale } from '../../../locales';
import { Countdown } from '../countdown';

const DEADLINE = '2023-08-30T16:00:00Z'; // 2023-08-30 24:00 Beijing time

const textOf = (markup: string): string => markup.replace(/<[^>]+>/g, '');

describe('Countdown', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should show days, hours, minutes and seconds left when the deadline is ahead', () => {
    const markup = renderToStaticMarkup(
      <Countdown deadline={DEADLINE} now={new Date('2023-08-29T14:59:30Z')} />,
    );
    expect(textOf(markup)).toBe('还剩 1 天 1 小时 0 分 30 秒');
  });

  it('should count down when it is rendered again with a later now', () => {
    const first = textOf(
      renderToStaticMarkup(
        <Countdown deadline={DEADLINE} now={new Date('2023-08-30T15:58:00Z')} />,
      ),
    );
    const second = textOf(
      renderToStaticMarkup(
        <Countdown deadline={DEADLINE} now={new Date('2023-08-30T15:59:59Z')} />,
      ),
    );
    expect(first).toBe('还剩 0 天 0 小时 2 分 0 秒');
    expect(second).toBe('还剩 0 天 0 小时 0 分 1 秒');
  });

  it('should say the deadline has passed, and mark itself, when now is at or after it', () => {
    const markup = renderToStaticMarkup(<Countdown deadline={DEADLINE} now={new Date(DEADLINE)} />);
    expect(textOf(markup)).toBe('已截止');
    expect(markup).toContain('tt-countdown-text--over');
  });

  it('should speak Uyghur, with the same numbers, when the language is ug', async () => {
    await changeLocale(LOCALE.UG);
    const markup = renderToStaticMarkup(
      <Countdown deadline={DEADLINE} now={new Date('2023-08-29T14:59:30Z')} />,
    );
    expect(textOf(markup)).toBe(
      '\u20661\u2069 كۈن \u20661\u2069 سائەت \u20660\u2069 مىنۇت \u206630\u2069 سېكۇنت قالدى',
    );
  });
});
