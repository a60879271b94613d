import type { Messages } from './zh-CN';

// A text with plural forms is asked for by its base key (`home.unread` with a `count`); the
// translator picks `_one` or `_other` itself, so the forms are not keys of their own.
type PluralBase<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

// Every dotted path from the root of a catalogue shaped like T to one of its texts.
export type KeyPath<T> = {
  [K in keyof T & string]: T[K] extends string ? PluralBase<K> : `${K}.${KeyPath<T[K]>}`;
}[keyof T & string];

// The keys `t()` accepts: a misspelt or removed key fails the type check. Keys built at run time
// are typed too, from the closed sets they come from (`errors.${ErrorCode}`, `level.${TitleLevel}`).
export type MessageKey = KeyPath<Messages>;
