import { describe, expect, it } from 'vitest';
import type { AdCodeRecord } from '@/utils/code-record';
import { adsAtRisk, describeAtRisk, type AdFact, type AdGroupFact } from '@/utils/ads-at-risk';

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
];

describe('adsAtRisk', () => {
  it.each<[string, AdFact[], AdCodeRecord[], number]>([
    ['three ads scheduled past the end', [ad('a1', 'g1', 'item1'), ad('a2', 'g1', 'item1'), ad('a3', 'g1', 'item1')], [code(1)], 3],
    ['an ad group that ends before the authorization', [ad('a1', 'g2', 'item1')], [code(1)], 0],
    ['a continuous ad group', [ad('a1', 'g3', 'item1')], [code(1)], 1],
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
      "1 ad in 'Always on' stops on Dec 12 when @maya.creates's authorization ends; it runs continuously",
    ]);
  });

  it('soonest authorization end first', () => {
    const later = code(2, { verified: { checkedAt: NOW, authEnd: END + 5 * DAY, itemId: 'item2' } });
    const risks = adsAtRisk([later, code(1)], [ad('a1', 'g3', 'item1'), ad('a2', 'g3', 'item2')], groups, NOW);
    expect(risks.map((r) => r.codeId)).toEqual([1, 2]);
  });
});
