import { browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/vault/db';
import { codesInLiveAds, countEstimatedExpiringSoon, countExpiringSoon, countUrgent, nextBadgeChangeAt, nextUrgentChangeAt } from '@/utils/vault/queries';
import { atRiskOf } from '@/utils/ads-at-risk';
import { DAY_MS } from '@/utils/expiry';
import { resolveLanguage, translator } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';

/** Amber: something ends within the alert window. White text on it passes WCAG AA (5:1). */
export const BADGE_COLOR = '#B45309';
/**
 * Red: a code that live ads depend on ends within 24 h, or already ended while still marked in use,
 * or TikTok's ads (/ad/get/) are scheduled to run past the code's authorization (ads at risk).
 */
export const BADGE_URGENT_COLOR = '#C81E3A';
export const NEXT_CHANGE_ALARM = 'badge-next-change';

export { countUrgent, ENDED_IN_USE_RED_DAYS } from '@/utils/vault/queries';

/** Recomputes the badge and schedules a wake-up for the next moment the number or colour can change on its own. */
export async function refreshBadge(db: CodesDb, windowDays: number, now = Date.now()): Promise<number> {
  const [soon, urgent, live, settings] = await Promise.all([countExpiringSoon(db, now, windowDays), countUrgent(db, now), codesInLiveAds(db, now), getSettings()]);
  const { t, tn } = translator(resolveLanguage(settings.language, globalThis.navigator?.languages));
  const atRisk = live.filter((r) => atRiskOf(r, now));
  // Codes at risk are counted too; those ending within the window are in `soon` already.
  const count = soon + atRisk.filter((r) => !(r.expiresAt > now && r.expiresAt <= now + windowDays * DAY_MS)).length;
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: urgent > 0 || atRisk.length > 0 ? BADGE_URGENT_COLOR : BADGE_COLOR });
  await browser.action.setBadgeTextColor?.({ color: '#FFFFFF' });
  const lines = [count > 0 ? tn('badgeCount', count, { days: windowDays }) : t('badgeNone', { days: windowDays })];
  // An estimated expiry may be days off either way: the user should know how many of the count are guesses.
  const estimated = count > 0 ? await countEstimatedExpiringSoon(db, now, windowDays) : 0;
  if (estimated > 0) lines.push(tn('badgeEstimated', estimated));
  if (urgent > 0) lines.push(tn('badgeUrgent', urgent));
  if (atRisk.length > 0) lines.push(tn('badgeAtRisk', atRisk.length));
  await browser.action.setTitle({ title: lines.join('\n') });
  // A code stops being at risk a day after its authorization ended (ads-at-risk.ts).
  const riskEnds = atRisk.map((r) => (r.verified?.authEnd ?? r.expiresAt) + DAY_MS);
  const times = [await nextBadgeChangeAt(db, now, windowDays), await nextUrgentChangeAt(db, now), ...riskEnds].filter((x): x is number => x !== undefined);
  if (times.length) await browser.alarms.create(NEXT_CHANGE_ALARM, { when: Math.min(...times) + 1000 });
  else await browser.alarms.clear(NEXT_CHANGE_ALARM);
  return count;
}
