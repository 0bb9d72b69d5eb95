/**
 * Filling a template and choosing a plural form, without any catalog: shared by the full i18n layer
 * (./core) and the code picker's small one (./picker), which must not carry the big catalogs.
 */

export type Vars = Record<string, string | number>;

/** `{name}` placeholders; unknown ones are left as written. */
export function fillTemplate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Plural forms by CLDR category; languages here only need one/other, the rest fall back to other. */
const pluralRules = new Map<string, Intl.PluralRules>();

export function pluralTemplate(table: Record<string, string>, lang: string, base: string, count: number, vars?: Vars): string {
  let rules = pluralRules.get(lang);
  // Building the rules is costly and this runs for every plural on a page: one per language.
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const category = rules.select(count);
  const template = (category === 'one' ? table[`${base}_one`] : undefined) ?? table[`${base}_other`];
  return fillTemplate(template, { count: count.toLocaleString(lang), ...vars });
}
