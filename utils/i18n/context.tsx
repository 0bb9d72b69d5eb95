/** The i18n context without any catalog but English: shared components import this. */
import { createContext, useContext } from 'react';
import { resolveLanguage, translator, type Translator } from './core';
import { dayKey, daysBetweenKeys, formatDate, formatDateTime, resolveZone } from './dates';

/** Language and display zone for a React page, from settings; every date shown goes through it. */
export interface I18n extends Translator {
  zone: string;
  date: (ts: number) => string;
  dateTime: (ts: number) => string;
  /** "in 3 days", "tomorrow", "2 days ago" in the user's language, by calendar days in their zone. */
  relative: (ts: number, now: number) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function makeI18n(languageSetting: string, zoneSetting: string): I18n {
  const tr = translator(resolveLanguage(languageSetting));
  const zone = resolveZone(zoneSetting);
  const rtf = new Intl.RelativeTimeFormat(tr.lang, { numeric: 'auto' });
  return {
    ...tr,
    zone,
    date: (ts) => formatDate(ts, zone, tr.lang),
    dateTime: (ts) => formatDateTime(ts, zone, tr.lang),
    relative: (ts, now) => {
      const days = daysBetweenKeys(dayKey(now, zone), dayKey(ts, zone));
      if (days !== 0) return rtf.format(days, 'day');
      const hours = Math.round((ts - now) / 3_600_000);
      return hours === 0 ? rtf.format(Math.round((ts - now) / 60_000), 'minute') : rtf.format(hours, 'hour');
    },
  };
}

let english: I18n | undefined;

/**
 * For components shared between pages (the popup's code rows): the page's language when it
 * has an <I18nProvider>, English in the browser's zone otherwise.
 */
export function useI18nOrEnglish(): I18n {
  return useContext(I18nContext) ?? (english ??= makeI18n('en', 'local'));
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n needs an <I18nProvider> above it.');
  return ctx;
}
