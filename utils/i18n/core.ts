import { en, type Catalog, type MessageKey } from './en';

/**
 * The extension's own small i18n layer. browser.i18n follows the browser's UI language only,
 * but users pick a language in settings, so catalogs are plain typed objects switched at runtime.
 */

export const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey, Catalog };

/**
 * English is always here; the others are registered by ./index (all at once, for pages that
 * import it) or by ./load (one on demand, so the popup does not carry every language).
 */
const catalogs: Partial<Record<Language, Catalog>> = { en };

export function registerCatalog(lang: Language, catalog: Catalog): void {
  catalogs[lang] = catalog;
}

export function hasCatalog(lang: Language): boolean {
  return catalogs[lang] !== undefined;
}

/** Native names, so a user who cannot read the current language still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  de: 'Deutsch',
  fr: 'Français',
};

/** 'auto' follows the browser's preferred languages; anything unsupported falls back to English. */
export function resolveLanguage(setting: string | undefined, preferred: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  if (setting && setting !== 'auto' && (LANGUAGES as readonly string[]).includes(setting)) return setting as Language;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

export type Vars = Record<string, string | number>;

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function translate(lang: Language, key: MessageKey, vars?: Vars): string {
  return fill(catalogs[lang]?.[key] ?? en[key], vars);
}

type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

const pluralRules = new Map<string, Intl.PluralRules>();

/** Plural forms by CLDR category; languages here only need one/other, the rest fall back to other. */
export function translatePlural(lang: Language, base: PluralKey, count: number, vars?: Vars): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const category = rules.select(count);
  const key = (category === 'one' ? `${base}_one` : `${base}_other`) as MessageKey;
  const table = (catalogs[lang] ?? en) as Record<string, string>;
  return fill(table[key] ?? table[`${base}_other`], { count: count.toLocaleString(lang), ...vars });
}

export interface Translator {
  lang: Language;
  t: (key: MessageKey, vars?: Vars) => string;
  tn: (base: PluralKey, count: number, vars?: Vars) => string;
}

export function translator(lang: Language): Translator {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    tn: (base, count, vars) => translatePlural(lang, base, count, vars),
  };
}

/** Codes are long; people recognise them by their first characters. */
export function shortCode(code: string): string {
  return code.length > 14 ? `${code.slice(0, 11)}…` : code;
}
