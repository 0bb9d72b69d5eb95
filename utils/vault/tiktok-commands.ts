import type { CodesDb } from './db';
import type { AdCodeRecord, LiveAdGroup } from './schema';
import { checked, runCommand } from './commands';
import { normalizeAdCode } from '../extract';
import type { PostFacts } from '../tiktok-api';
import type { MergeOutcome, PostChange } from '../tiktok-sync';
import { liveAdsUntil } from '../ads-at-risk';

/** The TikTok import / re-sync write (optional API feature): one account's posts per command. */

/** Counts per outcome (`invalid`: not an ad code, skipped); `changes`: news on known codes, history written with them. */
export interface PostsApplied extends Record<MergeOutcome['outcome'] | 'invalid', number> {
  changes: { id: number; record: AdCodeRecord; changes: PostChange[] }[];
  /** The codes added or updated, so a run over several accounts counts each code once. */
  touched: { added: string[]; updated: string[] };
}

/** One account's whole list of posts in one transaction (all or none: never half an account); `merge`: utils/tiktok-sync. */
export function applyTikTokPosts(
  db: CodesDb,
  posts: PostFacts[],
  now: number,
  merge: (existing: AdCodeRecord | undefined, code: string, post: PostFacts) => MergeOutcome,
): Promise<PostsApplied> {
  return runCommand(db, 'applyTikTokPosts', async () => {
    const result: PostsApplied = { added: 0, updated: 0, unchanged: 0, invalid: 0, changes: [], touched: { added: [], updated: [] } };
    const incoming = new Map<string, PostFacts>();
    for (const p of posts) {
      const code = normalizeAdCode(p.authCode);
      if (code) incoming.set(code, p);
      else result.invalid++;
    }
    const known = new Map((await db.codes.where('code').anyOf([...incoming.keys()]).toArray()).map((r) => [r.code, r]));
    const [fresh, merged]: AdCodeRecord[][] = [[], []];
    for (const [code, post] of incoming) {
      const existing = known.get(code);
      const { record, outcome, changes } = merge(existing, code, post);
      result[outcome]++;
      if (outcome !== 'unchanged') result.touched[outcome].push(code);
      if (outcome === 'added') fresh.push(checked(record));
      else merged.push(checked({ ...record, id: existing!.id }));
      if (changes.length) result.changes.push({ id: existing!.id!, record, changes });
    }
    if (fresh.length) await db.codes.bulkAdd(fresh);
    if (merged.length) await db.codes.bulkPut(merged);
    return result;
  });
}

/**
 * One account's live ads, as just read from TikTok, replace what the vault knew of that account's
 * ad groups (codes no ad runs on any more lose them). `byCode`: normalized code → its ad groups there.
 * One transaction; returns how many records changed.
 */
export function applyLiveAds(db: CodesDb, advertiserId: string, byCode: Map<string, LiveAdGroup[]>, now: number): Promise<number> {
  return runCommand(db, 'applyLiveAds', async () => {
    const before = await db.codes.where('liveAdsUntil').aboveOrEqual(0).toArray();
    const wanted = await db.codes.where('code').anyOf([...byCode.keys()]).toArray();
    const records = new Map<number, AdCodeRecord>([...before, ...wanted].map((r) => [r.id!, r]));
    const out: AdCodeRecord[] = [];
    for (const r of records.values()) {
      const others = (r.liveAds ?? []).filter((g) => g.advertiserId !== advertiserId);
      const mine = byCode.get(r.code) ?? [];
      const liveAds = [...others, ...mine];
      const same = JSON.stringify(strip(r.liveAds ?? [])) === JSON.stringify(strip(liveAds));
      if (same) continue;
      const { liveAds: _old, liveAdsUntil: _until, ...rest } = r;
      const until = liveAdsUntil(liveAds);
      out.push(checked({ ...rest, ...(liveAds.length ? { liveAds, liveAdsUntil: until } : {}), updatedAt: now }));
    }
    if (out.length) await db.codes.bulkPut(out);
    return out.length;
  });
}

/** Compared without the time they were read: a re-sync that finds the same ads writes nothing. */
const strip = (groups: LiveAdGroup[]) => groups.map(({ at: _at, ...g }) => g);
