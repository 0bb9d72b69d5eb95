import type { AdCodeRecord, LiveAdGroup } from './code-record';

/**
 * Live ads at risk (issue 13 item 5). A Spark ad runs on a creator's post through its
 * authorization; when the authorization ends before the ad group's scheduled end, the ads stop
 * early. The background reads /ad/get/ and /adgroup/get/ (utils/tiktok-ads-api.ts), merges them
 * here into "which ad groups run each post", and the vault keeps that on the code (`liveAds`).
 * Time is passed in.
 */

export interface AdFact {
  adId: string;
  adgroupId: string;
  /** 'AUTH_CODE' for Spark ads run through a creator's code. */
  identityType?: string;
  tiktokItemId?: string;
  /** ENABLE or DISABLE (paused by the advertiser). */
  operationStatus?: string;
  /** TikTok's secondary status; deleted ads are ignored. */
  status?: string;
}

export interface AdGroupFact {
  adgroupId: string;
  name?: string;
  /** Scheduled end; undefined = runs continuously (SCHEDULE_FROM_NOW). */
  scheduleEnd?: number;
  operationStatus?: string;
  status?: string;
}

export interface AtRisk {
  codeId: number;
  who: string;
  authEnd: number;
  /** scheduleEnd undefined: the ad group runs continuously, so nothing but the authorization's end stops it. */
  groups: { adgroupId: string; name?: string; ads: number; scheduleEnd?: number }[];
  ads: number;
}

const DELETED = /DELETE/i;
/** Paused (by the advertiser or with its ad group): not running, so nothing stops when the authorization ends. */
const PAUSED = /DISABLE/i;
const inactive = (operation?: string, status?: string) => (!!operation && PAUSED.test(operation)) || (!!status && (DELETED.test(status) || PAUSED.test(status)));

/** A post's facts in one account: the ad groups that run Spark ads on it, keyed by TikTok's item id. */
export function liveAdsByItem(advertiserId: string, ads: AdFact[], groups: AdGroupFact[], now: number): Map<string, LiveAdGroup[]> {
  const groupById = new Map(groups.map((g) => [g.adgroupId, g]));
  const counts = new Map<string, Map<string, number>>();
  for (const ad of ads) {
    if (ad.identityType !== 'AUTH_CODE' || !ad.tiktokItemId || inactive(ad.operationStatus, ad.status)) continue;
    const g = groupById.get(ad.adgroupId);
    // An ad group TikTok did not return (deleted), paused, or whose schedule is already over runs nothing.
    if (!g || inactive(g.operationStatus, g.status) || (g.scheduleEnd !== undefined && g.scheduleEnd <= now)) continue;
    const perGroup = counts.get(ad.tiktokItemId) ?? new Map<string, number>();
    perGroup.set(ad.adgroupId, (perGroup.get(ad.adgroupId) ?? 0) + 1);
    counts.set(ad.tiktokItemId, perGroup);
  }
  const out = new Map<string, LiveAdGroup[]>();
  for (const [item, perGroup] of counts) {
    out.set(
      item,
      [...perGroup].map(([adgroupId, n]) => {
        const g = groupById.get(adgroupId)!;
        return { advertiserId, adgroupId, ads: n, at: now, ...(g.name ? { name: g.name } : {}), ...(g.scheduleEnd !== undefined ? { scheduleEnd: g.scheduleEnd } : {}) };
      }),
    );
  }
  return out;
}

/** Stored for the index: the latest scheduled end among a code's live ad groups (continuous ones count as "far"). */
export const CONTINUOUS_UNTIL = 8.64e15;
export function liveAdsUntil(groups: LiveAdGroup[]): number | undefined {
  return groups.length ? Math.max(...groups.map((g) => g.scheduleEnd ?? CONTINUOUS_UNTIL)) : undefined;
}

/** TikTok's tiktok_name is the account's username: shown as the handle people know (@maya.creates). */
const asHandle = (name?: string) => (name && /^[a-z0-9._]{1,64}$/i.test(name) ? `@${name.toLowerCase()}` : name);
export const whoOf = (c: AdCodeRecord) => c.creatorHandle ?? asHandle(c.verified?.tiktokName) ?? c.source.senderName ?? 'a creator';

/**
 * A code is at risk when an ad group running its post is scheduled to end after the authorization
 * does. A continuous ad group (no scheduled end) runs until someone stops it, so the authorization's
 * end is what stops it: at risk too. One that ends first is fine.
 */
export function atRiskOf(c: AdCodeRecord, now: number): AtRisk | undefined {
  if (c.id === undefined || c.archived || !c.liveAds?.length) return undefined;
  const authEnd = c.verified?.authEnd ?? c.expiresAt;
  // Long over: those ads stopped already; the dashboard's expired list says so.
  if (authEnd < now - 86_400_000) return undefined;
  const groups = c.liveAds
    .filter((g) => g.scheduleEnd === undefined || g.scheduleEnd > authEnd)
    .map((g) => ({ adgroupId: g.adgroupId, name: g.name, ads: g.ads, ...(g.scheduleEnd !== undefined ? { scheduleEnd: g.scheduleEnd } : {}) }));
  if (!groups.length) return undefined;
  return { codeId: c.id, who: whoOf(c), authEnd, groups, ads: groups.reduce((n, g) => n + g.ads, 0) };
}

/** Every code at risk, soonest authorization end first. */
export function codesAtRisk(codes: AdCodeRecord[], now: number): AtRisk[] {
  return codes.map((c) => atRiskOf(c, now)).filter((r): r is AtRisk => !!r).sort((a, b) => a.authEnd - b.authEnd);
}

/** From TikTok's raw facts to the risks, for codes that know their post's item id (the merge above, then the rule). */
export function adsAtRisk(codes: AdCodeRecord[], ads: AdFact[], groups: AdGroupFact[], now: number): AtRisk[] {
  const byItem = liveAdsByItem('', ads, groups, now);
  return codesAtRisk(
    codes.map((c) => ({ ...c, liveAds: (c.verified?.itemId && byItem.get(c.verified.itemId)) || undefined })),
    now,
  );
}

/** The words of one ad group's risk, in the reader's language (utils/i18n: `adsAtRisk`). */
export interface AtRiskWords {
  ads: number;
  group: string;
  stop: string;
  who: string;
  /** Undefined: the ad group has no end date (continuous). */
  until?: string;
}

/** "3 ads in 'Spring launch' stop on Dec 12 when @maya.creates's authorization ends; they are scheduled until Dec 31" (or "they have no end date"). */
export function atRiskWords(r: AtRisk, date: (ms: number) => string): AtRiskWords[] {
  return r.groups.map((g) => ({ ads: g.ads, group: g.name ?? g.adgroupId, stop: date(r.authEnd), who: r.who, ...(g.scheduleEnd !== undefined ? { until: date(g.scheduleEnd) } : {}) }));
}

export function describeAtRisk(r: AtRisk, date: (ms: number) => string): string[] {
  return atRiskWords(r, date).map((w) => {
    const one = w.ads === 1;
    const plan = w.until === undefined ? `${one ? 'it has' : 'they have'} no end date` : `${one ? 'it is' : 'they are'} scheduled until ${w.until}`;
    return `${one ? '1 ad' : `${w.ads} ads`} in '${w.group}' ${one ? 'stops' : 'stop'} on ${w.stop} when ${w.who}'s authorization ends; ${plan}`;
  });
}
