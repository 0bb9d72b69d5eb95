import type { AdCodeRecord } from './code-record';
import { addZonedDays, dayKey, timeKey, zonedInstant } from './i18n/dates';

/**
 * Which expiry notifications are due at `now`. Pure: the background passes codes, settings and
 * the clock in, then records what it fired in `alertsSent`, which is what makes each
 * (code, threshold) fire once even across browser restarts.
 */

export type AlertCandidate = Pick<AdCodeRecord, 'expiresAt' | 'archived' | 'alertsSent' | 'alertSnoozedUntil'> & { id?: number };

export interface DueAlert {
  id: number;
  /** The most urgent threshold crossed (days before expiry). */
  threshold: number;
  /** Every unsent threshold now crossed: all are marked sent, so a code saved late does not fire three times at once. */
  covers: number[];
  /** A snoozed reminder came back. */
  snoozeEnded: boolean;
}

/** The moment a threshold is crossed: `days` calendar days before expiry in the user's zone. */
export function thresholdAt(expiresAt: number, days: number, zone: string): number {
  return addZonedDays(expiresAt, -days, zone);
}

function isLive(c: AlertCandidate, now: number): c is AlertCandidate & { id: number } {
  return c.id !== undefined && c.archived === 0 && c.expiresAt > now;
}

export function dueAlerts(codes: Iterable<AlertCandidate>, thresholds: number[], now: number, zone: string): DueAlert[] {
  const due: DueAlert[] = [];
  for (const c of codes) {
    if (!isLive(c, now)) continue;
    const snoozed = c.alertSnoozedUntil;
    if (snoozed !== undefined && snoozed > now) continue;
    const covers = thresholds.filter((t) => !c.alertsSent.includes(t) && thresholdAt(c.expiresAt, t, zone) <= now);
    const snoozeEnded = snoozed !== undefined;
    if (!covers.length && !snoozeEnded) continue;
    const crossed = thresholds.filter((t) => thresholdAt(c.expiresAt, t, zone) <= now);
    const threshold = Math.min(...(covers.length ? covers : crossed.length ? crossed : thresholds));
    due.push({ id: c.id, threshold, covers: covers.sort((a, b) => b - a), snoozeEnded });
  }
  return due.sort((a, b) => a.threshold - b.threshold);
}

/** The next moment something can become due (for a one-shot alarm); undefined when nothing is pending. */
export function nextAlertAt(codes: Iterable<AlertCandidate>, thresholds: number[], now: number, zone: string): number | undefined {
  let next = Infinity;
  for (const c of codes) {
    if (!isLive(c, now)) continue;
    if (c.alertSnoozedUntil !== undefined && c.alertSnoozedUntil > now) next = Math.min(next, c.alertSnoozedUntil);
    for (const t of thresholds) {
      if (c.alertsSent.includes(t)) continue;
      const at = thresholdAt(c.expiresAt, t, zone);
      if (at > now) next = Math.min(next, at);
    }
  }
  return Number.isFinite(next) ? next : undefined;
}

/** Daily digest: at most one a day, at the first check after `hour` o'clock in the user's zone. */
export const DIGEST_HOUR = 9;

export function digestDue(now: number, lastDigestDay: string | undefined, zone: string, hour = DIGEST_HOUR): boolean {
  return dayKey(now, zone) !== lastDigestDay && Number(timeKey(now, zone).slice(0, 2)) >= hour;
}

/** The next digest moment after `now` (today's if still ahead, else tomorrow's). */
export function nextDigestAt(now: number, zone: string, hour = DIGEST_HOUR): number {
  const today = zonedInstant(dayKey(now, zone), `${String(hour).padStart(2, '0')}:00`, zone)!;
  return today > now ? today : addZonedDays(today, 1, zone);
}

/** Snoozing waits a day, but never past a point where the reminder could still help. */
export function snoozeUntil(expiresAt: number, now: number): number {
  const day = 86_400_000;
  const latestUseful = expiresAt - 2 * 3_600_000;
  return latestUseful > now + 3_600_000 ? Math.min(now + day, latestUseful) : now + day;
}
