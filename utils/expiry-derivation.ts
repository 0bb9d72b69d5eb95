import type { AdCodeRecord, ExpiryBasis, ExpirySource } from './vault/schema';
import type { Translator } from './i18n/core';
import { computeExpiry } from './expiry';

/**
 * How an expiry was worked out, in plain words ("Aug 20 message + 60 days stated in the message").
 * Pure: the translator and the day formatter are passed in, so every language is table-tested
 * and the popup, the dashboard, the Save bar (worded here in the background) and the picker say the same.
 */

/** The facts the wording needs: a saved record, or a capture not saved yet. */
export type DerivationFacts = Pick<AdCodeRecord, 'periodDays' | 'periodAssumed' | 'receivedAt' | 'expiresAt'> &
  Partial<Pick<AdCodeRecord, 'expirySource' | 'receivedAtUnknown' | 'expiryEdited' | 'verified'>>;

/**
 * The stored source, or for a record saved before it existed (an old backup, a restored delete),
 * the same rule the v5 upgrade applies: periodAssumed → assumed, a TikTok end date still in force →
 * tiktok, a hand edit → user, else stated.
 */
export function expirySourceOf(r: DerivationFacts): ExpirySource {
  if (r.expirySource) return r.expirySource;
  if (r.periodAssumed) return 'assumed';
  const tiktokEnd = r.verified?.authEnd;
  if (tiktokEnd !== undefined && tiktokEnd === r.expiresAt) return 'tiktok';
  if (r.expiryEdited) return 'user';
  if (tiktokEnd !== undefined) return 'tiktok';
  return 'stated';
}

/** The expiry is a guess: the period was assumed, or the start date is only the time of capture. */
export function isEstimated(r: DerivationFacts): boolean {
  const source = expirySourceOf(r);
  if (source === 'tiktok' || source === 'user') return false;
  return source === 'assumed' || !!r.receivedAtUnknown;
}

/** The expiry the facts give: date + period, unless TikTok or the user set it (then it stays as it is). */
export function derivedExpiry(r: DerivationFacts): number {
  const source = expirySourceOf(r);
  return source === 'tiktok' || source === 'user' ? r.expiresAt : computeExpiry(r.receivedAt, r.periodDays);
}

/** The same facts with the stored source filled in (imports and restores of backups made before it existed). */
export function withExpirySource<T extends DerivationFacts>(r: T): T {
  return r.expirySource ? r : { ...r, expirySource: expirySourceOf(r) };
}

/** The facts an expiry rests on, as the undo of a period or date fix puts them back. */
export function expiryBasisOf(r: AdCodeRecord): ExpiryBasis {
  const basis: ExpiryBasis = {
    periodDays: r.periodDays,
    periodAssumed: r.periodAssumed,
    receivedAt: r.receivedAt,
    expiresAt: r.expiresAt,
    expirySource: expirySourceOf(r),
  };
  if (r.receivedAtUnknown !== undefined) basis.receivedAtUnknown = r.receivedAtUnknown;
  if (r.expiryEdited !== undefined) basis.expiryEdited = r.expiryEdited;
  return basis;
}

/**
 * "Aug 20 message + 60 days stated in the message", "exact, from TikTok (checked Dec 1)", "set by you",
 * "saved Dec 1 (the message date was not found) + 30 days — estimated". `day` formats a date the
 * user's way ("Aug 20"), in the user's zone.
 */
export function describeExpiry(r: DerivationFacts, { t, tn }: Pick<Translator, 't' | 'tn'>, day: (ts: number) => string): string {
  const source = expirySourceOf(r);
  if (source === 'tiktok') return r.verified ? t('derivationTikTok', { date: day(r.verified.checkedAt) }) : t('derivationTikTokNoDate');
  if (source === 'user') return t('derivationUser');
  const from = r.receivedAtUnknown ? t('derivationSavedOn', { date: day(r.receivedAt) }) : t('derivationMessageOn', { date: day(r.receivedAt) });
  const key = source === 'assumed' ? 'derivationAssumed' : source === 'chosen' ? 'derivationChosen' : 'derivationStated';
  const text = tn(key, r.periodDays, { from });
  return isEstimated(r) ? t('derivationEstimated', { text }) : text;
}

/** "Aug 20": the short day the wording uses, in the user's zone and language. */
export function shortDay(lang: string, timeZone?: string): (ts: number) => string {
  const format = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone });
  return (ts) => format.format(ts);
}
