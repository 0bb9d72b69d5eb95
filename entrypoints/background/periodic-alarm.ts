import { browser } from 'wxt/browser';

/**
 * Creates a repeating alarm unless it already exists with this period. The service worker runs its
 * start-up on every wake, and `alarms.create` with an existing name reschedules that alarm: creating
 * it unconditionally pushed it back on each wake, so a worker woken more often than the period (any
 * mail page asking about codes) never saw it fire.
 */
export async function ensurePeriodicAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(name, { periodInMinutes });
}
