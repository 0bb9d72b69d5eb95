// "Apply to ad accounts…" from the mail page's Save bar, in Chromium against the loopback mock:
// the item appears only when the API is on with an account connected; one click saves the code and
// opens dashboard.html?apply=<id>, whose Apply dialog sends /tt_video/authorize/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, savedCodes } from './harness.mjs';
import { enableApi, launchGranted } from './tiktok-mock.mjs';
import { MOCK_ADVERTISER_ID, startMockTikTokApi } from '../mock-tiktok-api/server.mjs';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const MAYA_CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'" };

let mock;
let ext;
before(async () => {
  mock = await startMockTikTokApi();
  ext = await launchGranted(() => mock);
  await ext.context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: GMAIL_CSP, body: fixture('gmail/thread.html') }),
  );
});
after(async () => {
  await ext?.close();
  await mock?.close();
});

test('with the API off, the Save bar has no "Apply to ad accounts…"', async () => {
  const page = await ext.context.newPage();
  await page.goto(THREAD_URL);
  await page.getByRole('button', { name: /^Save ad code/ }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('button', { name: 'Apply to ad accounts…' }).count(), 0);
  assert.equal(mock.requests.length, 0);
  await page.close();
});

test('with an account connected: one click saves the code and opens its Apply dialog, which applies it', async () => {
  await enableApi(ext);
  const page = await ext.context.newPage();
  await page.goto(THREAD_URL);
  const apply = page.getByRole('button', { name: 'Apply to ad accounts…' });
  await apply.waitFor();
  const [dashboard] = await Promise.all([ext.context.waitForEvent('page'), apply.click()]);
  await dashboard.waitForLoadState();
  const saved = (await savedCodes(ext)).find((r) => r.code === MAYA_CODE);
  assert.ok(saved, 'the code was saved first');
  assert.equal(saved.creatorHandle, '@maya.creates');
  assert.equal(dashboard.url(), ext.extensionUrl(`dashboard.html?apply=${saved.id}`));
  // The bar says the code is saved now.
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

  const dialog = dashboard.getByRole('dialog', { name: /Apply 1 code to ad accounts/ });
  await dialog.waitFor();
  await dialog.getByRole('checkbox', { name: new RegExp(MOCK_ADVERTISER_ID) }).check();
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.getByRole('status').filter({ hasText: '1 applied' }).waitFor();
  const calls = mock.requests.filter((r) => r.path.endsWith('tt_video/authorize/'));
  assert.deepEqual(calls.map((r) => [r.body.auth_code, r.body.advertiser_id]), [[MAYA_CODE, MOCK_ADVERTISER_ID]]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Playwright learns of history.replaceState through an event: wait for it rather than read the URL at once.
  await dashboard.waitForURL((u) => !u.search.includes('apply='), { timeout: 5000 });
  assert.ok(!dashboard.url().includes('apply='), 'closing drops ?apply so a reload does not reopen it');
  assert.deepEqual(ext.blocked, []);
});
