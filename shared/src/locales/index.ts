import type { MessageKey } from './message-key';

// The product's interface texts, one catalogue per language, used by the mini-app and by the
// pages the server renders itself (the first screen). Uyghur is a separate entry point,
// `@titletrack/shared/locales/ug`, so that a build can load it only when it is chosen.
export { createTranslator } from './translator';
export type { Resources, Translator } from './translator';
export type { KeyPath, MessageKey } from './message-key';
export { zhCN } from './zh-CN';
export type { Messages } from './zh-CN';

export const LOCALE = { ZH_CN: 'zh-CN', UG: 'ug' } as const;
export type Locale = (typeof LOCALE)[keyof typeof LOCALE];
export const DEFAULT_LOCALE: Locale = LOCALE.ZH_CN;
export const LOCALES: readonly Locale[] = [LOCALE.ZH_CN, LOCALE.UG];

export { directionOf } from './direction';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export { formatDual } from './format';
export { LRI, PDI, isolate, isolateDigits } from './bidi';
export { attachmentNumber, sectionNumber } from './section-ref';
