import { createTranslator } from './translator';
import { formatDual } from './format';
import { ug } from './ug';
import { zhCN } from './zh-CN';

describe('formatDual (Beijing deadlines shown with Xinjiang time too)', () => {
  const translator = createTranslator<'zh-CN' | 'ug'>({ 'zh-CN': zhCN, ug }, 'zh-CN');
  const t = translator.t;
  afterEach(() => translator.setLocale('zh-CN'));

  it('words an end of day as 24:00 Beijing and 22:00 the same day in Xinjiang', () => {
    expect(formatDual(t, '2023-08-30T16:00:00.000Z', true)).toBe(
      '2023-08-30 24:00 北京时间（新疆时间 22:00）',
    );
  });

  it('gives the Xinjiang date when it differs from the Beijing one', () => {
    expect(formatDual(t, '2023-07-19T16:00:00.000Z', false)).toBe(
      '2023-07-20 00:00 北京时间（新疆时间 2023-07-19 22:00）',
    );
  });

  it('isolates dates and times left to right inside Uyghur text', () => {
    translator.setLocale('ug');
    const text = formatDual(t, '2023-08-30T16:00:00.000Z', true, true);
    expect(text).toContain('\u20662023-08-30\u2069');
    expect(text).toContain('\u206624:00\u2069');
  });
});
