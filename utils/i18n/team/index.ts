import { useEffect, useMemo, useState } from 'react';
import type { Language } from '../core';
import { fillTemplate, pluralTemplate, type Vars } from '../format';
import { useI18n } from '../context';
import { enTeam } from './en';

/**
 * The team section's own words, apart from the main catalogs: only Options shows them, and the main
 * catalogs are in the background and every page. English is built in; another language is its own chunk,
 * fetched when the page is shown in it (five languages at once would add ~30 kB to the options page).
 */

export type TeamKey = keyof typeof enTeam;
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type TeamPluralKey = PluralBase<TeamKey>;
type TeamCatalog = Record<TeamKey, string>;

const loaded: Partial<Record<Language, TeamCatalog>> = { en: enTeam };

export async function loadTeamWords(lang: Language): Promise<void> {
  if (loaded[lang]) return;
  const words =
    lang === 'de'
      ? (await import('./de')).deTeam
      : lang === 'fr'
        ? (await import('./fr')).frTeam
        : lang === 'es'
          ? (await import('./es')).esTeam
          : lang === 'pt'
            ? (await import('./pt')).ptTeam
            : enTeam;
  loaded[lang] = words;
}

export interface TeamWords {
  t: (key: TeamKey, vars?: Vars) => string;
  tn: (base: TeamPluralKey, count: number, vars?: Vars) => string;
  /** The page's date and time (its language and display zone). */
  dateTime: (ts: number) => string;
}

export function teamWords(lang: Language, dateTime: (ts: number) => string): TeamWords {
  const words = loaded[lang] ?? enTeam;
  return {
    t: (key, vars) => fillTemplate(words[key] ?? enTeam[key], vars),
    tn: (base, count, vars) => pluralTemplate(words, lang, base, count, vars),
    dateTime,
  };
}

/** The team words in the page's language; null until that language's words are there (English on failure). */
export function useTeamWords(): TeamWords | null {
  const { lang, dateTime } = useI18n();
  const [, setLoaded] = useState(0);
  const ready = !!loaded[lang];
  useEffect(() => {
    if (ready) return;
    let live = true;
    const done = () => live && setLoaded((n) => n + 1);
    loadTeamWords(lang).then(done, () => {
      loaded[lang] = enTeam;
      done();
    });
    return () => {
      live = false;
    };
  }, [lang, ready]);
  return useMemo(() => (ready ? teamWords(lang, dateTime) : null), [ready, lang, dateTime]);
}
