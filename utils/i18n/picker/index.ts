import type { Language } from '../core';
import { fillTemplate, pluralTemplate, type Vars } from '../format';
import type { PickerCatalog, PickerKey } from './en';

/**
 * The code picker's own small translator. The picker is a frame in every Ads Manager page with a
 * 49 kB budget, so it carries no catalog: the background sends the words of the one language the
 * list is shown in with the list (utils/i18n/picker/words.ts), and this reads them.
 */

export type { PickerCatalog, PickerKey };
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type PickerPluralKey = PluralBase<PickerKey>;

export interface PickerTranslator {
  lang: Language;
  t: (key: PickerKey, vars?: Vars) => string;
  tn: (base: PickerPluralKey, count: number, vars?: Vars) => string;
}

export function pickerTranslator(lang: Language, words: PickerCatalog): PickerTranslator {
  return {
    lang,
    t: (key, vars) => fillTemplate(words[key] ?? key, vars),
    tn: (base, count, vars) => pluralTemplate(words, lang, base, count, vars),
  };
}
