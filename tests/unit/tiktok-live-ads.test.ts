import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { DAY_MS } from '@/utils/expiry';
import { apiCredentialsItem } from '@/utils/api-settings';
import { getAccountsStore } from '@/utils/tiktok-accounts';
import { saveSettings } from '@/utils/settings';
import { applyLiveAds } from '@/utils/vault/tiktok-commands';
import { codesInLiveAds } from '@/utils/vault/queries';
import { atRiskOf, codesAtRisk, describeAtRisk } from '@/utils/ads-at-risk';
import { createSyncer } from '@/entrypoints/background/tiktok-sync';
import { refreshBadge, BADGE_URGENT_COLOR } from '@/entrypoints/background/badge';
import { makeCode, record } from './dashboard-fixtures';
import { MOCK_ADVERTISER_ID, MOCK_TOKEN, startMockTikTokApi, type MockAdGroup, type MockTikTokApi } from '../mock-tiktok-api/server.mjs';

const NOW = Date.UTC(2026, 11, 1, 12);
const AUTH_END = Date.UTC(2026, 11, 12, 12);
const hex = (rgba: number[]) => `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
const date = (ms: number) => new Date(ms).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const MAYA = makeCode(1);
const OTHER = makeCode(2);
const groups: MockAdGroup[] = [
  { adgroupId: 'g-spring', name: 'Spring launch', start: NOW - 10 * DAY_MS, end: Date.UTC(2026, 11, 31, 12) },
  { adgroupId: 'g-always', name: 'Always on', start: NOW - 10 * DAY_MS, continuous: true },
  { adgroupId: 'g-short', name: 'Short burst', start: NOW - 10 * DAY_MS, end: Date.UTC(2026, 11, 8) },
];
const sparkAds = [
  { adId: 'a1', adgroupId: 'g-spring', itemId: 'item-maya' },
  { adId: 'a2', adgroupId: 'g-spring', itemId: 'item-maya' },
  { adId: 'a3', adgroupId: 'g-spring', itemId: 'item-maya' },
  { adId: 'a4', adgroupId: 'g-spring', itemId: 'item-maya', operationStatus: 'DISABLE' },
  { adId: 'a5', adgroupId: 'g-always', itemId: 'item-maya' },
  { adId: 'a6', adgroupId: 'g-short', itemId: 'item-other' },
];

let mock: MockTikTokApi;
let db: CodesDb;
beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings({ language: 'en' });
  mock = await startMockTikTokApi({
    posts: [
      { code: MAYA, start: NOW - 19 * DAY_MS, end: AUTH_END, name: 'maya.creates', itemId: 'item-maya' },
      { code: OTHER, start: NOW - 19 * DAY_MS, end: AUTH_END, name: 'other.one', itemId: 'item-other' },
    ],
    ads: sparkAds,
    adgroups: groups,
  });
  db = openCodesDb(`live-ads-${Math.random()}`);
  await apiCredentialsItem.setValue({ enabled: true, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID });
});
afterEach(async () => {
  await mock.close();
  await db.delete();
});
const syncer = () => createSyncer({ db, changed: () => undefined, baseUrl: mock.baseUrl, hasPermission: async () => true, notify: async () => undefined, now: () => NOW, sleep: async () => undefined, random: () => 1 });
const byCode = async (code: string) => (await db.codes.where('code').equals(code).first())!;

describe('live ads at risk, end to end in the background (mock API)', () => {
  it('after /tt_video/list/, reads /ad/get/ and /adgroup/get/ and records which ad groups run each code', async () => {
    const report = await syncer().sync('import');
    expect(report.accounts[0]).toMatchObject({ ok: true, posts: 2 });
    expect(report.accounts[0].adsError).toBeUndefined();
    const maya = await byCode(MAYA);
    expect(maya.liveAds?.map((g) => [g.name, g.ads, g.scheduleEnd])).toEqual([
      ['Spring launch', 3, Date.UTC(2026, 11, 31, 12)],
      ['Always on', 1, undefined],
    ]);
    expect(describeAtRisk(atRiskOf(maya, NOW)!, date)).toEqual([
      "3 ads in 'Spring launch' stop on Dec 12 when @maya.creates's authorization ends; they are scheduled until Dec 31",
      "1 ad in 'Always on' stops on Dec 12 when @maya.creates's authorization ends; it has no end date",
    ]);
    // Its ad group ends before the authorization does: not at risk.
    expect(atRiskOf(await byCode(OTHER), NOW)).toBeUndefined();
    expect(codesAtRisk(await codesInLiveAds(db, NOW), NOW).map((r) => r.ads)).toEqual([4]);
  });

  it('the badge counts a code at risk and turns urgent, though it ends beyond the alert window', async () => {
    await syncer().sync('import');
    expect(await refreshBadge(db, 3, NOW)).toBe(1);
    expect(hex(await fakeBrowser.action.getBadgeBackgroundColor({}))).toBe(BADGE_URGENT_COLOR);
    expect(await fakeBrowser.action.getTitle({})).toContain("1 code's live ads stop before their scheduled end.");
  });

  it('a re-sync without those ads clears them; the same ads again write nothing', async () => {
    const s = syncer();
    await s.sync('import');
    const before = (await byCode(MAYA)).updatedAt;
    await s.sync('sync');
    expect((await byCode(MAYA)).updatedAt).toBe(before);
    mock.setAds(MOCK_ADVERTISER_ID, []);
    await s.sync('sync');
    const maya = await byCode(MAYA);
    expect(maya.liveAds).toBeUndefined();
    expect(maya.liveAdsUntil).toBeUndefined();
    expect(await codesInLiveAds(db, NOW)).toEqual([]);
  });

  it('a token without "Read Ads": the posts are still merged and the account says why ads were not checked', async () => {
    mock.denyScope('ad/get/');
    const report = await syncer().sync('import');
    expect(report.added).toBe(2);
    expect(report.accounts[0].adsError?.message).toContain('Ads Management › Read Ads');
    expect((await getAccountsStore()).accounts[0].lastSync?.adsMessage).toContain('Read Ads');
    expect((await byCode(MAYA)).liveAds).toBeUndefined();
  });

  it('no ad requests while the feature is off', async () => {
    await apiCredentialsItem.setValue({ enabled: false, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID });
    await syncer().runSchedule();
    expect(mock.requests).toHaveLength(0);
  });
});

describe('applyLiveAds (vault command)', () => {
  it("replaces one account's ad groups and keeps the other account's", async () => {
    const id = await db.codes.add(record({ code: MAYA, expiresAt: AUTH_END }));
    const g = (advertiserId: string, adgroupId: string, scheduleEnd?: number) => ({ advertiserId, adgroupId, ads: 1, at: NOW, ...(scheduleEnd ? { scheduleEnd } : {}) });
    await applyLiveAds(db, 'A', new Map([[MAYA, [g('A', 'a1', NOW + 40 * DAY_MS)]]]), NOW);
    await applyLiveAds(db, 'B', new Map([[MAYA, [g('B', 'b1', NOW + 20 * DAY_MS)]]]), NOW);
    expect((await db.codes.get(id))?.liveAds?.map((x) => x.adgroupId)).toEqual(['a1', 'b1']);
    expect((await db.codes.get(id))?.liveAdsUntil).toBe(NOW + 40 * DAY_MS);
    expect(await applyLiveAds(db, 'A', new Map(), NOW)).toBe(1);
    expect((await db.codes.get(id))?.liveAds?.map((x) => x.adgroupId)).toEqual(['b1']);
    expect((await db.codes.get(id))?.liveAdsUntil).toBe(NOW + 20 * DAY_MS);
  });
});
