import { isolateDigits } from './bidi';
import { directionOf } from './direction';
import type { MessageKey } from './message-key';

// Texts by nested key in one resource object per language, e.g. `fee.amount`.
export interface Resources {
  [key: string]: string | Resources;
}

// K: the keys `t` accepts, the product catalogue's by default, so a misspelt key fails to compile.
export interface Translator<L extends string, K extends string = MessageKey> {
  t: (key: K, values?: Record<string, string | number>) => string;
  getLocale: () => L;
  // A language without its catalogue yet is refused: its texts would all be the fallback's.
  setLocale: (locale: L) => void;
  hasCatalogue: (locale: L) => boolean;
  // A catalogue that arrives later (the H5 build loads Uyghur on demand).
  addCatalogue: (locale: L, resources: Resources) => void;
  subscribe: (listener: () => void) => () => void;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function lookup(resources: Resources | undefined, key: string): string | undefined {
  let node: string | Resources | undefined = resources;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

// CLDR plural categories of our languages: Chinese has one form, Uyghur "one" and "other".
function pluralCategory(locale: string, count: number): 'one' | 'other' {
  return locale !== 'zh-CN' && count === 1 ? 'one' : 'other';
}

/**
 * Looks a key up in the current language, then in the fallback one; `{name}` is replaced by
 * `values.name`; with a numeric `values.count`, `key_one` / `key_other` are tried first. A missing
 * text gives `values.defaultValue`, else the key itself, so a gap shows rather than crashes. In a
 * right-to-left language every number of the result (the catalogue's own and the values') is put
 * in a left-to-right isolate, so "2023-08-30 24:00" or "0903-2069736" keeps its order.
 */
export function createTranslator<L extends string, K extends string = MessageKey>(
  initial: Partial<Record<L, Resources>>,
  fallback: L,
): Translator<L, K> {
  const catalogues: Partial<Record<L, Resources>> = { ...initial };
  if (!catalogues[fallback])
    throw new Error(`the fallback language ${fallback} needs its catalogue`);
  let locale = fallback;
  const listeners = new Set<() => void>();
  const find = (language: L, key: string, count: unknown): string | undefined => {
    const resources = catalogues[language];
    if (typeof count === 'number') {
      const plural =
        lookup(resources, `${key}_${pluralCategory(language, count)}`) ??
        lookup(resources, `${key}_other`);
      if (plural !== undefined) return plural;
    }
    return lookup(resources, key);
  };
  return {
    t(key, values = {}) {
      const text =
        find(locale, key, values.count) ??
        find(fallback, key, values.count) ??
        (values.defaultValue === undefined ? key : String(values.defaultValue));
      const filled = text.replace(PLACEHOLDER, (whole, name: string) =>
        values[name] === undefined ? whole : String(values[name]),
      );
      return directionOf(locale) === 'rtl' ? isolateDigits(filled) : filled;
    },
    getLocale: () => locale,
    setLocale(next) {
      if (!catalogues[next]) throw new Error(`no catalogue for ${next} yet`);
      if (next === locale) return;
      locale = next;
      listeners.forEach((listener) => listener());
    },
    hasCatalogue: (language) => catalogues[language] !== undefined,
    addCatalogue(language, resources) {
      catalogues[language] = resources;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
