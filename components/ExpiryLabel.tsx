import { expiryPhrase } from '@/utils/expiry';

export function formatDate(ms: number, withTime = false): string {
  return new Date(ms).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: 'numeric', minute: '2-digit' } : {}),
  });
}

/**
 * "expires in 5 days" with the exact date on hover; says whether the end is TikTok's own
 * (verified through the API) or only an estimate from an assumed period.
 */
export function ExpiryLabel({ expiresAt, now, assumed, verified }: { expiresAt: number; now: number; assumed?: boolean; verified?: boolean }) {
  return (
    <span className="expiry" title={`${expiresAt <= now ? 'Expired' : 'Expires'} ${formatDate(expiresAt, true)}`}>
      {expiryPhrase(expiresAt, now)}
      {verified ? (
        <span className="expiry-verified" title="TikTok confirmed this end date">
          {' · ✓ verified'}
        </span>
      ) : assumed && (
        <span className="expiry-assumed" title="The message stated no period, so TikTok's 30-day default was assumed. Edit it if you know better.">
          {' '}
          · estimated
        </span>
      )}
    </span>
  );
}
