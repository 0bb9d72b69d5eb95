import { browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/codes-db';
import { countExpiringSoon, nextBadgeChangeAt } from '@/utils/code-store';

export const BADGE_COLOR = '#D97706';
export const NEXT_CHANGE_ALARM = 'badge-next-change';

/** Recomputes the badge and schedules a wake-up for the next moment the number can change on its own. */
export async function refreshBadge(db: CodesDb, windowDays: number, now = Date.now()): Promise<number> {
  const count = await countExpiringSoon(db, now, windowDays);
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setTitle({
    title:
      count > 0
        ? `Ad Code Keeper: ${count} code${count === 1 ? '' : 's'} expire${count === 1 ? 's' : ''} within ${windowDays} day${windowDays === 1 ? '' : 's'}`
        : 'Ad Code Keeper',
  });
  const next = await nextBadgeChangeAt(db, now, windowDays);
  if (next !== undefined) await browser.alarms.create(NEXT_CHANGE_ALARM, { when: next + 1000 });
  else await browser.alarms.clear(NEXT_CHANGE_ALARM);
  return count;
}
