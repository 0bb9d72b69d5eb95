import { describe, expect, it } from 'vitest';
import type { AdCodeRecord } from '@/utils/code-record';
import { adsAtRisk, atRiskOf, describeAtRisk, liveAdsByItem, liveAdsUntil, CONTINUOUS_UNTIL, type AdFact, type AdGroupFact } from '@/utils/ads-at-risk';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const END = Date.UTC(2026, 11, 12, 12);
const date = (ms: number) => new Date(ms).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

const code = (id: number, over: Partial<AdCodeRecord> = {}): AdCodeRecord => ({
  id, code: `#c${id}`, creatorHandle: '@maya.creates', periodDays: 30, periodAssumed: false, receivedAt: NOW - 19 * DAY, expiresAt: END,
  status: 'used', uses: [], archived: 0, notes: '', tags: [], source: { kind: 'paste' }, alertsSent: [], createdAt: NOW, updatedAt: NOW,
  verified: { checkedAt: NOW, authStatus: 'AUTHORIZED', authEnd: END, itemId: `item${id}` },
  ...over,
});
const ad = (adId: string, adgroupId: string, item: string, over: Partial<AdFact> = {}): AdFact => ({ adId, adgroupId, identityType: 'AUTH_CODE', tiktokItemId: item, ...over });
const groups: AdGroupFact[] = [
  { adgroupId: 'g1', name: 'Spring launch', scheduleEnd: Date.UTC(2026, 11, 31) },
  { adgroupId: 'g2', name: 'Short burst', scheduleEnd: Date.UTC(2026, 11, 5) },
  { adgroupId: 'g3', name: 'Always on' },
  { adgroupId: 'g4', name: 'Paused group', scheduleEnd: Date.UTC(2026, 11, 31), operationStatus: 'DISABLE' },
  { adgroupId: 'g5', name: 'Already over', scheduleEnd: NOW - DAY },
];

describe('adsAtRisk', () => {
  it.each<[string, AdFact[], AdCodeRecord[], number]>([
    ['three ads scheduled past the end', [ad('a1', 'g1', 'item1'), ad('a2', 'g1', 'item1'), ad('a3', 'g1', 'item1')], [code(1)], 3],
    ['an ad group that ends before the authorization', [ad('a1', 'g2', 'item1')], [code(1)], 0],
    // No end date: it runs until someone stops it, so the authorization's end is what stops it.
    ['a continuous ad group', [ad('a1', 'g3', 'item1')], [code(1)], 1],
    ['a paused ad', [ad('a1', 'g1', 'item1', { operationStatus: 'DISABLE' })], [code(1)], 0],
    ['an ad in a paused ad group', [ad('a1', 'g4', 'item1')], [code(1)], 0],
    ['an ad group whose schedule is over', [ad('a1', 'g5', 'item1')], [code(1)], 0],
    ['an ad group TikTok did not return', [ad('a1', 'g9', 'item1')], [code(1)], 0],
    ['only the ads scheduled past the end (or with no end) count', [ad('a1', 'g1', 'item1'), ad('a2', 'g2', 'item1'), ad('a3', 'g3', 'item1')], [code(1)], 2],
    ['another post', [ad('a1', 'g1', 'item9')], [code(1)], 0],
    ['not a Spark ad (own account post)', [ad('a1', 'g1', 'item1', { identityType: 'TT_USER' })], [code(1)], 0],
    ['a deleted ad', [ad('a1', 'g1', 'item1', { status: 'AD_STATUS_DELETE' })], [code(1)], 0],
    ['an archived code', [ad('a1', 'g1', 'item1')], [code(1, { archived: 1 })], 0],
    ['a code long expired', [ad('a1', 'g1', 'item1')], [code(1, { verified: { checkedAt: NOW, authEnd: NOW - 10 * DAY, itemId: 'item1' } })], 0],
  ])('%s', (_, ads, codes, count) => {
    expect(adsAtRisk(codes, ads, groups, NOW).reduce((n, r) => n + r.ads, 0)).toBe(count);
  });

  it('says which ads stop, when, and until when they were scheduled', () => {
    const [risk] = adsAtRisk([code(1)], [ad('a1', 'g1', 'item1'), ad('a2', 'g1', 'item1'), ad('a3', 'g1', 'item1'), ad('a4', 'g3', 'item1')], groups, NOW);
    expect(describeAtRisk(risk, date)).toEqual([
      "3 ads in 'Spring launch' stop on Dec 12 when @maya.creates's authorization ends; they are scheduled until Dec 31",
      "1 ad in 'Always on' stops on Dec 12 when @maya.creates's authorization ends; it has no end date",
    ]);
    const [one] = adsAtRisk([code(1)], [ad('a1', 'g1', 'item1')], groups, NOW);
    expect(describeAtRisk(one, date)).toEqual(["1 ad in 'Spring launch' stops on Dec 12 when @maya.creates's authorization ends; it is scheduled until Dec 31"]);
  });

  it('soonest authorization end first', () => {
    const later = code(2, { verified: { checkedAt: NOW, authEnd: END + 5 * DAY, itemId: 'item2' } });
    const risks = adsAtRisk([later, code(1)], [ad('a1', 'g1', 'item1'), ad('a2', 'g1', 'item2')], groups, NOW);
    expect(risks.map((r) => r.codeId)).toEqual([1, 2]);
  });
});

describe('liveAdsByItem (the merge of /ad/get/ with /adgroup/get/)', () => {
  it('counts the ads per ad group of each post, with the group name and scheduled end', () => {
    const byItem = liveAdsByItem('adv1', [ad('a1', 'g1', 'item1'), ad('a2', 'g1', 'item1'), ad('a3', 'g3', 'item1'), ad('a4', 'g1', 'item2')], groups, NOW);
    expect(byItem.get('item1')).toEqual([
      { advertiserId: 'adv1', adgroupId: 'g1', name: 'Spring launch', ads: 2, scheduleEnd: Date.UTC(2026, 11, 31), at: NOW },
      { advertiserId: 'adv1', adgroupId: 'g3', name: 'Always on', ads: 1, at: NOW },
    ]);
    expect(byItem.get('item2')?.map((g) => g.ads)).toEqual([1]);
    expect([...byItem.keys()].sort()).toEqual(['item1', 'item2']);
  });

  it('the index value is the latest end; a continuous group counts as far away', () => {
    const at = NOW;
    expect(liveAdsUntil([])).toBeUndefined();
    expect(liveAdsUntil([{ advertiserId: 'a', adgroupId: 'g', ads: 1, at, scheduleEnd: 5 }, { advertiserId: 'a', adgroupId: 'h', ads: 1, at, scheduleEnd: 9 }])).toBe(9);
    expect(liveAdsUntil([{ advertiserId: 'a', adgroupId: 'g', ads: 1, at }])).toBe(CONTINUOUS_UNTIL);
  });

  it('a stored code is at risk from its own liveAds; an archived one is not', () => {
    const liveAds = [{ advertiserId: 'a', adgroupId: 'g1', name: 'Spring launch', ads: 3, at: NOW, scheduleEnd: Date.UTC(2026, 11, 31) }];
    expect(atRiskOf(code(1, { liveAds }), NOW)?.ads).toBe(3);
    expect(atRiskOf(code(1, { liveAds, archived: 1 }), NOW)).toBeUndefined();
    expect(atRiskOf(code(1, { liveAds: [{ ...liveAds[0], scheduleEnd: END - DAY }] }), NOW)).toBeUndefined();
  });
});
