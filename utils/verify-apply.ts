import type { AdCodeRecord, VerifiedFacts } from './code-record';
import { DAY_MS } from './expiry';
import { isCodeLevel, type ApiError } from './tiktok-api-errors';
import type { VideoFacts } from './tiktok-api';

/**
 * Merges what TikTok said about a code into its record. Pure: time is passed in. Only TikTok's
 * facts change (expiry, verified block); notes, tags, uses, archive state and source are the
 * user's and are never touched. Account or connection errors return the record unchanged.
 */

export type VerifyOutcome = { ok: true; facts: VideoFacts } | { ok: false; error: ApiError };

/** Statuses meaning the code can no longer be used, whatever the dates say. */
const LOST_AUTH = new Set(['EXPIRED', 'REVOKED', 'DELETED', 'UNAUTHORIZED', 'CANCELED', 'CANCELLED']);
const LOST_ITEM = new Set(['EXPIRED', 'DELETED']);

export function isLostPerTikTok(v: VerifiedFacts | undefined): boolean {
  if (!v) return false;
  return (!!v.authStatus && LOST_AUTH.has(v.authStatus)) || (!!v.itemStatus && LOST_ITEM.has(v.itemStatus));
}

/** A change of less than this is rounding, not news: it must not re-arm expiry alerts. */
const SAME_EXPIRY_MS = 60_000;

export function applyVerification(record: AdCodeRecord, outcome: VerifyOutcome, now: number): AdCodeRecord {
  if (!outcome.ok && !isCodeLevel(outcome.error.kind)) return record;

  const next: AdCodeRecord = { ...record, updatedAt: now };
  if (outcome.ok) {
    const f = outcome.facts;
    next.verified = {
      checkedAt: now,
      authStatus: f.authStatus,
      itemStatus: f.itemStatus,
      authStart: f.authStart,
      authEnd: f.authEnd,
      itemId: f.itemId,
      tiktokName: f.tiktokName,
      videoText: f.videoText,
      posterUrl: f.posterUrl,
    };
    next.expiresAt = f.authEnd;
    next.expirySource = 'tiktok';
    // The exact end is known now, so a later capture stating a period must not re-estimate it.
    next.periodAssumed = false;
    if (f.authStart !== undefined && f.authEnd > f.authStart) {
      next.periodDays = Math.max(1, Math.round((f.authEnd - f.authStart) / DAY_MS));
    }
  } else {
    const { kind, message } = outcome.error;
    next.verified = {
      ...record.verified,
      checkedAt: now,
      error: message,
      errorKind: kind,
      ...(kind === 'code-expired' ? { authStatus: 'EXPIRED' } : {}),
      ...(kind === 'code-revoked' ? { authStatus: 'REVOKED' } : {}),
    };
  }

  // TikTok says it is over: the code must show as expired now even if its end date is later.
  if (isLostPerTikTok(next.verified) && next.expiresAt > now) next.expiresAt = now;

  if (Math.abs(next.expiresAt - record.expiresAt) >= SAME_EXPIRY_MS) next.alertsSent = [];
  return next;
}

/** True when this check is the one that found the code dead: the moment to alert, once. */
export function justLost(before: AdCodeRecord, after: AdCodeRecord): boolean {
  return !isLostPerTikTok(before.verified) && isLostPerTikTok(after.verified);
}
