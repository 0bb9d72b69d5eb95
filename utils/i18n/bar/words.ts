import type { Language } from '../core';
import { deBar } from './de';
import { enBar, type BarCatalog, type BarKey, type BarWords } from './en';
import { esBar } from './es';
import { frBar } from './fr';
import { ptBar } from './pt';

export const BAR_CATALOGS: Record<Language, BarCatalog> = { en: enBar, de: deBar, fr: frBar, es: esBar, pt: ptBar };

/** The Save bar's words in `lang`, keyed by their English as the mail scripts name them (barKit sends these). */
export function barWords(lang: Language): BarWords {
  const catalog = BAR_CATALOGS[lang];
  return Object.fromEntries((Object.keys(enBar) as BarKey[]).map((k) => [enBar[k], catalog[k]])) as BarWords;
}
