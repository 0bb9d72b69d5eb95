import { browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/codes-db';
import { countExpiringSoon, nextBadgeChangeAt } from '@/utils/code-store';
import { DAY_MS } from '@/utils/expiry';
import { resolveLanguage, translator } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';

/** Amber: something ends within the alert window. White text on it passes WCAG AA (5:1). */
export const BADGE_COLOR = '#B45309';
/** Red: a code that live ads depend on ends within 24 h, or already ended while still marked in use. */
export const BADGE_URGENT_COLOR = '#C81E3A';
export const NEXT_CHANGE_ALARM = 'badge-next-change';

/** Unarchived codes marked used, by expiry: one index range, whatever the vault size. */
const usedBetween = (db: CodesDb, from: number, to: number, includeFrom: boolean) =>
  db.codes.where('[archived+status+expiresAt]').between([0, 'used', from], [0, 'used', to], includeFrom, true);

/**
 * How long a code that ended while still marked used keeps the badge red. Long enough to be
 * noticed and dealt with (renew, mark unused, archive); not forever, or an old vault would
 * keep the badge red for good and the colour would stop meaning anything.
 */
export const ENDED_IN_USE_RED_DAYS = 14;

/** Codes marked used whose authorization ends within 24 h or ended recently: ads built on them stop. */
export async function countUrgent(db: CodesDb, now: number): Promise<number> {
  return usedBetween(db, now - ENDED_IN_USE_RED_DAYS * DAY_MS, now + DAY_MS, true).count();
}

/** When the colour next changes: a used code enters its last 24 h, or an ended one stops counting. */
async function nextUrgentAt(db: CodesDb, now: number): Promise<number | undefined> {
  const redFor = ENDED_IN_USE_RED_DAYS * DAY_MS;
  const [entering, leaving] = await Promise.all([
    usedBetween(db, now + DAY_MS, Infinity, false).first(),
    usedBetween(db, now - redFor, now, false).first(),
  ]);
  const times = [entering && entering.expiresAt - DAY_MS, leaving && leaving.expiresAt + redFor].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** Recomputes the badge and schedules a wake-up for the next moment the number or colour can change on its own. */
export async function refreshBadge(db: CodesDb, windowDays: number, now = Date.now()): Promise<number> {
  const [count, urgent, settings] = await Promise.all([countExpiringSoon(db, now, windowDays), countUrgent(db, now), getSettings()]);
  const { t, tn } = translator(resolveLanguage(settings.language, globalThis.navigator?.languages));
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: urgent > 0 ? BADGE_URGENT_COLOR : BADGE_COLOR });
  await browser.action.setBadgeTextColor?.({ color: '#FFFFFF' });
  const lines = [count > 0 ? tn('badgeCount', count, { days: windowDays }) : t('badgeNone', { days: windowDays })];
  if (urgent > 0) lines.push(tn('badgeUrgent', urgent));
  await browser.action.setTitle({ title: lines.join('\n') });
  const times = [await nextBadgeChangeAt(db, now, windowDays), await nextUrgentAt(db, now)].filter((x): x is number => x !== undefined);
  if (times.length) await browser.alarms.create(NEXT_CHANGE_ALARM, { when: Math.min(...times) + 1000 });
  else await browser.alarms.clear(NEXT_CHANGE_ALARM);
  return count;
}
