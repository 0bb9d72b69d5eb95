// Privacy contract of the optional TikTok API feature: with it off (the default, and even with a
// token saved but switched off), the extension sends no request anywhere. Every request of every
// page and of the service worker is recorded; only fixture routes may appear.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, fixture, launch, makeCode, savedCodes, seedCodes } from './harness.mjs';

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxyzPrivacy';
const API_ORIGIN = 'https://business-api.tiktok.com';
let ext;
/** Every http(s) request any page, frame or the service worker started. */
const requests = [];

before(async () => {
  ext = await launch();
  ext.context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  await ext.serve('https://mail.google.com/**', fixture('gmail/thread.html'));
});
after(async () => ext?.close());

function manifest() {
  return JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
}

test('manifest: business-api.tiktok.com only as an optional host, and no blanket host access', () => {
  const m = manifest();
  const hosts = m.host_permissions ?? [];
  const optional = m.optional_host_permissions ?? [];
  assert.deepEqual(optional.filter((h) => h.includes('business-api.tiktok.com')), [`${API_ORIGIN}/*`]);
  assert.ok(!hosts.some((h) => h.includes('business-api.tiktok.com')), `required host_permissions must not list the API: ${hosts}`);
  const blanket = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*)$/;
  for (const h of [...hosts, ...optional, ...(m.permissions ?? [])]) assert.ok(!blanket.test(h), `blanket host permission: ${h}`);
  for (const cs of m.content_scripts ?? []) for (const h of cs.matches) assert.ok(!blanket.test(h), `content script on every site: ${h}`);
});

test('feature off: popup, dashboard, options, a Gmail thread and saving codes make zero network requests', async () => {
  const pages = ['popup.html', 'dashboard.html', 'options.html'].filter((p) => existsSync(path.join(EXTENSION_DIR, p)));
  assert.ok(pages.includes('popup.html') && pages.includes('options.html'), `built pages: ${pages}`);
  for (const p of pages) {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl(p));
    await page.waitForLoadState('networkidle');
    await page.close();
  }

  const gmail = await ext.context.newPage();
  await gmail.goto(GMAIL_URL);
  // Save through the page's own control when the Gmail script offers one, as a user would.
  const save = gmail.getByRole('button', { name: /save/i }).first();
  if (await save.isVisible({ timeout: 3000 }).catch(() => false)) await save.click();
  await seedCodes(ext, [
    { code: makeCode(101), periodDays: 30, source: { kind: 'paste' } },
    { code: makeCode(102), source: { kind: 'paste' }, notes: 'no period stated' },
  ]);

  // A token saved but switched off must not be used either (on save, on demand, or by the schedule).
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  const report = await options.evaluate(async () => {
    await chrome.storage.local.set({
      tiktokApi: { enabled: false, accessToken: 'abcdef0123456789abcdef0123456789', advertiserId: '7012345678901234567' },
    });
    const saved = await new Promise((resolve) => {
      const open = indexedDB.open('ad-code-keeper');
      open.onsuccess = () => {
        const req = open.result.transaction('codes').objectStore('codes').getAllKeys();
        req.onsuccess = () => resolve(req.result);
      };
    });
    return new Promise((resolve) =>
      chrome.runtime.sendMessage({ id: 9, type: 'verifyCodes', data: { ids: saved }, timestamp: Date.now() }, (r) => resolve(r?.res ?? r)),
    );
  });
  assert.equal(report.ran, false, JSON.stringify(report));
  assert.equal(report.error.kind, 'off');
  await seedCodes(ext, [{ code: makeCode(103), source: { kind: 'paste' } }]);

  // Longer than the on-save debounce, so a request would have started by now.
  await new Promise((r) => setTimeout(r, 3000));
  assert.ok((await savedCodes(ext)).length >= 3, 'codes were saved');
  assert.equal((await savedCodes(ext)).filter((c) => c.verified).length, 0, 'nothing was verified');

  assert.deepEqual(ext.blocked, [], 'requests nobody routed (they would have left the machine)');
  const notFixture = requests.filter((u) => !u.startsWith('https://mail.google.com/'));
  assert.deepEqual(notFixture, [], 'only the Gmail fixture route was requested');
  assert.ok(!requests.some((u) => u.startsWith(API_ORIGIN)), 'TikTok API never contacted');
  await gmail.close();
  await options.close();
});
