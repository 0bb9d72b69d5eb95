import { translate, type Language } from '../core';
import { enPicker, type PickerCatalog, type PickerKey } from './en';

/** The picker's words in `lang`, as the background hands them to the picker frame with its list. */
export function pickerWords(lang: Language): PickerCatalog {
  const keys = Object.keys(enPicker) as PickerKey[];
  // translate() without vars returns the template itself: placeholders stay for the picker to fill.
  return Object.fromEntries(keys.map((k) => [k, translate(lang, k)])) as PickerCatalog;
}
