import { z } from 'zod';
import { optionalText, pageInfoSchema, parseApiTime, type ApiError, type ApiResult, type TikTokClient } from './tiktok-api';
import type { AdFact, AdGroupFact } from './ads-at-risk';

/**
 * Reading an account's live ads and their ad groups' schedules (/ad/get/, /adgroup/get/, Marketing
 * API v1.3), so the background can tell which Spark ads stop when a creator's authorization ends.
 * Through the client's one request path: same envelope, error classes (40100, 40001, 40002) and dates.
 */

/** TikTok's page_size limit for both endpoints. */
export const ADS_PAGE_SIZE = 1000;
/** /adgroup/get/'s filtering.adgroup_ids takes at most 100 ids. */
export const ADGROUP_IDS_PER_REQUEST = 100;
/** 50 pages × 1000 ads: beyond that the paging is wrong, not the account big. */
export const MAX_AD_PAGES = 50;
/** Waits after a 40100 before the same page is asked again; then the account is left for the next sync. */
export const AD_RESUME_WAITS_MS = [2_000, 8_000, 30_000] as const;

export const AD_FIELDS = ['ad_id', 'ad_name', 'adgroup_id', 'identity_type', 'tiktok_item_id', 'operation_status', 'secondary_status'];
export const ADGROUP_FIELDS = ['adgroup_id', 'adgroup_name', 'campaign_id', 'schedule_type', 'schedule_start_time', 'schedule_end_time', 'operation_status'];

const id = z.union([z.string(), z.number()]).transform(String);
/** A schedule time in either of TikTok's formats; empty or unreadable = not given. */
const scheduleTime = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : parseApiTime(v)));

const adSchema = z
  .object({
    ad_id: id,
    adgroup_id: id,
    identity_type: optionalText,
    tiktok_item_id: id.nullish(),
    operation_status: optionalText,
    secondary_status: optionalText,
  })
  .loose();

const adgroupSchema = z
  .object({
    adgroup_id: id,
    adgroup_name: optionalText,
    schedule_type: optionalText,
    schedule_end_time: scheduleTime,
    operation_status: optionalText,
    secondary_status: optionalText,
  })
  .loose();

const listPageSchema = z.object({
  page_info: pageInfoSchema.optional(),
  list: z
    .array(z.unknown())
    .nullish()
    .transform((v) => v ?? []),
});

export interface AdsPage<T> {
  items: T[];
  totalPages: number;
  /** Items that did not have the documented shape (counted, never used). */
  unreadable: number;
}

function toAd(raw: unknown): AdFact | undefined {
  const a = adSchema.safeParse(raw);
  if (!a.success) return undefined;
  const d = a.data;
  return {
    adId: d.ad_id,
    adgroupId: d.adgroup_id,
    identityType: d.identity_type?.toUpperCase(),
    tiktokItemId: d.tiktok_item_id ? d.tiktok_item_id : undefined,
    operationStatus: d.operation_status?.toUpperCase(),
    status: d.secondary_status?.toUpperCase(),
  };
}

function toGroup(raw: unknown): AdGroupFact | undefined {
  const g = adgroupSchema.safeParse(raw);
  if (!g.success) return undefined;
  const d = g.data;
  // SCHEDULE_FROM_NOW runs until stopped: whatever end time TikTok fills in is not a planned end.
  const continuous = d.schedule_type?.toUpperCase() === 'SCHEDULE_FROM_NOW' || d.schedule_end_time === undefined;
  return {
    adgroupId: d.adgroup_id,
    name: d.adgroup_name,
    scheduleEnd: continuous ? undefined : d.schedule_end_time,
    operationStatus: d.operation_status?.toUpperCase(),
    status: d.secondary_status?.toUpperCase(),
  };
}

async function page<T>(
  client: TikTokClient,
  path: string,
  params: Record<string, string>,
  pageNo: number,
  read: (raw: unknown) => T | undefined,
): Promise<ApiResult<AdsPage<T>>> {
  const result = await client.read(path, { ...params, page: String(pageNo), page_size: String(ADS_PAGE_SIZE) }, listPageSchema);
  if (!result.ok) return result;
  const items: T[] = [];
  let unreadable = 0;
  for (const raw of result.value.list) {
    const item = read(raw);
    if (item) items.push(item);
    else unreadable++;
  }
  return { ok: true, value: { items, unreadable, totalPages: result.value.page_info?.total_page ?? pageNo } };
}

/** One page (from 1) of /ad/get/: the account's ads that are not deleted. */
export function adsPage(client: TikTokClient, advertiserId: string, pageNo: number): Promise<ApiResult<AdsPage<AdFact>>> {
  const params = {
    advertiser_id: advertiserId,
    // JSON parameters, as TikTok requires (a repeated parameter gets 40002).
    filtering: JSON.stringify({ primary_status: 'STATUS_NOT_DELETE' }),
    fields: JSON.stringify(AD_FIELDS),
  };
  return page(client, 'ad/get/', params, pageNo, toAd);
}

/** One page of /adgroup/get/ for up to 100 ad groups. */
export function adgroupsPage(client: TikTokClient, advertiserId: string, adgroupIds: string[], pageNo: number): Promise<ApiResult<AdsPage<AdGroupFact>>> {
  const params = { advertiser_id: advertiserId, filtering: JSON.stringify({ adgroup_ids: adgroupIds }), fields: JSON.stringify(ADGROUP_FIELDS) };
  return page(client, 'adgroup/get/', params, pageNo, toGroup);
}

export interface AdsReadDeps {
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Every page, waiting out a rate limit and resuming at the same page; an error hands back nothing. */
async function allPages<T>(fetchPage: (n: number) => Promise<ApiResult<AdsPage<T>>>, deps: AdsReadDeps): Promise<ApiResult<T[]>> {
  const out: T[] = [];
  let waits = 0;
  for (let n = 1; n <= MAX_AD_PAGES; ) {
    const result = await fetchPage(n);
    if (!result.ok) {
      if (result.error.kind === 'rate-limited' && waits < AD_RESUME_WAITS_MS.length) {
        const r = Math.min(1, Math.max(0, deps.random?.() ?? 1));
        await deps.sleep(Math.round(AD_RESUME_WAITS_MS[waits++] * (0.5 + 0.5 * r)));
        continue;
      }
      return result;
    }
    waits = 0;
    out.push(...result.value.items);
    if (n >= result.value.totalPages || (!result.value.items.length && !result.value.unreadable)) break;
    n++;
  }
  return { ok: true, value: out };
}

export type LiveAdsRead = { ok: true; ads: AdFact[]; groups: AdGroupFact[] } | { ok: false; error: ApiError; endpoint: 'ad/get/' | 'adgroup/get/' };

/**
 * The account's Spark ads (identity AUTH_CODE) and the schedules of their ad groups. Ad groups are
 * only asked for when a Spark ad runs in them, so an account without Spark ads costs one request.
 */
export async function readLiveAds(client: TikTokClient, advertiserId: string, deps: AdsReadDeps): Promise<LiveAdsRead> {
  const ads = await allPages((n) => adsPage(client, advertiserId, n), deps);
  if (!ads.ok) return { ok: false, error: ads.error, endpoint: 'ad/get/' };
  const spark = ads.value.filter((a) => a.identityType === 'AUTH_CODE' && a.tiktokItemId);
  const ids = [...new Set(spark.map((a) => a.adgroupId))];
  const groups: AdGroupFact[] = [];
  for (let i = 0; i < ids.length; i += ADGROUP_IDS_PER_REQUEST) {
    const chunk = ids.slice(i, i + ADGROUP_IDS_PER_REQUEST);
    const read = await allPages((n) => adgroupsPage(client, advertiserId, chunk, n), deps);
    if (!read.ok) return { ok: false, error: read.error, endpoint: 'adgroup/get/' };
    groups.push(...read.value);
  }
  return { ok: true, ads: spark, groups };
}
