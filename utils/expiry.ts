import { addDays } from 'date-fns';
import type { AdCodeRecord } from './code-record';
import { calendarDaysBetween } from './i18n/dates';

/** TikTok's default authorization period, used when a message states none. */
export const DEFAULT_PERIOD_DAYS = 30;
export const ALLOWED_PERIODS = [7, 30, 60, 365] as const;
export const DEFAULT_ALERT_WINDOW_DAYS = 3;
export const DAY_MS = 86_400_000;

/** Message date + period. Calendar days, so a DST change does not shift the clock time. */
export function computeExpiry(sentAt: number, periodDays: number): number {
  return addDays(sentAt, periodDays).getTime();
}

export type CodeStatus = 'archived' | 'expired' | 'expiring' | 'used' | 'active';

export function isExpired(code: Pick<AdCodeRecord, 'expiresAt'>, now: number): boolean {
  return code.expiresAt <= now;
}

/** Expiring = not expired and ends within the alert window. */
export function isExpiringSoon(
  code: Pick<AdCodeRecord, 'expiresAt' | 'archived'>,
  now: number,
  windowDays: number,
): boolean {
  return code.archived === 0 && code.expiresAt > now && code.expiresAt - now <= windowDays * DAY_MS;
}

/** The single status shown to the user; the first matching rule wins. */
export function codeStatus(
  code: Pick<AdCodeRecord, 'expiresAt' | 'archived' | 'status'>,
  now: number,
  windowDays: number,
): CodeStatus {
  if (code.archived) return 'archived';
  if (isExpired(code, now)) return 'expired';
  if (isExpiringSoon(code, now, windowDays)) return 'expiring';
  if (code.status === 'used') return 'used';
  return 'active';
}

/** The badge number: unarchived, unexpired codes that end within the alert window. */
export function badgeCount(
  codes: Iterable<Pick<AdCodeRecord, 'expiresAt' | 'archived'>>,
  now: number,
  windowDays: number,
): number {
  let n = 0;
  for (const c of codes) if (isExpiringSoon(c, now, windowDays)) n++;
  return n;
}

/** Whole calendar days from now to expiry (0 = today), in the display zone chosen in Settings. */
export function daysUntil(expiresAt: number, now: number, zone: string): number {
  return calendarDaysBetween(now, expiresAt, zone);
}

/** Short human text: "expires today", "expires in 3 days", "expired 2 days ago". */
export function expiryPhrase(expiresAt: number, now: number, zone: string): string {
  if (expiresAt <= now) {
    const ago = calendarDaysBetween(expiresAt, now, zone);
    if (ago === 0) return 'expired today';
    return ago === 1 ? 'expired yesterday' : `expired ${ago} days ago`;
  }
  const days = daysUntil(expiresAt, now, zone);
  if (days === 0) {
    const hours = Math.max(1, Math.round((expiresAt - now) / 3_600_000));
    return `expires in ${hours} hour${hours === 1 ? '' : 's'}`;
  }
  if (days === 1) return 'expires tomorrow';
  return `expires in ${days} days`;
}
