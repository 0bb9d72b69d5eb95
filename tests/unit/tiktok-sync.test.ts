import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyApiError, createTikTokClient, parseApiTime, type PostFacts } from '@/utils/tiktok-api';
import { mergePost, readAllPosts, RESUME_WAITS_MS, type AccountRef } from '@/utils/tiktok-sync';
import { saveCaptures } from '@/utils/vault/commands';
import { applyTikTokPosts } from '@/utils/vault/tiktok-commands';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { DAY_MS } from '@/utils/expiry';
import { MOCK_ADVERTISER_ID, MOCK_TOKEN, startMockTikTokApi, type MockPost, type MockTikTokApi } from '../mock-tiktok-api/server.mjs';

const NOW = Date.UTC(2026, 11, 1, 12);
const SECOND = '7099999999999999999';

/** Deterministic 64-character ad codes (same generator as the e2e harness). */
function makeCode(seed: number) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = (seed * 2654435761) >>> 0;
  let body = '';
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    body += alphabet[(x >>> 16) % 64];
  }
  return `#${body.slice(0, 8)}Q7x${body.slice(11)}`;
}

const posts = (n: number, from = 1): MockPost[] =>
  Array.from({ length: n }, (_, i) => ({ code: makeCode(from + i), start: NOW - 10 * DAY_MS, end: NOW + (20 + i) * DAY_MS, name: `creator${i}` }));

let mock: MockTikTokApi;
beforeAll(async () => {
  mock = await startMockTikTokApi({ posts: posts(120), accounts: { [SECOND]: { name: 'Second brand', posts: posts(3, 500) } } });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.requests.length = 0;
  mock.expireTokenAfter(Infinity);
});

const client = () => createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, baseUrl: mock.baseUrl, timeoutMs: 3000 });
const noSleep = { sleep: vi.fn(async () => undefined), random: () => 1 };

describe('dates in both of TikTok\'s formats', () => {
  it.each([
    ['2026-05-24 07:09:07', Date.UTC(2026, 4, 24, 7, 9, 7)],
    ['2026-05-24T07:09:07Z', Date.UTC(2026, 4, 24, 7, 9, 7)],
    ['2026-05-24T07:09:07.000Z', Date.UTC(2026, 4, 24, 7, 9, 7)],
    ['2026-05-24T09:09:07+02:00', Date.UTC(2026, 4, 24, 7, 9, 7)],
    ['24/05/2026', undefined],
  ])('%s', (text, ms) => expect(parseApiTime(text)).toBe(ms));

  it('reads one list page whose posts mix the two formats to the same instants', async () => {
    const page = await client().postsPage(MOCK_ADVERTISER_ID, 1);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.posts).toHaveLength(50);
    expect(page.value.posts.slice(0, 2).map((p) => [p.authStart, p.authEnd])).toEqual([
      [NOW - 10 * DAY_MS, NOW + 20 * DAY_MS],
      [NOW - 10 * DAY_MS, NOW + 21 * DAY_MS],
    ]);
    // The request follows TikTok's rules: page_size at most 50, item_types as a JSON array.
    expect(mock.requests[0].query).toMatchObject({ advertiser_id: MOCK_ADVERTISER_ID, page: '1', page_size: '50', item_types: '["VIDEO","CAROUSEL"]' });
  });
});

describe('readAllPosts (pagination, rate limits, token expiry)', () => {
  it('pages through every post of an account and reports progress', async () => {
    const progress: [number, number][] = [];
    const r = await readAllPosts(client(), MOCK_ADVERTISER_ID, { ...noSleep, onPage: (p, t) => progress.push([p, t]) });
    expect(r.ok && r.posts.length).toBe(120);
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('backs off on 40100 and resumes at the page it stopped on', async () => {
    const sleep = vi.fn(async () => undefined);
    mock.rateLimit(1, (req) => req.query.page === '2');
    const r = await readAllPosts(client(), MOCK_ADVERTISER_ID, { sleep, random: () => 1 });
    expect(r.ok && r.posts.length).toBe(120);
    expect(sleep).toHaveBeenCalledWith(RESUME_WAITS_MS[0]);
    expect(mock.requests.map((q) => q.query.page)).toEqual(['1', '2', '2', '3']);
  });

  it('gives up on an account (and hands back nothing) when the rate limit does not ease', async () => {
    mock.rateLimit(10, (req) => req.query.page === '2');
    const r = await readAllPosts(client(), MOCK_ADVERTISER_ID, noSleep);
    mock.rateLimit(0);
    expect(r).toMatchObject({ ok: false, error: { kind: 'rate-limited' }, pagesRead: 1 });
    expect('posts' in r).toBe(false);
  });

  it('stops cleanly when the token expires midway: an error, no posts', async () => {
    mock.expireTokenAfter(1);
    const r = await readAllPosts(client(), MOCK_ADVERTISER_ID, noSleep);
    expect(r).toMatchObject({ ok: false, error: { kind: 'token', apiCode: 40102 }, pagesRead: 1 });
  });

  it('reads another account with the same token', async () => {
    const r = await readAllPosts(client(), SECOND, noSleep);
    expect(r.ok && r.posts.map((p) => p.tiktokName)).toEqual(['creator0', 'creator1', 'creator2']);
  });
});

describe('body-code errors (HTTP 200)', () => {
  it.each([
    [40100, 'Requests made too frequently.', 'tt_video/list/', 'rate-limited', /slow down/],
    [40001, 'Insufficient permissions.', 'tt_video/list/', 'scope', /Authorize TikTok Posts/],
    [40001, 'No permission to operate advertiser 123.', 'tt_video/list/', 'advertiser', /cannot use advertiser/],
    [40002, 'page_size: Must be between 1 and 50.', 'tt_video/list/', 'defect', /our bug/],
    [40002, 'The auth_code has been deleted by the creator.', 'tt_video/info/', 'code-revoked', /revoked/],
    [40102, 'Access token has expired.', 'tt_video/list/', 'token', /access token/],
  ])('%i %s', (code, message, endpoint, kind, words) => {
    const e = classifyApiError(code, message, '123', endpoint);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(words);
  });

  it('names the missing permission from the mock, and logs a 40002 as a defect', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const scoped = await startMockTikTokApi({});
    scoped.denyScope('tt_video/list/');
    const c = createTikTokClient({ accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, baseUrl: scoped.baseUrl });
    const r = await c.postsPage(MOCK_ADVERTISER_ID, 1);
    expect(!r.ok && r.error.message).toMatch(/“Creative Management › TikTok Posts Management › Authorize TikTok Posts”/);
    const bad = await c.postsPage(MOCK_ADVERTISER_ID, 0);
    expect(!bad.ok && bad.error.kind).toBe('scope');
    await scoped.close();
    const defect = await client().postsPage(MOCK_ADVERTISER_ID, 0);
    expect(!defect.ok && defect.error.kind).toBe('defect');
    expect(errors).toHaveBeenCalledWith('[ad-code-keeper] TikTok 40002', 'tt_video/list/', expect.any(Array), expect.any(String), expect.any(String));
    // The token never reaches the log.
    expect(JSON.stringify(errors.mock.calls)).not.toContain(MOCK_TOKEN);
    errors.mockRestore();
  });
});

const ACCOUNT: AccountRef = { advertiserId: MOCK_ADVERTISER_ID, name: 'Northwind Skincare' };
const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  authCode: makeCode(1),
  authStatus: 'AUTHORIZED',
  authStart: NOW - 10 * DAY_MS,
  authEnd: NOW + 20 * DAY_MS,
  tiktokName: 'maya.creates',
  itemId: '7301',
  ...over,
});

describe('mergePost', () => {
  const fresh = mergePost(undefined, makeCode(1), post(), ACCOUNT, NOW);

  it('a new code arrives with TikTok\'s exact period and says it came from Ads Manager', () => {
    expect(fresh.outcome).toBe('added');
    expect(fresh.record).toMatchObject({
      code: makeCode(1),
      expiresAt: NOW + 20 * DAY_MS,
      periodDays: 30,
      periodAssumed: false,
      receivedAt: NOW - 10 * DAY_MS,
      source: { kind: 'import', senderName: 'maya.creates', subject: `Imported from Ads Manager (account Northwind Skincare · ${MOCK_ADVERTISER_ID})` },
      verified: { authStatus: 'AUTHORIZED', authEnd: NOW + 20 * DAY_MS, itemId: '7301' },
      accounts: [{ advertiserId: MOCK_ADVERTISER_ID, state: 'listed' }],
      history: [{ kind: 'imported', actor: 'tiktok', advertiserId: MOCK_ADVERTISER_ID }],
    });
  });

  it.each<[string, Partial<PostFacts>, string, object[]]>([
    ['the same facts again', {}, 'unchanged', []],
    ['the creator extended it', { authEnd: NOW + 50 * DAY_MS }, 'updated', [{ kind: 'end-moved', from: NOW + 20 * DAY_MS, to: NOW + 50 * DAY_MS }]],
    ['a date in the other format, same instant', { authEnd: NOW + 20 * DAY_MS + 500 }, 'unchanged', []],
    ['the status is no longer AUTHORIZED', { authStatus: 'EXPIRED' }, 'updated', [{ kind: 'status', from: 'AUTHORIZED', to: 'EXPIRED' }]],
    ['the video was deleted', { itemStatus: 'DELETED' }, 'updated', [{ kind: 'deleted' }]],
  ])('re-sync: %s', (_, over, outcome, changes) => {
    const again = mergePost(fresh.record, makeCode(1), post(over), ACCOUNT, NOW + DAY_MS);
    expect(again.outcome).toBe(outcome);
    expect(again.changes).toEqual(changes);
    expect(again.record.history?.length).toBe(1 + changes.length);
  });

  it('a code saved from mail keeps the user\'s notes and source and gets "exact, from TikTok"', () => {
    const saved = { ...fresh.record, source: { kind: 'gmail' as const, senderName: 'Maya' }, notes: 'hero', verified: undefined, history: undefined, accounts: undefined };
    const r = mergePost(saved, makeCode(1), post(), ACCOUNT, NOW);
    expect(r.outcome).toBe('updated');
    expect(r.record).toMatchObject({ source: { kind: 'gmail', senderName: 'Maya' }, notes: 'hero', verified: { authEnd: NOW + 20 * DAY_MS } });
    expect(r.record.history?.map((h) => h.kind)).toEqual(['exact', 'listed']);
  });

  it('a code seen in a second account records both accounts, once each', () => {
    const second = mergePost(fresh.record, makeCode(1), post(), { advertiserId: SECOND }, NOW);
    const twice = mergePost(second.record, makeCode(1), post(), { advertiserId: SECOND }, NOW);
    expect(twice.record.accounts?.map((a) => a.advertiserId)).toEqual([MOCK_ADVERTISER_ID, SECOND]);
    expect(twice.outcome).toBe('unchanged');
  });
});

describe('applyTikTokPosts (one transaction per account)', () => {
  let db: CodesDb;
  beforeEach(async () => {
    db = openCodesDb(`tiktok-sync-${Math.random()}`);
    await db.open();
  });
  const merge = (existing: Parameters<typeof mergePost>[0], code: string, p: PostFacts) => mergePost(existing, code, p, ACCOUNT, NOW);

  it('adds new codes, merges known ones, and is idempotent', async () => {
    await saveCaptures(db, [{ code: makeCode(1), source: { kind: 'paste' }, notes: 'from mail' }], NOW - DAY_MS);
    const list = [post(), post({ authCode: makeCode(2) }), post({ authCode: 'not a code' })];
    expect(await applyTikTokPosts(db, list, NOW, merge)).toMatchObject({ added: 1, updated: 1, unchanged: 0, invalid: 1 });
    expect(await applyTikTokPosts(db, list, NOW, merge)).toMatchObject({ added: 0, updated: 0, unchanged: 2, invalid: 1 });
    expect(await db.codes.count()).toBe(2);
    const known = await db.codes.where('code').equals(makeCode(1)).first();
    expect(known).toMatchObject({ notes: 'from mail', expiresAt: NOW + 20 * DAY_MS });
  });

  it('writes nothing when one post of the account cannot be stored', async () => {
    const list = [post(), post({ authCode: makeCode(2), tiktokName: 'x'.repeat(2000) })];
    const tooLong = (existing: Parameters<typeof mergePost>[0], code: string, p: PostFacts) => {
      const m = merge(existing, code, p);
      return { ...m, record: { ...m.record, verified: { ...m.record.verified!, tiktokName: p.tiktokName } } };
    };
    await expect(applyTikTokPosts(db, list, NOW, tooLong)).rejects.toThrow(/Not saved/);
    expect(await db.codes.count()).toBe(0);
  });
});
