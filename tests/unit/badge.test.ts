import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { saveSettings } from '@/utils/settings';
import { refreshBadge, BADGE_COLOR, BADGE_URGENT_COLOR, NEXT_CHANGE_ALARM } from '@/entrypoints/background/badge';
import { makeCode, record } from './dashboard-fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);
const hex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`.toUpperCase();

let db: CodesDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openCodesDb(`badge-${Math.random()}`);
  await saveSettings({ language: 'en' });
});
const add = (seed: number, expiresAt: number, over = {}) => db.codes.add(record({ code: makeCode(seed), expiresAt, status: 'unused', ...over }));

describe('refreshBadge', () => {
  it('is empty with a plain tooltip when nothing expires within the window', async () => {
    await add(1, NOW + 10 * DAY);
    expect(await refreshBadge(db, 3, NOW)).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Ad Code Keeper: no code expires within 3 days');
  });

  it('counts unarchived, unexpired codes in the window, amber, and says what the number means', async () => {
    await add(1, NOW + DAY);
    await add(2, NOW + 2 * DAY);
    await add(3, NOW + 2 * DAY, { archived: 1 });
    await add(4, NOW - DAY);
    expect(await refreshBadge(db, 3, NOW)).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_COLOR);
    expect(await fakeBrowser.action.getTitle({})).toBe('Ad Code Keeper: 2 codes expire within 3 days');
  });

  it('counts estimated expiries separately: an assumed period or an unknown message date', async () => {
    await add(1, NOW + DAY, { periodAssumed: true, expirySource: 'assumed' });
    await add(2, NOW + DAY, { receivedAtUnknown: true, expirySource: 'stated' });
    await add(3, NOW + 2 * DAY, { expirySource: 'stated' });
    // Exact from TikTok, or set by the user: not estimated even though the date was unknown.
    await add(4, NOW + 2 * DAY, { receivedAtUnknown: true, expirySource: 'tiktok' });
    await add(5, NOW + 10 * DAY, { periodAssumed: true, expirySource: 'assumed' });
    expect(await refreshBadge(db, 3, NOW)).toBe(4);
    expect(await fakeBrowser.action.getTitle({})).toBe('Ad Code Keeper: 4 codes expire within 3 days\n2 of them estimated.');
  });

  it('no estimated line when every expiring code is exact', async () => {
    await add(1, NOW + DAY, { expirySource: 'stated' });
    await refreshBadge(db, 3, NOW);
    expect(await fakeBrowser.action.getTitle({})).toBe('Ad Code Keeper: 1 code expires within 3 days');
  });

  it('turns red when a code in use ends within 24 h', async () => {
    await add(1, NOW + 20 * 3_600_000, { status: 'used' });
    await refreshBadge(db, 3, NOW);
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_URGENT_COLOR);
    expect(await fakeBrowser.action.getTitle({})).toContain('1 code in use ends within 24 hours or has ended.');
  });

  it('stays red for a code that expired while still marked in use, without counting it', async () => {
    await add(1, NOW - 2 * DAY, { status: 'used' });
    await add(2, NOW + DAY);
    expect(await refreshBadge(db, 3, NOW)).toBe(1);
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_URGENT_COLOR);
  });

  it('an ended code left marked in use stops turning the badge red after two weeks, and it wakes up then', async () => {
    await add(1, NOW - 13 * DAY, { status: 'used' });
    await refreshBadge(db, 3, NOW);
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_URGENT_COLOR);
    expect((await fakeBrowser.alarms.get(NEXT_CHANGE_ALARM))?.scheduledTime).toBe(NOW + DAY + 1000);
    await refreshBadge(db, 3, NOW + DAY + 1000);
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_COLOR);
  });

  it('wakes up when a used code enters its last 24 hours', async () => {
    await add(1, NOW + 30 * DAY, { status: 'used' });
    await refreshBadge(db, 60, NOW);
    // Window of 60 days: the count does not change until expiry, but the colour does a day before.
    expect((await fakeBrowser.alarms.get(NEXT_CHANGE_ALARM))?.scheduledTime).toBe(NOW + 29 * DAY + 1000);
  });
});
