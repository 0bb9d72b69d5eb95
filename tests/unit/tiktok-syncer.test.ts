import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AdCodeRecord } from '@/utils/code-record';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { DAY_MS } from '@/utils/expiry';
import { apiCredentialsItem } from '@/utils/api-settings';
import { getAccountsStore } from '@/utils/tiktok-accounts';
import { createSyncer } from '@/entrypoints/background/tiktok-sync';
import type { PostChange } from '@/utils/tiktok-sync';
import { saveSettings } from '@/utils/settings';
import { applyFromPageHandlers } from '@/entrypoints/background/apply-handlers';
import { MOCK_ADVERTISER_ID, MOCK_TOKEN, startMockTikTokApi, type MockPost, type MockTikTokApi } from '../mock-tiktok-api/server.mjs';

const NOW = Date.UTC(2026, 11, 1, 12);
const SECOND = '7099999999999999999';
/** Deterministic 64-character ad codes (same generator as the e2e harness). */
function code(seed: number) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = (seed * 2654435761) >>> 0;
  let body = '';
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    body += alphabet[(x >>> 16) % 64];
  }
  return `#${body.slice(0, 8)}Q7x${body.slice(11)}`;
}
const posts = (n: number, from: number): MockPost[] =>
  Array.from({ length: n }, (_, i) => ({
    code: code(from + i),
    start: NOW - 5 * DAY_MS,
    end: NOW + 25 * DAY_MS,
    name: `maker${from + i}`,
  }));

let mock: MockTikTokApi;
let db: CodesDb;
let notices: { record: AdCodeRecord; change: PostChange }[];
let clock: number;

beforeEach(async () => {
  fakeBrowser.reset();
  mock = await startMockTikTokApi({ posts: posts(60, 1), accounts: { [SECOND]: { name: 'Second brand', posts: posts(2, 100) } } });
  db = openCodesDb(`syncer-${Math.random()}`);
  notices = [];
  clock = NOW;
  await apiCredentialsItem.setValue({ enabled: true, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID });
});
afterEach(async () => {
  await mock.close();
  await db.delete();
});

const syncer = () =>
  createSyncer({
    db,
    changed: () => undefined,
    baseUrl: mock.baseUrl,
    hasPermission: async () => true,
    notify: async (record, change) => void notices.push({ record, change }),
    now: () => clock,
    sleep: async () => undefined,
    random: () => 1,
  });

describe('TikTok import and re-sync (background)', () => {
  it('does nothing at all while the feature is off', async () => {
    await apiCredentialsItem.setValue({ enabled: false, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID });
    const s = syncer();
    expect(await s.runSchedule()).toBeUndefined();
    expect((await s.previewImport()).error?.kind).toBe('off');
    expect(mock.requests).toHaveLength(0);
  });

  it('names an added account, previews, imports both accounts, and a second import changes nothing', async () => {
    const s = syncer();
    expect(await s.addAccount(SECOND)).toEqual({ ok: true, name: 'Second brand' });
    expect(await s.addAccount('7000000000000000001')).toMatchObject({ ok: false, error: { kind: 'advertiser' } });
    const preview = await s.previewImport();
    expect(preview.accounts.map((a) => [a.advertiserId, a.posts, a.newCodes])).toEqual([
      [MOCK_ADVERTISER_ID, 60, 60],
      [SECOND, 2, 2],
    ]);
    expect(await db.codes.count()).toBe(0);
    const listCalls = mock.requests.filter((r) => r.path.endsWith('tt_video/list/')).length;

    const report = await s.sync('import');
    expect(report).toMatchObject({ ran: true, added: 62, updated: 0 });
    // The import used the preview's pages instead of asking TikTok again.
    expect(mock.requests.filter((r) => r.path.endsWith('tt_video/list/')).length).toBe(listCalls);
    const again = await s.sync('sync');
    expect(again).toMatchObject({ added: 0, updated: 0, changes: 0 });
    expect(await db.codes.count()).toBe(62);
    const store = await getAccountsStore();
    expect(store.importedAt).toBe(NOW);
    expect(store.nextSyncAt).toBe(NOW + DAY_MS);
    expect(store.accounts.find((a) => a.advertiserId === SECOND)?.lastSync).toMatchObject({ ok: true, posts: 2 });
  });

  it('re-sync records an extension, a revocation and a deletion as history and notifications', async () => {
    const s = syncer();
    await s.previewImport();
    await s.sync('import');
    const list = posts(60, 1);
    list[0] = { ...list[0], end: NOW + 90 * DAY_MS };
    list[1] = { ...list[1], authStatus: 'EXPIRED' };
    list[2] = { ...list[2], itemStatus: 'DELETED' };
    mock.setPosts(MOCK_ADVERTISER_ID, list);
    clock = NOW + DAY_MS;
    const report = await s.runSchedule();
    expect(report).toMatchObject({ updated: 3, changes: 3 });
    expect(notices.map((n) => n.change.kind)).toEqual(['end-moved', 'status', 'deleted']);
    const extended = await db.codes.where('code').equals(code(1)).first();
    expect(extended?.expiresAt).toBe(NOW + 90 * DAY_MS);
    expect(extended?.history?.at(-1)).toMatchObject({ at: NOW + DAY_MS, actor: 'tiktok', kind: 'end-moved', to: NOW + 90 * DAY_MS });
    const first = (await getAccountsStore()).accounts.find((a) => a.advertiserId === MOCK_ADVERTISER_ID);
    expect(first?.lastSync?.changes[0]).toMatch(/^TikTok reports maker1's authorization was extended to /);
  });

  it('a token that expires mid-sync stops cleanly: says sign in again, nothing of that account is written', async () => {
    const s = syncer();
    await s.addAccount(SECOND);
    mock.requests.length = 0;
    mock.expireTokenAfter(1); // page 1 of the first account answers, page 2 does not
    const report = await s.sync('import');
    expect(report.error?.message).toMatch(/Sign in again/);
    expect(report.accounts[0]).toMatchObject({ ok: false, advertiserId: MOCK_ADVERTISER_ID });
    expect(await db.codes.count()).toBe(0);
    // The second account was not even asked: it would fail the same way.
    expect(mock.requests.some((r) => r.query.advertiser_id === SECOND)).toBe(false);
  });

  it('a rate limit that does not ease rests that account only; the schedule skips it until its backoff ends', async () => {
    const s = syncer();
    await s.addAccount(SECOND);
    mock.rateLimit(20, (r) => r.query.advertiser_id === MOCK_ADVERTISER_ID);
    const report = await s.sync('import');
    expect(report.accounts.map((a) => [a.advertiserId, a.ok])).toEqual([
      [MOCK_ADVERTISER_ID, false],
      [SECOND, true],
    ]);
    expect(await db.codes.count()).toBe(2);
    const rested = (await getAccountsStore()).accounts.find((a) => a.advertiserId === MOCK_ADVERTISER_ID);
    expect(rested?.notBefore).toBeGreaterThan(NOW);
    mock.rateLimit(0);
    mock.requests.length = 0;
    await s.runSchedule();
    expect(mock.requests.some((r) => r.query.advertiser_id === MOCK_ADVERTISER_ID)).toBe(false);
    clock = rested!.notBefore! + 1;
    await s.runSchedule();
    expect(await db.codes.count()).toBe(62);
  });
});

describe('Apply to ad accounts (/tt_video/authorize/)', () => {
  const save = async (n: number) =>
    (await db.codes.add({
      code: code(n),
      periodDays: 30,
      periodAssumed: true,
      receivedAt: NOW,
      expiresAt: NOW + 30 * DAY_MS,
      status: 'unused',
      uses: [],
      archived: 0,
      notes: '',
      tags: [],
      source: { kind: 'paste' },
      alertsSent: [],
      createdAt: NOW,
      updatedAt: NOW,
    })) as number;

  it('applies each code × account, words each failure plainly, skips pairs already there, and records successes', async () => {
    const s = syncer();
    await s.addAccount(SECOND);
    const [ok, expired, deleted, badFormat, flaky] = [await save(300), await save(301), await save(302), await save(303), await save(304)];
    mock.setAuthorizeError(code(301), [4025, 'Authorization expired.']);
    mock.setAuthorizeError(code(302), [40002, 'The code has been deleted.']);
    mock.setAuthorizeError(code(303), [4013, 'The post code is incorrect.']);
    mock.setAuthorizeError(code(304), { flaky: true });
    const report = await s.applyCodes([ok, expired, deleted, badFormat, flaky], [MOCK_ADVERTISER_ID]);
    expect(report.results.map((r) => [r.id, r.outcome, r.retry])).toEqual([
      [ok, 'applied', false],
      [expired, 'failed', false],
      [deleted, 'failed', false],
      [badFormat, 'failed', false],
      [flaky, 'failed', true],
    ]);
    expect(report.results.map((r) => r.words.split(':')[0])).toEqual(['Applied', 'Expired', 'Deleted', 'Format error', 'Not applied yet']);
    expect(report.results[1].words).toMatch(/Ask the creator for a renewal/);
    const applied = await db.codes.get(ok);
    expect(applied?.accounts).toEqual([{ advertiserId: MOCK_ADVERTISER_ID, name: 'Northwind Skincare', state: 'applied', at: NOW }]);
    expect(applied?.history?.at(-1)).toMatchObject({ kind: 'applied', actor: 'me', advertiserId: MOCK_ADVERTISER_ID });
    expect(mock.requests.find((r) => r.path.endsWith('tt_video/authorize/'))?.body).toEqual({
      advertiser_id: MOCK_ADVERTISER_ID,
      auth_code: code(300),
    });

    // Retry only the failed ones that may pass now; the applied one is "already applied" without a request.
    mock.requests.length = 0;
    const retry = await s.applyCodes([ok, flaky], [MOCK_ADVERTISER_ID, SECOND]);
    expect(retry.results.map((r) => [r.id, r.advertiserId, r.outcome])).toEqual([
      [ok, MOCK_ADVERTISER_ID, 'already'],
      [ok, SECOND, 'applied'],
      [flaky, MOCK_ADVERTISER_ID, 'applied'],
      [flaky, SECOND, 'applied'],
    ]);
    expect(mock.requests.filter((r) => r.path.endsWith('tt_video/authorize/'))).toHaveLength(3);
    expect([retry.applied, retry.already, retry.failed]).toEqual([3, 1, 0]);
  });

  it('a German user reads the API off, Apply from a mail, a stopped token and a failed apply in German', async () => {
    await saveSettings({ language: 'de' });
    await apiCredentialsItem.setValue({ enabled: false, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID });
    expect((await syncer().previewImport()).error?.message).toBe(
      'Die TikTok-API ist aus. Schalte sie unter Optionen → Prüfung über die TikTok-API ein.',
    );
    const fromMail = applyFromPageHandlers(db, () => undefined);
    await expect(fromMail.applyFromPage!({ captures: [{ code: code(400), sentAt: NOW, source: { kind: 'gmail' } }] }, {})).rejects.toThrow(
      'Verbinde zuerst ein Werbekonto: Optionen → TikTok-API.',
    );

    await apiCredentialsItem.setValue({ enabled: true, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID });
    const s = syncer();
    const flaky = await save(401);
    mock.setAuthorizeError(code(401), { flaky: true });
    const report = await s.applyCodes([flaky], [MOCK_ADVERTISER_ID]);
    expect(report.results[0].words).toBe(
      'Noch nicht angewendet: TikTok hat uns gebeten, langsamer zu machen. Versuche es etwas später noch einmal.',
    );

    mock.expireTokenAfter(0);
    const stopped = await s.sync('import');
    expect(stopped.error?.message).toMatch(/^Synchronisierung gestoppt: TikTok akzeptiert das Zugriffstoken nicht mehr/);
  });
});
