import type { KeyPath } from './message-key';
import { createTranslator } from './translator';

const catalogues = {
  'zh-CN': {
    fee: { amount: '评审费 {amount} 元', unread_other: '未读 {count} 条', only: '只有中文' },
  },
  ug: {
    fee: {
      amount: 'ھەق {amount} يۈەن',
      unread_one: '{count} ئۇچۇر (بىر)',
      unread_other: '{count} ئۇچۇر',
    },
  },
};
// The keys of this test's own catalogues, not the product's.
type TestKey = KeyPath<(typeof catalogues)['zh-CN']> | KeyPath<(typeof catalogues)['ug']>;

describe('createTranslator', () => {
  it('finds nested keys and fills placeholders', () => {
    const translator = createTranslator<'zh-CN' | 'ug', TestKey>(catalogues, 'zh-CN');
    expect(translator.t('fee.amount', { amount: 280 })).toBe('评审费 280 元');
  });

  it('switches language, tells subscribers, and falls back to Chinese for a missing text', () => {
    const translator = createTranslator<'zh-CN' | 'ug', TestKey>(catalogues, 'zh-CN');
    const heard: string[] = [];
    const unsubscribe = translator.subscribe(() => heard.push(translator.getLocale()));
    translator.setLocale('ug');
    translator.setLocale('ug'); // no change, no news
    expect(heard).toEqual(['ug']);
    expect(translator.t('fee.amount', { amount: 450 })).toBe('ھەق \u2066450\u2069 يۈەن');
    expect(translator.t('fee.only')).toBe('只有中文');
    unsubscribe();
    translator.setLocale('zh-CN');
    expect(heard).toEqual(['ug']);
  });

  it('isolates every number left to right in a right-to-left language, and only there', () => {
    const translator = createTranslator<'zh-CN' | 'ug', TestKey>(catalogues, 'zh-CN');
    expect(translator.t('fee.amount', { amount: '2023-09-30' })).toBe('评审费 2023-09-30 元');
    translator.setLocale('ug');
    expect(translator.t('fee.amount', { amount: '2023-09-30' })).toBe(
      'ھەق \u20662023-09-30\u2069 يۈەن',
    );
    expect(translator.t('fee.amount', { amount: '\u20662023-09-30\u2069' })).toBe(
      'ھەق \u20662023-09-30\u2069 يۈەن',
    );
  });

  it('picks the plural form by count and language', () => {
    const translator = createTranslator<'zh-CN' | 'ug', TestKey>(catalogues, 'zh-CN');
    expect(translator.t('fee.unread', { count: 1 })).toBe('未读 1 条');
    translator.setLocale('ug');
    expect(translator.t('fee.unread', { count: 1 })).toBe('\u20661\u2069 ئۇچۇر (بىر)');
    expect(translator.t('fee.unread', { count: 3 })).toBe('\u20663\u2069 ئۇچۇر');
  });

  it('shows the default value, else the key, for a text no language has; unknown placeholders stay', () => {
    // Any string, as from a caller outside the type check (a stale catalogue, plain JavaScript).
    const translator = createTranslator<'zh-CN' | 'ug', string>(catalogues, 'zh-CN');
    expect(translator.t('series.mystery', { defaultValue: 'mystery' })).toBe('mystery');
    expect(translator.t('nothing.here')).toBe('nothing.here');
    expect(translator.t('fee.amount')).toBe('评审费 {amount} 元');
  });
});

describe('createTranslator with a catalogue that arrives later', () => {
  it('refuses a language before its catalogue, then switches once it is added', () => {
    const translator = createTranslator<'zh-CN' | 'ug', TestKey>(
      { 'zh-CN': catalogues['zh-CN'] },
      'zh-CN',
    );
    expect(translator.hasCatalogue('ug')).toBe(false);
    expect(() => translator.setLocale('ug')).toThrow(/no catalogue for ug/);
    expect(translator.getLocale()).toBe('zh-CN');
    translator.addCatalogue('ug', catalogues.ug);
    translator.setLocale('ug');
    expect(translator.t('fee.amount', { amount: 280 })).toBe('ھەق \u2066280\u2069 يۈەن');
  });

  it('needs the fallback language from the start', () => {
    expect(() => createTranslator<'zh-CN' | 'ug', TestKey>({ ug: catalogues.ug }, 'zh-CN')).toThrow(
      /fallback language zh-CN/,
    );
  });
});
