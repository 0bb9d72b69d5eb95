// Import from Ads Manager and re-sync, end to end in Chromium against the loopback mock of TikTok's
// Marketing API: /advertiser/info/ names each added account, /tt_video/list/ is paged (50 a page,
// dates in both of TikTok's formats in one page), the options page previews, shows progress,
// imports, re-syncs and reports changes; the dashboard shows the code's accounts and history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeCode, savedCodes, seedCodes } from './harness.mjs';
import { enableApi, launchGranted, waitFor } from './tiktok-mock.mjs';
import { MOCK_ADVERTISER_ID, MOCK_ADVERTISER_NAME, startMockTikTokApi } from '../mock-tiktok-api/server.mjs';

const DAY = 86_400_000;
const SECOND = '7055555555555555555';
const SECOND_NAME = 'Luma Cosmetics';
// Whole seconds: TikTok's dates carry no milliseconds.
const now = Math.floor(Date.now() / 1000) * 1000;
const code = (i) => makeCode(700 + i);
const post = (i, over = {}) => ({ code: code(i), start: now - 5 * DAY, end: now + (25 + i) * DAY, name: `creator${i}`, text: `Post ${i}`, ...over });
const firstPosts = Array.from({ length: 60 }, (_, i) => post(i));
// The second account holds the code already saved from mail (code 0) and two of its own.
const secondPosts = [post(0), post(100), post(101)];

let mock;
let ext;

before(async () => {
  mock = await startMockTikTokApi({ posts: firstPosts, accounts: { [SECOND]: { name: SECOND_NAME, posts: secondPosts } } });
  ext = await launchGranted(() => mock);
});
after(async () => {
  await ext?.close();
  await mock?.close();
});

const byCode = async () => new Map((await savedCodes(ext)).map((r) => [r.code, r]));

test('accounts, preview, progress, import from both accounts, idempotent re-sync', async () => {
  await seedCodes(ext, [{ code: code(0), periodDays: 30, sentAt: now - 20 * DAY, source: { kind: 'paste' }, notes: 'from the creator\'s mail' }]);
  assert.equal(mock.requests.length, 0, 'nothing is sent before the feature is on');
  await enableApi(ext);

  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const accounts = page.getByRole('region', { name: /ad accounts/i }).or(page.locator('section.api-accounts'));
  await accounts.getByText('Not synced yet.').waitFor();

  // A second account by ID, named by /advertiser/info/; an ID the token cannot use is refused in words.
  const add = page.getByLabel('Add an ad account');
  await add.fill('7000000000000000009');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('status', { name: 'Ad accounts status' }).filter({ hasText: 'cannot use advertiser 7000000000000000009' }).waitFor();
  await add.fill(SECOND);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('status', { name: 'Ad accounts status' }).filter({ hasText: `Added ${SECOND_NAME} (${SECOND})` }).waitFor();
  await page.getByRole('listitem', { name: `Account ${SECOND_NAME}` }).waitFor();

  // Preview (with a slow TikTok, so the progress bar is seen), nothing written yet.
  mock.slowList(700);
  await page.getByRole('button', { name: 'Import from Ads Manager…' }).click();
  const bar = page.getByRole('progressbar', { name: 'Reading Ads Manager' });
  await bar.waitFor();
  await page.getByText(/Account 1 of 2 \(Northwind Skincare · \d+\): 1 of 2 pages read/).waitFor();
  const preview = page.getByRole('region', { name: 'Import preview' });
  await preview.waitFor();
  mock.slowList(0);
  const rows = await preview.getByRole('row').allInnerTexts();
  assert.deepEqual(rows.slice(1).map((r) => r.split('\t').map((c) => c.trim())), [
    [`${MOCK_ADVERTISER_NAME} (${MOCK_ADVERTISER_ID})`, '60', '59', '1'],
    [`${SECOND_NAME} (${SECOND})`, '3', '2', '1'],
  ]);
  assert.equal((await savedCodes(ext)).length, 1, 'the preview saves nothing');
  const pages = mock.requests.filter((r) => r.path.endsWith('tt_video/list/'));
  assert.deepEqual(pages.map((r) => [r.query.advertiser_id, r.query.page, r.query.page_size]), [
    [MOCK_ADVERTISER_ID, '1', '50'],
    [MOCK_ADVERTISER_ID, '2', '50'],
    [SECOND, '1', '50'],
  ]);

  await preview.getByRole('button', { name: 'Import 62 codes (61 new)' }).click();
  await page.getByRole('status', { name: 'Ad accounts status' }).filter({ hasText: 'Imported: 61 new codes, 1 code updated' }).waitFor();
  const saved = await byCode();
  assert.equal(saved.size, 62);
  // The code from mail keeps its notes and source and now has TikTok's exact period, in both accounts.
  const fromMail = saved.get(code(0));
  assert.equal(fromMail.notes, 'from the creator\'s mail');
  assert.equal(fromMail.source.kind, 'paste');
  assert.equal(fromMail.expiresAt, now + 25 * DAY);
  assert.equal(fromMail.periodDays, 30);
  assert.equal(fromMail.periodAssumed, false);
  assert.deepEqual(fromMail.accounts.map((a) => a.advertiserId).sort(), [MOCK_ADVERTISER_ID, SECOND].sort());
  // New codes say where they came from; ISO (even) and "YYYY-MM-DD HH:MM:SS" (odd) dates read the same.
  for (const i of [1, 2, 51, 100]) {
    const r = saved.get(code(i));
    assert.equal(r.expiresAt, now + (25 + i) * DAY, `code ${i} expiry`);
    assert.equal(r.receivedAt, now - 5 * DAY);
    assert.equal(r.verified.tiktokName, `creator${i}`);
  }
  assert.equal(saved.get(code(1)).source.subject, `Imported from Ads Manager (account ${MOCK_ADVERTISER_NAME} · ${MOCK_ADVERTISER_ID})`);
  assert.equal(saved.get(code(100)).source.subject, `Imported from Ads Manager (account ${SECOND_NAME} · ${SECOND})`);

  // Options shows each account's last sync and the next one; the button is now "Sync now".
  await page.getByRole('listitem', { name: `Account ${MOCK_ADVERTISER_NAME}` }).getByText(/Last sync .*: 60 authorized posts, 59 new, 1 updated\./).waitFor();
  await page.getByText(/Next sync .* \(daily\)\./).waitFor();

  // Idempotent: syncing again adds and changes nothing.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status', { name: 'Ad accounts status' }).filter({ hasText: 'Synced: 0 new codes, 0 codes updated' }).waitFor();
  assert.equal((await savedCodes(ext)).length, 62);
  await page.close();
});

test('re-sync: an extension and a revocation become history lines, shown in options and on the code', async () => {
  const list = firstPosts.map((p) => ({ ...p }));
  list[3] = { ...list[3], end: now + 90 * DAY };
  list[4] = { ...list[4], authStatus: 'EXPIRED' };
  mock.setPosts(MOCK_ADVERTISER_ID, list);

  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status', { name: 'Ad accounts status' }).filter({ hasText: '2 changes reported' }).waitFor();
  const changes = page.getByRole('list', { name: `Changes in ${MOCK_ADVERTISER_NAME}` });
  await changes.getByText(/TikTok reports creator3's authorization was extended to /).waitFor();
  await changes.getByText(/TikTok reports creator4's code is expired/).waitFor();

  const saved = await byCode();
  assert.equal(saved.get(code(3)).expiresAt, now + 90 * DAY);
  assert.ok(saved.get(code(4)).expiresAt <= Date.now(), 'a code TikTok calls expired shows as expired');

  const dash = await ext.context.newPage();
  await dash.goto(ext.extensionUrl(`dashboard.html#code=${saved.get(code(3)).id}`));
  const history = dash.getByRole('list', { name: 'History' });
  await history.getByText(/: TikTok reports the authorization was extended to /).waitFor();
  await history.getByText(/Imported from Ads Manager \(account Northwind Skincare/).waitFor();
  await dash.getByRole('list', { name: 'Ad accounts' }).getByText(`${MOCK_ADVERTISER_NAME} (${MOCK_ADVERTISER_ID}) — listed by TikTok`).waitFor();
  await dash.close();
  await page.close();
});

test('a token that expires mid-sync stops cleanly, says sign in again, and changes nothing', async () => {
  const before = await savedCodes(ext);
  mock.setPosts(MOCK_ADVERTISER_ID, firstPosts.map((p) => ({ ...p, end: p.end + 7 * DAY })));
  mock.expireTokenAfter(1);
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('status', { name: 'Ad accounts status' }).filter({ hasText: 'Sign in again' }).waitFor();
  await page.getByRole('listitem', { name: `Account ${MOCK_ADVERTISER_NAME}` }).getByText(/failed: Sync stopped/).waitFor();
  const afterRun = await savedCodes(ext);
  assert.deepEqual(afterRun, before, 'no record was touched: the first page was read but never half-applied');
  mock.expireTokenAfter(Infinity);
  await page.close();
});

test('only business-api.tiktok.com was contacted', async () => {
  await waitFor(async () => true, 'settle');
  const elsewhere = ext.requests.filter((u) => !u.startsWith('https://business-api.tiktok.com/'));
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(ext.blocked, []);
});
