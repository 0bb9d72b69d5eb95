// TikTok API verification, end to end in Chromium: the options page turns it on, the background
// asks "TikTok" (the loopback mock, reached through a Playwright route on the real API origin, so
// the extension code is unchanged) and saved codes get exact dates, status, creator and video.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EXTENSION_DIR, chromiumPath, makeCode, savedCodes, seedCodes, inExtensionPage } from './harness.mjs';
import { MESSAGES, MOCK_ADVERTISER_ID, MOCK_TOKEN, startMockTikTokApi } from '../mock-tiktok-api/server.mjs';

const DAY = 86_400_000;
const API = 'https://business-api.tiktok.com';
const SHOTS = process.env.SCREENSHOTS_DIR;

let mock;
let ext;
let workDir;
const requests = [];

/**
 * Chrome's permission prompt is browser UI that automation cannot click, so the test loads a copy
 * of the build whose manifest already holds the grant the user's "Allow" click would give. The
 * shipped manifest keeps the API optional (checked in privacy.test.mjs).
 */
function grantedCopy() {
  workDir = mkdtempSync(path.join(tmpdir(), 'ack-api-'));
  const dir = path.join(workDir, 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${API}/*`];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

async function launchGranted() {
  const dir = grantedCopy();
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1100, height: 900 },
    args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  const blocked = [];
  await context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Forward the real API origin to the loopback mock, keeping path, query and the Access-Token header.
  await context.route(`${API}/**`, async (route) => {
    const req = route.request();
    const target = new URL(req.url());
    const res = await fetch(`${mock.origin}${target.pathname}${target.search}`, { headers: { 'Access-Token': req.headers()['access-token'] ?? '' } });
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  });
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, blocked, extensionId, extensionUrl: (p) => `chrome-extension://${extensionId}/${p}` };
}

const now = Date.now();
const codes = { ok: makeCode(201), expired: makeCode(202), later: makeCode(203) };
const exactEnd = now + 41 * DAY;

before(async () => {
  mock = await startMockTikTokApi({
    codes: {
      [codes.ok]: { authorized: { start: now - 19 * DAY, end: exactEnd, name: 'Maya Glow', text: 'Morning routine with the new serum', poster: 'https://p16-sign.tiktokcdn.com/poster.jpeg' } },
      [codes.expired]: { error: [4025, MESSAGES.codeExpired] },
      [codes.later]: { authorized: { start: now, end: now + 60 * DAY, name: 'Leo Tan' } },
    },
  });
  ext = await launchGranted();
});
after(async () => {
  await ext?.context.close();
  await mock?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function waitFor(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const sendFromPage = (type, data) =>
  inExtensionPage(
    ext,
    ([t, d]) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 3, type: t, data: d, timestamp: Date.now() }, (r) => resolve(r))),
    [type, data],
  );

test('turning verification on in Options checks saved codes with TikTok and stores the exact facts', async () => {
  await seedCodes(ext, [
    { code: codes.ok, periodDays: 30, sentAt: now - 20 * DAY, source: { kind: 'paste' }, notes: 'hero video' },
    { code: codes.expired, periodDays: 30, sentAt: now - 10 * DAY, source: { kind: 'paste' } },
  ]);
  assert.equal(mock.requests.length, 0, 'nothing is sent before the feature is turned on');

  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const toggle = page.getByRole('switch', { name: /verify codes with tiktok/i });
  assert.equal(await toggle.getAttribute('aria-checked'), 'false');

  // Turning on without a token explains what is missing and asks nothing of Chrome.
  await toggle.click();
  await page.getByText('Enter your access token.').waitFor();
  assert.equal(await toggle.getAttribute('aria-checked'), 'false');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'api-section-invalid.png'), fullPage: true });

  const tokenBox = page.getByLabel('Access token');
  await tokenBox.fill(MOCK_TOKEN);
  assert.equal(await tokenBox.getAttribute('type'), 'password', 'token is masked');
  await page.getByRole('button', { name: 'Show token' }).click();
  assert.equal(await tokenBox.getAttribute('type'), 'text');
  await page.getByRole('button', { name: 'Hide token' }).click();
  await page.getByLabel('Advertiser ID').fill(MOCK_ADVERTISER_ID);
  await toggle.click();
  await page.getByRole('status').filter({ hasText: 'Connected to Northwind Skincare' }).waitFor();
  assert.equal(await toggle.getAttribute('aria-checked'), 'true');

  const rows = await waitFor(async () => {
    const all = await savedCodes(ext);
    return all.every((c) => c.verified) ? all : undefined;
  }, 'both codes verified after turning on');
  const ok = rows.find((c) => c.code === codes.ok);
  const expired = rows.find((c) => c.code === codes.expired);
  assert.equal(ok.expiresAt, Math.floor(exactEnd / 1000) * 1000, 'expiry is auth_end_time');
  assert.equal(ok.verified.authStatus, 'AUTHORIZED');
  assert.equal(ok.verified.tiktokName, 'Maya Glow');
  assert.equal(ok.verified.videoText, 'Morning routine with the new serum');
  assert.equal(ok.notes, 'hero video', 'user data kept');
  assert.ok(expired.expiresAt <= Date.now(), '4025 flips the code to expired');
  assert.equal(expired.verified.errorKind, 'code-expired');
  assert.equal(expired.verified.error, MESSAGES.codeExpired);

  const calls = mock.requests.filter((r) => r.path.endsWith('tt_video/info/'));
  assert.ok(calls.every((r) => r.token === MOCK_TOKEN && r.query.advertiser_id === MOCK_ADVERTISER_ID));
  assert.ok(calls.some((r) => r.query.auth_code === codes.ok), 'the full code (with # and +) reached TikTok intact');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'api-section-on.png'), fullPage: true });
  await page.close();
});

test('a newly saved code is verified on save', async () => {
  await seedCodes(ext, [{ code: codes.later, source: { kind: 'paste' } }]);
  const row = await waitFor(async () => (await savedCodes(ext)).find((c) => c.code === codes.later && c.verified), 'on-save check');
  assert.equal(row.verified.tiktokName, 'Leo Tan');
  assert.equal(row.periodAssumed, false);
});

/** The popup's date format ("Jan 4, 2027, 8:38 AM"), computed in the page so locale and zone match. */
const popupDate = (page, ms) =>
  page.evaluate((t) => new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }), ms);

async function openPopup() {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 640 });
  await page.goto(ext.extensionUrl('popup.html'));
  return page;
}

test('popup: "Check with TikTok" asks TikTok again and shows the exact authorization window', async () => {
  // The creator extended the authorization since the last check: only a new request can know.
  const newStart = now - 2 * DAY;
  const newEnd = now + 88 * DAY;
  mock.setCode(codes.ok, { authorized: { start: newStart, end: newEnd, name: 'Maya Glow', text: 'Morning routine with the new serum' } });
  const page = await openPopup();
  const row = page.getByRole('listitem', { name: `Maya Glow, ${codes.ok}` });
  await row.waitFor();
  await row.getByText('✓ verified').waitFor();
  assert.equal(await row.getByText('estimated').count(), 0, 'a verified end is not called an estimate');

  await row.locator('button[aria-expanded="false"]').click();
  const section = row.getByRole('region', { name: 'TikTok verification' });
  await section.getByText(/^✓ Verified by TikTok/).waitFor();
  const oldWindow = `${await popupDate(page, Math.floor((now - 19 * DAY) / 1000) * 1000)} – ${await popupDate(page, Math.floor(exactEnd / 1000) * 1000)}`;
  assert.equal(await section.getByRole('definition').first().textContent(), oldWindow, 'facts from the earlier check');
  assert.ok(await section.getByText('“Morning routine with the new serum”').isVisible());

  const calls = () => mock.requests.filter((r) => r.path.endsWith('tt_video/info/') && r.query.auth_code === codes.ok).length;
  const before = calls();
  await section.getByRole('button', { name: 'Check with TikTok' }).click();
  const endText = await popupDate(page, Math.floor(newEnd / 1000) * 1000);
  await section.getByRole('status').filter({ hasText: `Verified: authorized until ${endText}` }).waitFor();
  assert.equal(calls(), before + 1, 'exactly one request for this code');
  const newWindow = `${await popupDate(page, Math.floor(newStart / 1000) * 1000)} – ${endText}`;
  await waitFor(async () => (await section.getByRole('definition').first().textContent()) === newWindow, 'the new window in the facts');
  await row.getByText('expires in 88 days').waitFor();
  assert.equal((await savedCodes(ext)).find((c) => c.code === codes.ok).expiresAt, Math.floor(newEnd / 1000) * 1000);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 400), 'popup keeps its 400 px width');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'popup-tiktok-verified.png'), fullPage: true });
  await page.close();
});

test('popup: TikTok error 4025 shows TikTok’s words and a "Request renewal" link that opens the renewal dialog', async () => {
  const page = await openPopup();
  const expired = (await savedCodes(ext)).find((c) => c.code === codes.expired);
  const row = page.getByRole('list', { name: 'Expired codes' }).getByRole('listitem').filter({ hasText: codes.expired.slice(0, 11) });
  await row.locator('button[aria-expanded="false"]').click();
  const section = row.getByRole('region', { name: 'TikTok verification' });
  await section.getByRole('button', { name: 'Check with TikTok' }).click();
  const alert = section.getByRole('alert');
  await alert.filter({ hasText: MESSAGES.codeExpired }).waitFor();
  assert.equal(await alert.count(), 1, 'the message is said once');
  const renew = alert.getByRole('link', { name: 'Request renewal' });
  assert.equal(await renew.getAttribute('href'), `/dashboard.html#code=${expired.id}&renew=1`);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'popup-tiktok-4025.png'), fullPage: true });

  const [dashboard] = await Promise.all([ext.context.waitForEvent('page'), renew.click()]);
  await dashboard.getByRole('dialog', { name: /renew/i }).waitFor();
  await dashboard.close();
  await page.close();
});

test('dashboard: bulk "Check with TikTok" on the selection reports verified, ended and failed codes; the drawer shows the facts', async () => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(ext.extensionUrl('dashboard.html#view=table&status=all'));
  const table = page.getByRole('table', { name: 'Table' });
  await table.getByRole('row').nth(1).waitFor();
  // Expired codes are in "all" too; select every shown code.
  await page.getByRole('checkbox', { name: 'Select all shown codes' }).check();
  const toolbar = page.getByRole('toolbar');
  const start = mock.requests.length;
  await toolbar.getByRole('button', { name: 'Check with TikTok' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'TikTok check:' });
  await toast.waitFor();
  const shown = await table.getByRole('row').count() - 1;
  assert.match(await toast.textContent(), new RegExp(`TikTok check: ${shown - 1} verified, 1 ended or revoked, 0 with problems\\. .*${MESSAGES.codeExpired.replace(/\./g, '\\.')}`));
  assert.equal(mock.requests.length, start + shown, 'one request per selected code');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'dashboard-tiktok-bulk.png') });

  await table.getByRole('button', { name: codes.ok, exact: true }).click();
  const drawer = page.getByRole('dialog');
  const section = drawer.getByRole('region', { name: 'TikTok verification' });
  await section.getByText(/^✓ Verified by TikTok/).waitFor();
  await section.getByText('Maya Glow').waitFor();
  await drawer.getByText('✓ verified by TikTok', { exact: true }).waitFor();
  await section.getByRole('button', { name: 'Check with TikTok' }).click();
  await section.getByRole('status').filter({ hasText: 'Verified: authorized until' }).waitFor();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'dashboard-tiktok-drawer.png') });
  await page.close();
});

test('rate limit and bad token: clear errors, no retries in a loop, saved data untouched', async () => {
  const before = await savedCodes(ext);
  const ids = before.map((c) => c.id);
  mock.rateLimit(1);
  const start = mock.requests.length;
  const limited = await sendFromPage('verifyCodes', { ids });
  assert.equal(limited.res.error.kind, 'rate-limited', JSON.stringify(limited));
  assert.ok(limited.res.error.retryAt > Date.now() + 5 * 60_000, 'next try is minutes away');
  const again = await sendFromPage('verifyCodes', { ids });
  assert.equal(again.res.ran, false, 'a click during the backoff sends nothing');
  assert.equal(mock.requests.length, start + 1, 'exactly one request was made');
  assert.deepEqual(await savedCodes(ext), before, 'records unchanged by the rate limit');

  // New credentials reset the backoff; a wrong token is reported on the page and changes nothing.
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  await page.getByLabel('Access token').fill('wrongtoken0123456789abcdef');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: 'did not accept the access token' }).waitFor();
  const bad = await sendFromPage('verifyCodes', { ids });
  assert.equal(bad.res.error.kind, 'token');
  assert.deepEqual(await savedCodes(ext), before, 'records unchanged by the token error');
  await page.close();
});

test('turning it off stops all requests; only business-api.tiktok.com was ever contacted', async () => {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const toggle = page.getByRole('switch', { name: /verify codes with tiktok/i });
  await toggle.click();
  await page.getByRole('status').filter({ hasText: 'Verification is off' }).waitFor();
  const count = mock.requests.length;
  const ids = (await savedCodes(ext)).map((c) => c.id);
  const off = await sendFromPage('verifyCodes', { ids });
  assert.equal(off.res.ran, false);
  await seedCodes(ext, [{ code: makeCode(204), source: { kind: 'paste' } }]);
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(mock.requests.length, count, 'no request after turning off');

  // Remove forgets the token.
  await page.getByRole('button', { name: 'Remove token' }).click();
  await page.getByRole('status').filter({ hasText: 'removed from this browser' }).waitFor();
  const stored = await page.evaluate(() => chrome.storage.local.get(['tiktokApi']));
  assert.deepEqual(stored, {});
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  await page.close();

  assert.deepEqual(ext.blocked, [], 'no request went anywhere unrouted');
  const elsewhere = requests.filter((u) => !u.startsWith(`${API}/`));
  assert.deepEqual(elsewhere, [], 'the only network destination is the TikTok API');
  assert.ok(requests.length > 0, 'service worker requests are visible to the test');
});
