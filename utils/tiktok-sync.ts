import type { AdCodeRecord, HistoryEntry } from './code-record';
import { DAY_MS } from './expiry';
import { LIMITS } from './vault/limits';
import type { ApiError, PostFacts, TikTokClient } from './tiktok-api';
import { isLostPerTikTok, applyVerification } from './verify-apply';

/**
 * Import from Ads Manager and re-sync: reading every page of an account's authorized posts
 * (/tt_video/list/) and merging each post into the vault. Pure apart from the injected client,
 * sleep and random: time is passed in, so the rules are table-tested without mocks.
 */

export interface AccountRef {
  advertiserId: string;
  name?: string;
}

/** In-run waits after a 40100 before the same page is asked again; then the account is left for later. */
export const RESUME_WAITS_MS = [2_000, 8_000, 30_000] as const;
/** 200 pages × 50 = 10 000 posts per account: beyond that something is wrong with the paging. */
export const MAX_PAGES = 200;

export type ReadResult =
  | { ok: true; posts: PostFacts[]; unreadable: number; pages: number }
  | { ok: false; error: ApiError; pagesRead: number };

export interface ReadDeps {
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** After each page: how far the account's read has come. */
  onPage?: (page: number, totalPages: number) => void;
}

/**
 * Every page of one account, or an error and nothing: a run that stops midway (token expired,
 * rate limit that does not ease) hands back no posts, so the vault never gets half an account.
 * A rate limit waits and resumes at the page it stopped on.
 */
export async function readAllPosts(client: TikTokClient, advertiserId: string, deps: ReadDeps): Promise<ReadResult> {
  const byCode = new Map<string, PostFacts>();
  let unreadable = 0;
  let page = 1;
  let waits = 0;
  for (;;) {
    const result = await client.postsPage(advertiserId, page);
    if (!result.ok) {
      if (result.error.kind === 'rate-limited' && waits < RESUME_WAITS_MS.length) {
        const r = deps.random?.() ?? 1;
        await deps.sleep(Math.round(RESUME_WAITS_MS[waits] * (0.5 + 0.5 * Math.min(1, Math.max(0, r)))));
        waits++;
        continue;
      }
      return { ok: false, error: result.error, pagesRead: page - 1 };
    }
    waits = 0;
    // A post that moved between pages while we read is listed twice: the later answer wins.
    for (const p of result.value.posts) byCode.set(p.authCode, p);
    unreadable += result.value.unreadable;
    const total = Math.min(MAX_PAGES, Math.max(result.value.totalPages, page));
    deps.onPage?.(page, total);
    if (page >= total || (!result.value.posts.length && !result.value.unreadable)) break;
    page++;
  }
  return { ok: true, posts: [...byCode.values()], unreadable, pages: page };
}

/** A change TikTok reported about a code the vault already knew. */
export type PostChange =
  | { kind: 'end-moved'; from: number; to: number }
  | { kind: 'status'; from: string; to: string }
  | { kind: 'deleted' };

export interface MergeOutcome {
  record: AdCodeRecord;
  /** 'added': new in the vault; 'updated': TikTok's facts changed something; 'unchanged': only the check time moved. */
  outcome: 'added' | 'updated' | 'unchanged';
  changes: PostChange[];
}

/** Less than this is rounding between the two date formats, not news. */
const SAME_TIME_MS = 60_000;

export function accountLabel(a: AccountRef): string {
  return a.name ? `${a.name} · ${a.advertiserId}` : a.advertiserId;
}

function withHistory(r: AdCodeRecord, entries: HistoryEntry[]): AdCodeRecord {
  if (!entries.length) return r;
  return { ...r, history: [...(r.history ?? []), ...entries].slice(-LIMITS.history) };
}

function withAccount(r: AdCodeRecord, account: AccountRef, now: number): AdCodeRecord {
  const list = r.accounts ?? [];
  const i = list.findIndex((a) => a.advertiserId === account.advertiserId);
  // 'applied' (we applied it there) stays: TikTok listing it confirms it, it does not downgrade it.
  const entry = { advertiserId: account.advertiserId, name: account.name ?? list[i]?.name, state: list[i]?.state ?? 'listed', at: now } as const;
  const next = i < 0 ? [...list, entry] : list.toSpliced(i, 1, entry);
  return { ...r, accounts: next.slice(-LIMITS.accounts) };
}

/** What differs between TikTok's previous word on a code and this one. */
export function detectChanges(before: AdCodeRecord['verified'], after: AdCodeRecord['verified']): PostChange[] {
  if (!before || !after) return [];
  const changes: PostChange[] = [];
  if (before.authEnd !== undefined && after.authEnd !== undefined && Math.abs(after.authEnd - before.authEnd) >= SAME_TIME_MS) {
    changes.push({ kind: 'end-moved', from: before.authEnd, to: after.authEnd });
  }
  const deletedNow = after.itemStatus === 'DELETED' || after.authStatus === 'REVOKED';
  const deletedBefore = before.itemStatus === 'DELETED' || before.authStatus === 'REVOKED';
  if (deletedNow && !deletedBefore) changes.push({ kind: 'deleted' });
  else if (before.authStatus && after.authStatus && before.authStatus !== after.authStatus) {
    changes.push({ kind: 'status', from: before.authStatus, to: after.authStatus });
  }
  return changes;
}

function historyOf(changes: PostChange[], now: number): HistoryEntry[] {
  return changes.map((c) =>
    c.kind === 'deleted' ? { at: now, actor: 'tiktok', kind: 'deleted' } : { at: now, actor: 'tiktok', kind: c.kind, from: c.from, to: c.to },
  );
}

/** JSON with sorted keys and no undefined members: stored records come back with their keys reordered. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Everything but the moment of the check: equal means TikTok told us nothing new. */
function sameFacts(a: AdCodeRecord, b: AdCodeRecord): boolean {
  const strip = (r: AdCodeRecord) => ({ ...r, updatedAt: 0, verified: r.verified && { ...r.verified, checkedAt: 0 }, accounts: r.accounts?.map((x) => ({ ...x, at: 0 })) });
  return canonical(strip(a)) === canonical(strip(b));
}

/** Keeps the stored instants when TikTok's differ by rounding only (one format has no milliseconds). */
function steady(post: PostFacts, before: AdCodeRecord['verified']): PostFacts {
  const keep = (next: number | undefined, prev: number | undefined) =>
    next !== undefined && prev !== undefined && Math.abs(next - prev) < SAME_TIME_MS ? prev : next;
  return { ...post, authEnd: keep(post.authEnd, before?.authEnd) ?? post.authEnd, authStart: keep(post.authStart, before?.authStart) };
}

/** A code first met in Ads Manager: TikTok's facts are all we know, and the source says where it came from. */
export function recordFromPost(code: string, post: PostFacts, account: AccountRef, now: number): AdCodeRecord {
  const start = post.authStart ?? now;
  const base: AdCodeRecord = {
    code,
    periodDays: Math.min(LIMITS.periodDaysMax, Math.max(1, Math.round((post.authEnd - start) / DAY_MS))),
    periodAssumed: false,
    receivedAt: Math.min(start, now),
    expiresAt: post.authEnd,
    status: 'unused',
    uses: [],
    archived: 0,
    notes: '',
    tags: [],
    source: {
      kind: 'import',
      senderName: post.tiktokName?.slice(0, LIMITS.senderName),
      subject: `Imported from Ads Manager (account ${accountLabel(account)})`.slice(0, LIMITS.subject),
    },
    alertsSent: [],
    createdAt: now,
    updatedAt: now,
  };
  const verified = applyVerification(base, { ok: true, facts: post }, now);
  const entry: HistoryEntry = { at: now, actor: 'tiktok', kind: 'imported', advertiserId: account.advertiserId, accountName: account.name };
  return withHistory(withAccount(verified, account, now), [entry]);
}

/**
 * Merges one listed post into the vault's record of its code (or makes one). Known codes get
 * TikTok's exact period and status; the user's notes, tags, uses and source are never touched.
 */
export function mergePost(existing: AdCodeRecord | undefined, code: string, post: PostFacts, account: AccountRef, now: number): MergeOutcome {
  if (!existing) return { record: recordFromPost(code, post, account, now), outcome: 'added', changes: [] };
  const verified = applyVerification(existing, { ok: true, facts: steady(post, existing.verified) }, now);
  const changes = detectChanges(existing.verified, verified.verified);
  const entries = historyOf(changes, now);
  if (existing.verified?.authEnd === undefined) entries.push({ at: now, actor: 'tiktok', kind: 'exact', advertiserId: account.advertiserId, accountName: account.name });
  if (!existing.accounts?.some((a) => a.advertiserId === account.advertiserId)) {
    entries.push({ at: now, actor: 'tiktok', kind: 'listed', advertiserId: account.advertiserId, accountName: account.name });
  }
  const record = withHistory(withAccount(verified, account, now), entries);
  return { record, outcome: sameFacts(existing, record) ? 'unchanged' : 'updated', changes };
}

/** True when this post's code can no longer be used (for the summary's "ended" count). */
export const postLost = (r: AdCodeRecord) => isLostPerTikTok(r.verified);
