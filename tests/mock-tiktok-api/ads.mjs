// The mock's ads and ad groups (/ad/get/, /adgroup/get/, Marketing API v1.3): GET with advertiser_id,
// JSON `filtering` and `fields`, page ≥ 1 and page_size 1–1000; the answer is { list, page_info }.
// Ad group schedule times alternate between TikTok's two formats, as the real API mixes them.
import { isoTime, spaceTime } from './accounts.mjs';

export const ADS_PAGE_SIZE_MAX = 1000;

/**
 * An ad: { adId, adgroupId, itemId?, identityType? ('AUTH_CODE'), operationStatus? ('ENABLE'), secondaryStatus? }.
 * An ad group: { adgroupId, name, campaignId?, start, end?, continuous?, operationStatus?, format?: 'iso' | 'space' }.
 */
export function adItem(ad) {
  return {
    ad_id: ad.adId,
    ad_name: ad.name ?? `Ad ${ad.adId}`,
    adgroup_id: ad.adgroupId,
    identity_type: ad.identityType ?? 'AUTH_CODE',
    identity_id: 'mock-identity',
    tiktok_item_id: ad.itemId ?? '',
    operation_status: ad.operationStatus ?? 'ENABLE',
    secondary_status: ad.secondaryStatus ?? 'AD_STATUS_DELIVERY_OK',
  };
}

export function adgroupItem(group, index) {
  const time = (group.format ?? (index % 2 === 0 ? 'space' : 'iso')) === 'iso' ? isoTime : spaceTime;
  return {
    adgroup_id: group.adgroupId,
    adgroup_name: group.name,
    campaign_id: group.campaignId ?? '1800000000000000001',
    schedule_type: group.continuous ? 'SCHEDULE_FROM_NOW' : 'SCHEDULE_START_END',
    schedule_start_time: time(group.start),
    // TikTok fills in a far end time for continuous ad groups; the client must not read it as a plan.
    schedule_end_time: group.continuous ? time(group.start + 10 * 365 * 86_400_000) : time(group.end),
    operation_status: group.operationStatus ?? 'ENABLE',
    secondary_status: 'ADGROUP_STATUS_DELIVERY_OK',
  };
}

function paging(url, reply) {
  const page = Number(url.searchParams.get('page') ?? '1');
  const pageSize = Number(url.searchParams.get('page_size') ?? '10');
  if (!Number.isInteger(page) || page < 1) return reply(40002, 'page: Must be greater than or equal to 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > ADS_PAGE_SIZE_MAX) return reply(40002, `page_size: Must be between 1 and ${ADS_PAGE_SIZE_MAX}.`);
  return { page, pageSize };
}

function jsonParam(url, name, reply) {
  try {
    return { value: JSON.parse(url.searchParams.get(name) ?? '{}') };
  } catch {
    reply(40002, `${name}: error unmarshaling parameter`);
    return undefined;
  }
}

function answerPage(all, p, reply) {
  const list = all.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
  return reply(0, 'OK', { list, page_info: { page: p.page, page_size: p.pageSize, total_number: all.length, total_page: Math.ceil(all.length / p.pageSize) } });
}

/** /ad/get/ for one account; `pageSizeCap` makes the mock page smaller than asked (to exercise paging). */
export function answerAds(url, account, reply, pageSizeCap = ADS_PAGE_SIZE_MAX) {
  const p = paging(url, reply);
  const filtering = p && jsonParam(url, 'filtering', reply);
  const fields = filtering && jsonParam(url, 'fields', reply);
  if (!fields) return;
  const notDeleted = (filtering.value.primary_status ?? 'STATUS_NOT_DELETE') === 'STATUS_NOT_DELETE';
  const ads = (account.ads ?? []).filter((a) => !notDeleted || !/DELETE/.test(a.secondaryStatus ?? '')).map(adItem);
  return answerPage(ads, { ...p, pageSize: Math.min(p.pageSize, pageSizeCap) }, reply);
}

/** /adgroup/get/: filtering.adgroup_ids (at most 100) picks the ad groups. */
export function answerAdgroups(url, account, reply) {
  const p = paging(url, reply);
  const filtering = p && jsonParam(url, 'filtering', reply);
  if (!filtering) return;
  const ids = filtering.value.adgroup_ids;
  if (ids !== undefined && (!Array.isArray(ids) || ids.length > 100)) return reply(40002, 'filtering.adgroup_ids: Length must be between 1 and 100.');
  const groups = (account.adgroups ?? []).map(adgroupItem).filter((g) => !ids || ids.includes(g.adgroup_id));
  return answerPage(groups, p, reply);
}
