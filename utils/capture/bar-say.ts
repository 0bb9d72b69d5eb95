import type { BarText, BarWords } from '../i18n/bar/en';
import { fillTemplate, type Vars } from '../i18n/format';
import type { BarKit } from '../protocol';

export interface BarSay {
  lang: string;
  /** The bar's word for `key` (its English), with `{name}` filled in. */
  t(key: BarText, vars?: Vars): string;
  /** A count: `one` or `other` by the language's plural rule, `{count}` written the language's way. */
  n(one: BarText, other: BarText, count: number, vars?: Vars): string;
  /** A message that may be one of the bar's words in English (a failed call's error, the vault's reason), in the bar's language; others as they came. */
  error(message: string): string;
}

/**
 * The Save bar's words: the background's, in the user's language; any word it did not send, or
 * every word when it did not answer, stays the English key, so the bar always reads and works.
 */
export function barSay(kit?: Partial<BarKit>): BarSay {
  const words: Partial<BarWords> = kit?.words ?? {};
  const lang = kit?.words && kit.lang ? kit.lang : 'en';
  // Own keys only: a page error reading "constructor" must not find Object's.
  const say = (key: string, vars?: Vars) => fillTemplate(Object.hasOwn(words, key) ? words[key as BarText]! : key, vars);
  return {
    lang,
    t: say,
    n: (one, other, count, vars) =>
      say(new Intl.PluralRules(lang).select(count) === 'one' ? one : other, { count: count.toLocaleString(lang), ...vars }),
    error: say,
  };
}
