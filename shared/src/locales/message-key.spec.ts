import type { ClientErrorCode, ErrorCode } from '../contract';
import type { ApplicationStatus, TitleLevel } from '../domain';
import { DEFAULT_LOCALE, createTranslator, zhCN } from './index';
import type { Locale, MessageKey, Translate } from './index';

// The type check is the real test here: tsc (and ts-jest) fail when a `@ts-expect-error` line
// stops being an error, so a loosened MessageKey cannot pass unnoticed.
describe('MessageKey', () => {
  const t: Translate = createTranslator<Locale>({ [DEFAULT_LOCALE]: zhCN }, DEFAULT_LOCALE).t;

  it('accepts nested keys, plural bases and keys built from the closed sets', () => {
    const status: ApplicationStatus = 'returned';
    const level: TitleLevel = 'intermediate';
    const code: ErrorCode | ClientErrorCode = 'TIMEOUT';
    expect(t('home.nextDeadline')).toBe('下一个截止');
    expect(t('me.languageName.zh-CN')).toBe('中文');
    expect(t('home.unread', { count: 2 })).toBe('未读消息 2 条');
    expect(t(`status.label.${status}`)).toBe('已退回');
    expect(t(`level.${level}`)).toBe('中级');
    expect(t(`errors.${code}`)).toBe('网络较慢，请求超时，请重试');
  });

  it('refuses a misspelt key, a branch, a plural form and any string', () => {
    // @ts-expect-error a misspelt key
    expect(t('home.titel')).toBe('home.titel');
    // @ts-expect-error a branch of the catalogue, not a text
    expect(t('home')).toBe('home');
    // @ts-expect-error plural forms are chosen by `count`, never named
    expect(t('home.unread_one')).toBe(zhCN.home.unread_one);
    const loose: string = 'home.nextDeadline';
    // @ts-expect-error a plain string could be anything
    expect(t(loose)).toBe('下一个截止');
  });

  it('refuses a key built from a value outside its closed set', () => {
    const kind = 'not_a_status' as string;
    // @ts-expect-error only `status.label.${ApplicationStatus}` exists
    expect(t(`status.label.${kind}`)).toBe('status.label.not_a_status');
    const keys: MessageKey[] = ['nav.home', 'errors.NETWORK_ERROR'];
    expect(keys.map((key) => t(key))).toEqual(['首页', '网络连接失败，请检查网络后重试']);
  });
});
