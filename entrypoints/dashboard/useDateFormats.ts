import { useMemo } from 'react';
import { useI18n } from '@/utils/i18n/context';

/**
 * The same texts as useI18n().date and .dateTime, but each Intl.DateTimeFormat is made once per
 * language and zone instead of once per call: a screen of table rows formats about a hundred dates.
 */
export function useDateFormats(): { date: (ts: number) => string; dateTime: (ts: number) => string } {
  const { lang, zone } = useI18n();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: zone });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
    return { date: (ts: number) => date.format(ts), dateTime: (ts: number) => dateTime.format(ts) };
  }, [lang, zone]);
}
