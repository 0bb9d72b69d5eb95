import type { AdCodeRecord } from './code-record';

/**
 * Live ads at risk (issue 13 item 5, pure core only: nothing fetches /ad/get/ or /adgroup/get/ yet).
 * A Spark ad runs on a creator's post through its authorization; when the authorization ends
 * before the ad group's schedule does, the ads stop early. Inputs are what the background would
 * store from TikTok; time is passed in.
 */

export interface AdFact {
  adId: string;
  adgroupId: string;
  /** 'AUTH_CODE' for Spark ads run through a creator's code. */
  identityType?: string;
  tiktokItemId?: string;
  /** TikTok's secondary status; deleted ads are ignored. */
  status?: string;
}

export interface AdGroupFact {
  adgroupId: string;
  name?: string;
  /** Scheduled end; undefined = runs continuously (SCHEDULE_FROM_NOW). */
  scheduleEnd?: number;
}

export interface AtRisk {
  codeId: number;
  who: string;
  authEnd: number;
  groups: { adgroupId: string; name?: string; ads: number; scheduleEnd?: number }[];
  ads: number;
}

const DELETED = /DELETE/i;

export function adsAtRisk(codes: AdCodeRecord[], ads: AdFact[], groups: AdGroupFact[], now: number): AtRisk[] {
  const groupById = new Map(groups.map((g) => [g.adgroupId, g]));
  const out: AtRisk[] = [];
  for (const c of codes) {
    const itemId = c.verified?.itemId;
    if (c.id === undefined || !itemId || c.archived) continue;
    const authEnd = c.verified?.authEnd ?? c.expiresAt;
    // Long over: those ads stopped already; the dashboard's expired list says so.
    if (authEnd < now - 86_400_000) continue;
    const counts = new Map<string, number>();
    for (const ad of ads) {
      if (ad.identityType !== 'AUTH_CODE' || ad.tiktokItemId !== itemId || (ad.status && DELETED.test(ad.status))) continue;
      const g = groupById.get(ad.adgroupId);
      const end = g?.scheduleEnd;
      if (end !== undefined && end <= authEnd) continue;
      counts.set(ad.adgroupId, (counts.get(ad.adgroupId) ?? 0) + 1);
    }
    if (!counts.size) continue;
    const list = [...counts].map(([adgroupId, n]) => ({ adgroupId, name: groupById.get(adgroupId)?.name, ads: n, scheduleEnd: groupById.get(adgroupId)?.scheduleEnd }));
    out.push({
      codeId: c.id,
      who: c.creatorHandle ?? c.verified?.tiktokName ?? c.source.senderName ?? 'a creator',
      authEnd,
      groups: list,
      ads: list.reduce((n, g) => n + g.ads, 0),
    });
  }
  return out.sort((a, b) => a.authEnd - b.authEnd);
}

/** "3 ads in 'Spring launch' stop on Dec 12 when @maya.creates's authorization ends; they are scheduled until Dec 31". */
export function describeAtRisk(r: AtRisk, date: (ms: number) => string): string[] {
  return r.groups.map((g) => {
    const ads = g.ads === 1 ? '1 ad' : `${g.ads} ads`;
    const one = g.ads === 1;
    const until = g.scheduleEnd === undefined ? `${one ? 'it runs' : 'they run'} continuously` : `${one ? 'it is' : 'they are'} scheduled until ${date(g.scheduleEnd)}`;
    return `${ads} in '${g.name ?? g.adgroupId}' ${one ? 'stops' : 'stop'} on ${date(r.authEnd)} when ${r.who}'s authorization ends; ${until}`;
  });
}
