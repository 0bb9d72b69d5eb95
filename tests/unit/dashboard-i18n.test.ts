import { describe, expect, it } from 'vitest';
import { en } from '@/utils/i18n/en';
import { LANGUAGES, resolveLanguage, translate, translatePlural } from '@/utils/i18n';
import { es } from '@/utils/i18n/es';
import { pt } from '@/utils/i18n/pt';
import { de } from '@/utils/i18n/de';
import { fr } from '@/utils/i18n/fr';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it.each(Object.entries({ es, pt, de, fr }))('%s has every key, translated, with the same placeholders', (_, catalog) => {
    const c = catalog as Record<string, string>;
    for (const [key, text] of Object.entries(en)) {
      expect(c[key], key).toBeTruthy();
      expect(placeholders(c[key]), key).toEqual(placeholders(text));
    }
    // Not a copy of English: most user-visible strings differ.
    const same = Object.keys(en).filter((k) => c[k] === (en as Record<string, string>)[k]).length;
    expect(same / Object.keys(en).length).toBeLessThan(0.2);
  });

  it('keeps export button names findable by “CSV” and “.ics” in every language', () => {
    for (const lang of LANGUAGES) {
      expect(translate(lang, 'exportCsv')).toContain('CSV');
      expect(translate(lang, 'exportIcs')).toContain('.ics');
    }
  });
});

describe('resolveLanguage and plurals', () => {
  it('follows the setting, then the browser, then English', () => {
    expect(resolveLanguage('de', ['fr-FR'])).toBe('de');
    expect(resolveLanguage('auto', ['pt-BR', 'en'])).toBe('pt');
    expect(resolveLanguage('auto', ['ja-JP'])).toBe('en');
  });

  it('picks one/other by the language’s rules (French treats 0 as singular)', () => {
    expect(translatePlural('en', 'periodDays', 1)).toBe('1 day');
    expect(translatePlural('en', 'periodDays', 0)).toBe('0 days');
    expect(translatePlural('fr', 'periodDays', 0)).toBe('0 jour');
    expect(translatePlural('de', 'periodDays', 1000)).toBe('1.000 Tage');
  });
});
