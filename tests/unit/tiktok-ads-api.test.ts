import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTikTokClient } from '@/utils/tiktok-api';
import { adgroupsPage, adsPage, readLiveAds } from '@/utils/tiktok-ads-api';
import { MOCK_ADVERTISER_ID, MOCK_TOKEN, startMockTikTokApi, type MockAd, type MockAdGroup, type MockTikTokApi } from '../mock-tiktok-api/server.mjs';

const START = Date.UTC(2026, 10, 1, 0, 0, 0);
const END = Date.UTC(2026, 11, 31, 23, 59, 0);

let mock: MockTikTokApi;
beforeEach(async () => {
  mock = await startMockTikTokApi();
});
afterEach(async () => {
  await mock.close();
});
const client = () => createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, baseUrl: mock.baseUrl, timeoutMs: 3000 });
const ad = (adId: string, adgroupId: string, over: Partial<MockAd> = {}): MockAd => ({ adId, adgroupId, itemId: '7301', ...over });
const group = (adgroupId: string, over: Partial<MockAdGroup> = {}): MockAdGroup => ({ adgroupId, name: `Group ${adgroupId}`, start: START, end: END, ...over });
const deps = () => ({ sleep: vi.fn(async () => undefined), random: () => 1 });
const calls = (path: string) => mock.requests.filter((r) => r.path.endsWith(path));

describe('/ad/get/ and /adgroup/get/ client', () => {
  it('reads ads with the documented parameters (JSON filtering and fields, page_size 1000)', async () => {
    mock.setAds(MOCK_ADVERTISER_ID, [ad('1', 'g1'), ad('2', 'g1', { identityType: 'TT_USER', itemId: '' })]);
    const page = await adsPage(client(), MOCK_ADVERTISER_ID, 1);
    expect(page).toMatchObject({ ok: true, value: { totalPages: 1, unreadable: 0 } });
    if (!page.ok) return;
    expect(page.value.items).toEqual([
      { adId: '1', adgroupId: 'g1', identityType: 'AUTH_CODE', tiktokItemId: '7301', operationStatus: 'ENABLE', status: 'AD_STATUS_DELIVERY_OK' },
      { adId: '2', adgroupId: 'g1', identityType: 'TT_USER', tiktokItemId: undefined, operationStatus: 'ENABLE', status: 'AD_STATUS_DELIVERY_OK' },
    ]);
    const [req] = calls('ad/get/');
    expect(req.query.page_size).toBe('1000');
    expect(JSON.parse(req.query.filtering)).toEqual({ primary_status: 'STATUS_NOT_DELETE' });
    expect(JSON.parse(req.query.fields)).toContain('tiktok_item_id');
  });

  it('reads schedule ends in both TikTok date formats to the same instant; a continuous ad group has none', async () => {
    mock.setAds(MOCK_ADVERTISER_ID, [], [group('g1', { format: 'space' }), group('g2', { format: 'iso' }), group('g3', { continuous: true })]);
    const page = await adgroupsPage(client(), MOCK_ADVERTISER_ID, ['g1', 'g2', 'g3'], 1);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.items.map((g) => [g.adgroupId, g.name, g.scheduleEnd])).toEqual([
      ['g1', 'Group g1', END],
      ['g2', 'Group g2', END],
      ['g3', 'Group g3', undefined],
    ]);
    expect(JSON.parse(calls('adgroup/get/')[0].query.filtering)).toEqual({ adgroup_ids: ['g1', 'g2', 'g3'] });
  });

  it('pages through every ad, then asks only for the ad groups Spark ads run in, 100 ids a request', async () => {
    const ads = Array.from({ length: 150 }, (_, i) => ad(String(i), `g${i}`));
    mock.setAds(MOCK_ADVERTISER_ID, [...ads, ad('x', 'own', { identityType: 'TT_USER' })], [...ads.map((a) => group(a.adgroupId)), group('own')]);
    mock.capAdsPage(40);
    const read = await readLiveAds(client(), MOCK_ADVERTISER_ID, deps());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.ads).toHaveLength(150);
    expect(calls('ad/get/').map((r) => r.query.page)).toEqual(['1', '2', '3', '4']);
    expect(calls('adgroup/get/').map((r) => JSON.parse(r.query.filtering).adgroup_ids.length)).toEqual([100, 50]);
    expect(read.groups.map((g) => g.adgroupId)).not.toContain('own');
  });

  it('an account without Spark ads costs one request', async () => {
    mock.setAds(MOCK_ADVERTISER_ID, [ad('x', 'own', { identityType: 'TT_USER' })], [group('own')]);
    expect(await readLiveAds(client(), MOCK_ADVERTISER_ID, deps())).toEqual({ ok: true, ads: [], groups: [] });
    expect(mock.requests).toHaveLength(1);
  });

  it('40100: waits and resumes at the same page', async () => {
    mock.setAds(MOCK_ADVERTISER_ID, [ad('1', 'g1')], [group('g1')]);
    mock.rateLimit(1);
    const d = deps();
    const read = await readLiveAds(client(), MOCK_ADVERTISER_ID, d);
    expect(read).toMatchObject({ ok: true, ads: [{ adId: '1' }], groups: [{ adgroupId: 'g1', scheduleEnd: END }] });
    expect(d.sleep).toHaveBeenCalledTimes(1);
  });

  it('40100 that does not ease: gives up with a rate-limit error and nothing read', async () => {
    mock.setAds(MOCK_ADVERTISER_ID, [ad('1', 'g1')], [group('g1')]);
    mock.rateLimit(10);
    expect(await readLiveAds(client(), MOCK_ADVERTISER_ID, deps())).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, endpoint: 'ad/get/' });
  });

  it('40001 names the permission the token lacks, per endpoint', async () => {
    mock.setAds(MOCK_ADVERTISER_ID, [ad('1', 'g1')], [group('g1')]);
    mock.denyScope('ad/get/');
    const a = await readLiveAds(client(), MOCK_ADVERTISER_ID, deps());
    expect(a).toMatchObject({ ok: false, endpoint: 'ad/get/', error: { kind: 'scope', apiCode: 40001 } });
    if (!a.ok) expect(a.error.message).toContain('Ads Management › Read Ads');
    const other = await startMockTikTokApi({ ads: [ad('1', 'g1')], adgroups: [group('g1')] });
    other.denyScope('adgroup/get/');
    const b = await readLiveAds(createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, baseUrl: other.baseUrl }), MOCK_ADVERTISER_ID, deps());
    await other.close();
    if (b.ok) throw new Error('expected a scope error');
    expect(b.endpoint).toBe('adgroup/get/');
    expect(b.error.message).toContain('Ads Management › Read Ad Groups');
  });

  it('40002 is our defect: logged (never the token) and reported as such', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fetch = vi.fn(async () => new Response(JSON.stringify({ code: 40002, message: 'filtering: error unmarshaling parameter', request_id: 'r1', data: {} })));
    const c = createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, fetch });
    const read = await readLiveAds(c, MOCK_ADVERTISER_ID, deps());
    expect(read).toMatchObject({ ok: false, error: { kind: 'defect', apiCode: 40002 } });
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(error.mock.calls)).not.toContain(MOCK_TOKEN);
    error.mockRestore();
  });

  it('an ad of an odd shape is counted, not used; the others are', async () => {
    const fetch = vi.fn(async () =>
      new Response(JSON.stringify({ code: 0, message: 'OK', data: { list: [{ ad_name: 'no ids' }, { ad_id: 5, adgroup_id: 6, identity_type: 'AUTH_CODE', tiktok_item_id: 7 }], page_info: { page: 1, total_page: 1 } } })),
    );
    const page = await adsPage(createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, fetch }), MOCK_ADVERTISER_ID, 1);
    expect(page).toMatchObject({ ok: true, value: { unreadable: 1, items: [{ adId: '5', adgroupId: '6', tiktokItemId: '7' }] } });
  });
});
