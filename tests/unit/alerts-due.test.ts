import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestDue, dueAlerts, nextAlertAt, nextDigestAt, snoozeUntil, thresholdAt, type AlertCandidate } from '@/utils/alerts-due';
import { zonedInstant, dayKey } from '@/utils/i18n/dates';

const DAY = 86_400_000;
const ZONE = 'Europe/Berlin';
const T0 = Date.UTC(2026, 5, 1, 10, 0); // 1 June 2026, 12:00 in Berlin
const code = (id: number, expiresAt: number, extra: Partial<AlertCandidate> = {}): AlertCandidate => ({ id, expiresAt, archived: 0, alertsSent: [], ...extra });

describe('dueAlerts', () => {
  it('fires nothing before the first threshold and the 7-day alert once it is crossed', () => {
    const c = code(1, T0 + 10 * DAY);
    expect(dueAlerts([c], [7, 3, 1], T0, ZONE)).toEqual([]);
    expect(dueAlerts([c], [7, 3, 1], T0 + 3 * DAY, ZONE)).toEqual([{ id: 1, threshold: 7, covers: [7], snoozeEnded: false }]);
  });

  it('does not fire a threshold already sent (this is what survives restarts: alertsSent is stored)', () => {
    const c = code(1, T0 + 5 * DAY, { alertsSent: [7] });
    expect(dueAlerts([c], [7, 3, 1], T0, ZONE)).toEqual([]);
    expect(dueAlerts([c], [7, 3, 1], T0 + 2 * DAY, ZONE)).toEqual([{ id: 1, threshold: 3, covers: [3], snoozeEnded: false }]);
  });

  it('a code saved late fires once for the most urgent threshold and marks the others', () => {
    const c = code(1, T0 + 2 * DAY);
    expect(dueAlerts([c], [7, 3, 1], T0, ZONE)).toEqual([{ id: 1, threshold: 3, covers: [7, 3], snoozeEnded: false }]);
  });

  it('ignores archived, expired and id-less codes', () => {
    expect(dueAlerts([code(1, T0 + DAY, { archived: 1 }), code(2, T0 - 1), { expiresAt: T0 + DAY, archived: 0, alertsSent: [] }], [7], T0, ZONE)).toEqual([]);
  });

  it('a snoozed code stays quiet until the snooze ends, then reminds once', () => {
    const c = code(1, T0 + 2 * DAY, { alertsSent: [7, 3], alertSnoozedUntil: T0 + DAY });
    expect(dueAlerts([c], [7, 3, 1], T0, ZONE)).toEqual([]);
    expect(dueAlerts([c], [7, 3, 1], T0 + DAY, ZONE)).toEqual([{ id: 1, threshold: 1, covers: [1], snoozeEnded: true }]);
  });

  it('never fires the same (code, threshold) twice when its result is recorded', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 * 24 }), { minLength: 1, maxLength: 30 }), (hours) => {
        const c = code(1, T0 + 15 * DAY);
        const fired: number[] = [];
        for (const h of [...hours].sort((a, b) => a - b)) {
          for (const d of dueAlerts([c], [7, 3, 1], T0 + h * 3_600_000, ZONE)) {
            fired.push(d.threshold);
            c.alertsSent = [...c.alertsSent, ...d.covers];
          }
        }
        expect(new Set(fired).size).toBe(fired.length);
      }),
    );
  });
});

describe('thresholds across DST', () => {
  it('“7 days before” keeps the wall-clock time when the clocks change in between', () => {
    // Expiry Tue 31 March 2026 09:00 Berlin (summer time began on Sunday 29 March).
    const expires = zonedInstant('2026-03-31', '09:00', ZONE)!;
    const at = thresholdAt(expires, 7, ZONE);
    expect(dayKey(at, ZONE)).toBe('2026-03-24');
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeStyle: 'short' }).format(at)).toBe('09:00');
    expect(expires - at).toBe(7 * DAY - 3_600_000);
  });

  it('the same instant is a different calendar day in Auckland and Los Angeles', () => {
    const expires = Date.UTC(2026, 10, 1, 20, 0);
    expect(dayKey(thresholdAt(expires, 1, 'Pacific/Auckland'), 'Pacific/Auckland')).toBe('2026-11-01');
    expect(dayKey(thresholdAt(expires, 1, 'America/Los_Angeles'), 'America/Los_Angeles')).toBe('2026-10-31');
  });
});

describe('scheduling', () => {
  it('nextAlertAt is the earliest unsent crossing or snooze end', () => {
    const a = code(1, T0 + 10 * DAY);
    const b = code(2, T0 + 20 * DAY, { alertSnoozedUntil: T0 + 5 * DAY });
    expect(nextAlertAt([a, b], [7, 3], T0, ZONE)).toBe(thresholdAt(a.expiresAt, 7, ZONE));
    expect(nextAlertAt([{ ...a, alertsSent: [7, 3] }, b], [7, 3], T0, ZONE)).toBe(T0 + 5 * DAY);
    expect(nextAlertAt([], [7], T0, ZONE)).toBeUndefined();
  });

  it('digest: once a day, after 9:00 in the user zone', () => {
    const morning = zonedInstant('2026-06-01', '08:30', ZONE)!;
    const later = zonedInstant('2026-06-01', '09:05', ZONE)!;
    expect(digestDue(morning, undefined, ZONE)).toBe(false);
    expect(digestDue(later, undefined, ZONE)).toBe(true);
    expect(digestDue(later, '2026-06-01', ZONE)).toBe(false);
    expect(nextDigestAt(morning, ZONE)).toBe(zonedInstant('2026-06-01', '09:00', ZONE));
    expect(nextDigestAt(later, ZONE)).toBe(zonedInstant('2026-06-02', '09:00', ZONE));
  });

  it('snooze waits a day but not past the useful end', () => {
    expect(snoozeUntil(T0 + 5 * DAY, T0)).toBe(T0 + DAY);
    expect(snoozeUntil(T0 + 10 * 3_600_000, T0)).toBe(T0 + 8 * 3_600_000);
  });
});
