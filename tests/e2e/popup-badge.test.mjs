import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seedCodes, savedCodes, makeCode } from './harness.mjs';

const DAY = 86_400_000;
let ext;
before(async () => {
  ext = await launch();
});
after(async () => ext?.close());

const capture = (seed, daysLeft, extra = {}) => ({
  code: makeCode(seed),
  periodDays: 30,
  sentAt: Date.now() + daysLeft * DAY - 30 * DAY,
  source: { kind: 'paste' },
  ...extra,
});

async function openPopup() {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('popup.html'));
  return page;
}

test('popup: empty state invites the first capture', async () => {
  const page = await openPopup();
  await page.getByText('No codes saved yet').waitFor();
  const box = page.getByRole('textbox', { name: 'Paste ad codes' });
  assert.ok(await box.isVisible(), 'the add box is open when empty');
  await box.fill('loving the #fyp trend, no code here');
  await page.getByRole('alert').getByText(/No ad code found/).waitFor();
  assert.equal(await page.getByRole('button', { name: /add/i }).isDisabled(), true, 'nothing to save');
  assert.equal(await box.inputValue(), 'loving the #fyp trend, no code here', 'the text stays for the user to fix');
  await box.fill('');
  await page.close();
});

test('badge: counts codes expiring within 3 days, and is empty when none', async () => {
  assert.equal(await ext.badgeText(), '');
  await seedCodes(ext, [
    capture(1, 2, { creatorHandle: '@soon.creator' }),
    capture(2, 20, { creatorHandle: '@later.creator', notes: 'summer launch' }),
    capture(3, -2, { creatorHandle: '@old.creator' }),
    capture(4, 1, { creatorHandle: '@sooner.creator' }),
  ]);
  await waitFor(async () => (await ext.badgeText()) === '2', 'badge shows 2');
});

test('popup: soonest expiry first, expired apart, search, copy, mark used, delete with undo', async () => {
  const page = await openPopup();
  // Expiring soon, then Ready (then Used): every group but Expired.
  const usable = page.locator('main section:not(.group-expired)').getByRole('listitem');
  await usable.first().waitFor();
  const names = await usable.locator('.creator').allTextContents();
  assert.deepEqual(names, ['@sooner.creator', '@soon.creator', '@later.creator']);
  assert.match(await usable.first().textContent(), /expires tomorrow|expires in \d+ hours/);
  assert.match(await usable.nth(2).textContent(), /expires in 20 days/);
  const expired = page.getByRole('list', { name: 'Expired codes' }).getByRole('listitem');
  assert.match(await expired.first().textContent(), /@old\.creator.*Expired.*expired 2 days ago/s);

  // Search by note.
  await page.getByRole('searchbox', { name: 'Search codes' }).fill('summer');
  await waitFor(async () => (await page.locator('.code-list .creator').allTextContents()).join() === '@later.creator', 'search by note');
  await page.getByRole('searchbox', { name: 'Search codes' }).fill('');
  await waitFor(async () => (await usable.locator('.creator').allTextContents()).length === 3, 'the full list is back');

  // Full code is available to copy.
  await usable.first().getByRole('button', { name: /Copy code/ }).click();
  await usable.first().getByRole('button', { name: /Copy code/ }).getByText('Copied').waitFor();
  const search = page.getByRole('searchbox', { name: 'Search codes' });
  await search.focus();
  await page.keyboard.press('Control+V');
  assert.equal(await search.inputValue(), makeCode(4), 'the clipboard holds the full code');
  await waitFor(async () => (await page.locator('.code-list .creator').allTextContents()).join() === '@sooner.creator', 'search by code');
  await search.fill('');
  await waitFor(async () => (await usable.locator('.creator').allTextContents()).length === 3, 'the full list is back');

  // Mark used and back.
  await usable.first().getByRole('button', { name: /^Mark used: @sooner\.creator #/ }).click();
  await usable.first().getByRole('button', { name: /^Used, mark unused: @sooner\.creator #/ }).waitFor();
  assert.equal((await savedCodes(ext)).find((c) => c.code === makeCode(4)).status, 'used');

  // Delete, then undo.
  await usable.nth(2).getByRole('button', { name: /Delete code/ }).click();
  await page.getByRole('status').getByText('Deleted @later.creator.').waitFor();
  assert.equal((await savedCodes(ext)).length, 3);
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitFor(async () => (await savedCodes(ext)).length === 4, 'undo restores the code');
  await page.close();
});

test('popup: a code saved a moment ago is on its first paint (the background\'s snapshot is kept current)', async () => {
  const saved = Date.now();
  await seedCodes(ext, [capture(30, 5, { creatorHandle: '@just.saved' })]);
  // The background rewrites the snapshot after the save commits: a moment, not a while.
  const worker = ext.context.serviceWorkers()[0];
  await waitFor(
    async () => ((await worker.evaluate(() => chrome.storage.session.get('popupSnapshot'))).popupSnapshot?.view.usable ?? []).some((r) => r.creatorHandle === '@just.saved'),
    'the snapshot holds the new code',
    2000,
  );
  const rewrittenAfter = Date.now() - saved;
  const page = await ext.context.newPage();
  // What the first paint showed, before any answer from the background replaced it.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const rows = document.querySelectorAll('ul.code-list li');
      if (!rows.length) return;
      window.__firstPaint = { view: document.querySelector('main')?.dataset.view, rows: [...rows].map((li) => li.getAttribute('aria-label').split(',')[0]) };
      obs.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(ext.extensionUrl('popup.html'));
  await page.waitForFunction(() => window.__firstPaint);
  const first = await page.evaluate(() => window.__firstPaint);
  assert.equal(first.view, 'snapshot', 'painted from the snapshot, without waiting for the service worker');
  assert.ok(first.rows.includes('@just.saved'), `the new code is on the first paint: ${first.rows.join(', ')}`);
  await page.locator('main[data-view="live"]').waitFor();
  assert.ok(await page.getByRole('listitem', { name: /^@just\.saved, / }).isVisible());
  assert.ok(rewrittenAfter < 2000, `snapshot rewritten within ${rewrittenAfter} ms`);
  await page.close();
});

test('popup: pasting several codes previews each, rejects junk with a reason, saves atomically', async () => {
  const page = await openPopup();
  await page.getByRole('button', { name: '+ Add' }).click();
  const box = page.getByRole('textbox', { name: 'Paste ad codes' });
  // An email line with a period, a known code, a spreadsheet cell without '#', and junk.
  await box.fill(`Here are the codes:\n${makeCode(10)} (60 days)\n${makeCode(1)}\n${makeCode(11).slice(1)},\n#tooShort123\n`);
  const preview = page.getByRole('list', { name: 'What will be saved' });
  await preview.getByText('new').first().waitFor();
  assert.match(await preview.textContent(), /already saved/);
  assert.match(await preview.textContent(), /not a code: too short/);
  await page.getByRole('button', { name: 'Add and save 3 codes' }).click();
  await page.getByRole('status').getByText('2 codes saved.').waitFor();
  const rows = await savedCodes(ext);
  assert.equal(rows.length, 7);
  assert.ok(rows.some((r) => r.code === makeCode(11)), 'the cell without # was saved with it');
  assert.equal(rows.find((r) => r.code === makeCode(10)).periodDays, 60);
  await page.close();
});

test('badge: survives a service-worker restart and updates with no user action when a code enters the window', async () => {
  // A code that enters the 3-day window 4 seconds from now.
  await seedCodes(ext, [capture(20, 3 + 4000 / DAY, { creatorHandle: '@edge.creator' })]);
  await waitFor(async () => (await ext.badgeText()) === '2', 'badge before');
  const cdp = await ext.context.newCDPSession(await ext.context.newPage());
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await waitFor(async () => (await ext.badgeText()) === '3', 'badge counts the code once it crosses into the window', 20_000);
});

async function waitFor(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting: ${what}`);
}
