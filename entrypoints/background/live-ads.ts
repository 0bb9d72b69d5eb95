import type { CodesDb } from '@/utils/vault/db';
import type { LiveAdGroup } from '@/utils/code-record';
import { applyLiveAds } from '@/utils/vault/tiktok-commands';
import { normalizeAdCode } from '@/utils/extract';
import { liveAdsByItem } from '@/utils/ads-at-risk';
import { readLiveAds, type AdsReadDeps } from '@/utils/tiktok-ads-api';
import type { ApiError, PostFacts, TikTokClient } from '@/utils/tiktok-api';

/**
 * After an account's posts are merged: which of them live Spark ads run on (/ad/get/, /adgroup/get/),
 * recorded on the codes through one vault command. The posts link TikTok's item id to the code.
 * A failure here (the token cannot read ads, a rate limit) leaves the vault's previous facts as they were.
 */
export async function syncLiveAds(
  db: CodesDb,
  client: TikTokClient,
  advertiserId: string,
  posts: PostFacts[],
  now: number,
  deps: AdsReadDeps,
): Promise<{ ok: true; changed: number } | { ok: false; error: ApiError }> {
  const read = await readLiveAds(client, advertiserId, deps);
  if (!read.ok) return read;
  const byItem = liveAdsByItem(advertiserId, read.ads, read.groups, now);
  const byCode = new Map<string, LiveAdGroup[]>();
  for (const post of posts) {
    const code = normalizeAdCode(post.authCode);
    const groups = post.itemId ? byItem.get(post.itemId) : undefined;
    if (code && groups) byCode.set(code, groups);
  }
  return { ok: true, changed: await applyLiveAds(db, advertiserId, byCode, now) };
}
