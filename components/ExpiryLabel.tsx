import { useI18nOrEnglish } from '@/utils/i18n/context';
import { localExpiryPhrase } from '@/utils/i18n/phrases';
import { dateFormat } from '@/utils/i18n/dates';

/**
 * "Nov 20, 2026" (with the time: "Nov 20, 2026, 3:00 PM") in the given language and zone;
 * without them, in the browser's locale and zone.
 */
export function formatDate(ms: number, withTime = false, locale?: string, timeZone?: string): string {
  return dateFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
    timeZone,
  }).format(ms);
}

/** formatDate in the page's language and display zone. */
export function useFormatDate(): (ms: number, withTime?: boolean) => string {
  const { lang, zone } = useI18nOrEnglish();
  return (ms, withTime = false) => formatDate(ms, withTime, lang, zone);
}

/**
 * "expires in 5 days" with the exact date on hover; says whether the end is TikTok's own
 * (verified through the API) or only an estimate from an assumed period.
 */
export function ExpiryLabel({ expiresAt, now, assumed, verified }: { expiresAt: number; now: number; assumed?: boolean; verified?: boolean }) {
  const i18n = useI18nOrEnglish();
  const { t } = i18n;
  const date = formatDate(expiresAt, true, i18n.lang, i18n.zone);
  return (
    <span className="expiry" title={t(expiresAt <= now ? 'expiryExpiredOn' : 'expiryExpiresOn', { date })}>
      {localExpiryPhrase(i18n, expiresAt, now, i18n.zone)}
      {verified ? (
        <span className="expiry-verified" title={t('expiryVerifiedHint')}>
          {` · ${t('expiryVerified')}`}
        </span>
      ) : assumed && (
        <span className="expiry-assumed" title={t('expiryEstimatedHint')}>
          {' '}
          · {t('expiryEstimated')}
        </span>
      )}
    </span>
  );
}
