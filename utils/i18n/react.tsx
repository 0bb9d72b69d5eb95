import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { resolveLanguage, translator, type Translator } from './index';
import { dayKey, daysBetweenKeys, formatDate, formatDateTime, resolveZone } from './dates';

/** Language and display zone for a React page, from settings; every date shown goes through it. */
export interface I18n extends Translator {
  zone: string;
  date: (ts: number) => string;
  dateTime: (ts: number) => string;
  /** "in 3 days", "tomorrow", "2 days ago" in the user's language, by calendar days in their zone. */
  relative: (ts: number, now: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

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

export function I18nProvider({ language, timeZone, children }: { language: string; timeZone: string; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language, timeZone), [language, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n needs an <I18nProvider> above it.');
  return ctx;
}
