import { calendarDaysBetween } from './dates';
import type { Vars } from './format';

type PhraseKey = 'expiredToday' | 'expiredYesterday' | 'expiresTomorrow';
type PhrasePlural = 'expiredDaysAgo' | 'expiresInHours' | 'expiresInDays';

/** Any translator that has the phrase keys: the full one (./core) or the code picker's small one (./picker). */
export interface PhraseTranslator {
  t: (key: PhraseKey, vars?: Vars) => string;
  tn: (base: PhrasePlural, count: number, vars?: Vars) => string;
}

/**
 * "expires in 3 days", "expires tomorrow", "expires in 5 hours", "expired 2 days ago" in the
 * user's language. Same rules as utils/expiry.ts `expiryPhrase` (calendar days, at least one
 * hour), counted in the display zone; in English and the browser's zone the text is identical.
 */
export function localExpiryPhrase({ t, tn }: PhraseTranslator, expiresAt: number, now: number, zone: string): string {
  // Raw numbers, as expiryPhrase prints them ("1200 days", not "1,200 days").
  const n = (count: number) => ({ count: String(count) });
  if (expiresAt <= now) {
    const ago = calendarDaysBetween(expiresAt, now, zone);
    if (ago === 0) return t('expiredToday');
    return ago === 1 ? t('expiredYesterday') : tn('expiredDaysAgo', ago, n(ago));
  }
  const days = calendarDaysBetween(now, expiresAt, zone);
  if (days === 0) {
    const hours = Math.max(1, Math.round((expiresAt - now) / 3_600_000));
    return tn('expiresInHours', hours, n(hours));
  }
  if (days === 1) return t('expiresTomorrow');
  return tn('expiresInDays', days, n(days));
}
