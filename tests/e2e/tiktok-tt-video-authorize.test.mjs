// "Apply to ad accounts…" end to end in Chromium against the loopback mock: the dashboard's bulk
// action sends /tt_video/authorize/ for each code × account, shows a plain-word result per pair
// (expired → ask for a renewal, rate limit → not applied yet), retries only the failed pairs, and
// the applied code shows in those accounts on its details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeCode, savedCodes, seedCodes } from './harness.mjs';
import { enableApi, launchGranted, sendFromPage } from './tiktok-mock.mjs';
import { MOCK_ADVERTISER_ID, MOCK_ADVERTISER_NAME, startMockTikTokApi } from '../mock-tiktok-api/server.mjs';

const DAY = 86_400_000;
const SECOND = '7066666666666666666';
const SECOND_NAME = 'Orbit Outdoor';
const now = Date.now();
const [good, expired, flaky] = [makeCode(801), makeCode(802), makeCode(803)];

let mock;
let ext;

before(async () => {
  mock = await startMockTikTokApi({
    accounts: { [SECOND]: { name: SECOND_NAME, posts: [] } },
    authorizeErrors: { [expired]: [4025, 'Authorization expired.'], [flaky]: { flaky: true } },
  });
  ext = await launchGranted(() => mock);
});
after(async () => {
  await ext?.close();
  await mock?.close();
});

const applyCalls = () => mock.requests.filter((r) => r.path.endsWith('tt_video/authorize/')).map((r) => [r.body.auth_code, r.body.advertiser_id]);

test('dashboard bulk "Apply to ad accounts…": per-pair results in plain words, retry of only the failed pairs', async () => {
  await seedCodes(ext, [
    { code: good, creatorHandle: '@maya.creates', periodDays: 30, sentAt: now - DAY, source: { kind: 'paste' } },
    { code: expired, creatorHandle: '@leo.tan', periodDays: 30, sentAt: now - DAY, source: { kind: 'paste' } },
    { code: flaky, creatorHandle: '@ana.ro', periodDays: 30, sentAt: now - DAY, source: { kind: 'paste' } },
  ]);
  await enableApi(ext);
  assert.deepEqual(await sendFromPage(ext, 'tiktokAddAccount', { advertiserId: SECOND }), { res: { ok: true, name: SECOND_NAME } });

  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html#view=table&status=all'));
  await page.getByRole('checkbox', { name: 'Select all shown codes' }).check();
  await page.getByRole('button', { name: 'Apply to ad accounts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply 3 codes to ad accounts' });
  await dialog.getByRole('checkbox', { name: SECOND_NAME }).check();
  await dialog.getByRole('checkbox', { name: new RegExp(MOCK_ADVERTISER_ID) }).check();
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.getByRole('status').filter({ hasText: '3 applied, 0 already there, 3 failed.' }).waitFor();
  assert.equal(applyCalls().length, 6, 'one request per code × account');

  const table = dialog.getByRole('table', { name: 'Apply results' });
  const rowOf = (who, account) => table.getByRole('row').filter({ hasText: who }).filter({ hasText: account });
  assert.match(await rowOf('@maya.creates', SECOND_NAME).innerText(), /Applied: ready to use in this account\./);
  assert.match(await rowOf('@leo.tan', SECOND_NAME).innerText(), /Expired: .*Ask the creator for a renewal\./);
  const flakyFirst = await table.getByRole('row').filter({ hasText: '@ana.ro' }).allInnerTexts();
  assert.ok(flakyFirst.some((t) => /Not applied yet: TikTok asked us to slow down/.test(t)), flakyFirst.join('\n'));

  // Retry: only the failed pairs' codes are sent again; a pair that worked meanwhile is "already there".
  mock.requests.length = 0;
  await dialog.getByRole('button', { name: 'Retry failed (3)' }).click();
  await dialog.getByRole('status').filter({ hasText: '4 applied, 0 already there, 2 failed.' }).waitFor();
  const calls = applyCalls();
  assert.ok(!calls.some(([c]) => c === good), 'the code that was applied everywhere is not sent again');
  assert.equal(calls.filter(([c]) => c === expired).length, 2);
  assert.equal(calls.filter(([c]) => c === flaky).length, 1, 'only the pair that failed; the other is already there');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // After success the code shows as ready in those accounts.
  const saved = new Map((await savedCodes(ext)).map((r) => [r.code, r]));
  const applied = saved.get(good);
  assert.deepEqual(applied.accounts.map((a) => [a.advertiserId, a.state]).sort(), [[MOCK_ADVERTISER_ID, 'applied'], [SECOND, 'applied']].sort());
  assert.equal(saved.get(expired).accounts, undefined);
  await page.goto(ext.extensionUrl(`dashboard.html#code=${applied.id}`));
  const accounts = page.getByRole('list', { name: 'Ad accounts' });
  await accounts.getByText(`${MOCK_ADVERTISER_NAME} (${MOCK_ADVERTISER_ID}) — applied`).waitFor();
  await accounts.getByText(`${SECOND_NAME} (${SECOND}) — applied`).waitFor();
  await page.getByRole('list', { name: 'History' }).getByText(new RegExp(`Applied to ad account ${SECOND_NAME}`)).waitFor();
  await page.close();
});
