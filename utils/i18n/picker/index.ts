import type { Language } from '../core';
import { fillTemplate, pluralTemplate, type Vars } from '../format';
import { enPicker, type PickerCatalog, type PickerKey } from './en';

/**
 * The code picker's own small translator. The picker is a frame in every Ads Manager page with a
 * 49 kB budget, so it carries English only and fetches the one other language it is shown in.
 */

export type { PickerKey };
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type PickerPluralKey = PluralBase<PickerKey>;

const loaded: Partial<Record<Language, PickerCatalog>> = { en: enPicker };

export async function loadPickerCatalog(lang: Language): Promise<void> {
  if (loaded[lang]) return;
  loaded[lang] =
    lang === 'de'
      ? (await import('./de')).dePicker
      : lang === 'es'
        ? (await import('./es')).esPicker
        : lang === 'fr'
          ? (await import('./fr')).frPicker
          : lang === 'pt'
            ? (await import('./pt')).ptPicker
            : enPicker;
}

export const hasPickerCatalog = (lang: Language) => loaded[lang] !== undefined;

export interface PickerTranslator {
  lang: Language;
  t: (key: PickerKey, vars?: Vars) => string;
  tn: (base: PickerPluralKey, count: number, vars?: Vars) => string;
}

/** Falls back to English for a language not loaded (yet). */
export function pickerTranslator(lang: Language): PickerTranslator {
  const table = loaded[lang] ?? enPicker;
  const shown = loaded[lang] ? lang : 'en';
  return {
    lang: shown,
    t: (key, vars) => fillTemplate(table[key] ?? enPicker[key], vars),
    tn: (base, count, vars) => pluralTemplate(table, shown, base, count, vars),
  };
}
