// Gmail is a single-page app: threads open, close and change account without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, launch, savedCodes } from './harness.mjs';

const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'" };
let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://mail.google.com/**', fixture('gmail/spa.html'), GMAIL_CSP);
});
after(async () => ext?.close());

test('opening threads, going back and switching accounts: controls follow, never twice', async () => {
  const page = await ext.context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().includes('Ad Code Keeper') && warnings.push(m.text()));
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  // Count every control the page ever holds at once, from the page's side.
  await page.evaluate(() => {
    window.maxControls = 0;
    new MutationObserver(() => {
      window.maxControls = Math.max(window.maxControls, document.querySelectorAll('[data-ad-code-keeper]').length);
    }).observe(document, { childList: true, subtree: true });
  });
  const hosts = page.locator('[data-ad-code-keeper]');
  await page.waitForTimeout(400);
  assert.equal(await hosts.count(), 0, 'the inbox list has no controls');

  await page.getByText('Spark Ads code for the hydration bottle video').first().click();
  await page.getByRole('button', { name: /^Save ad code #PtYgjmUh/ }).waitFor();
  assert.match(page.url(), /#inbox\/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx$/);

  await page.goBack();
  await page.getByRole('grid', { name: 'Inbox' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await hosts.count(), 0, 'back to the list: no stale control');

  await page.goForward();
  await page.getByRole('button', { name: /^Save ad code #PtYgjmUh/ }).waitFor();

  // Second account, a Spanish thread: the date is read in Spanish.
  await page.evaluate(() => window.fixture.open('#inbox/FMfcgzQbfLzWqRtVbNmKcXjHgDsPqLwe', '/mail/u/1/'));
  const save = page.getByRole('button', { name: /^Save ad code #1zTOlUcR/ });
  await save.waitFor();
  assert.equal(await hosts.count(), 1);
  await save.click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === '#1zTOlUcR64cXQLioDnkHIfxIq2HZt/PlJhx2jIclHkCiHp6bR1IqfEouHgxzNNAL');
  assert.equal(r.receivedAt, new Date(2026, 10, 21, 18, 5).getTime());
  assert.equal(r.periodDays, 30);
  assert.equal(r.creatorHandle, '@lucia.vlogs');
  assert.equal(r.source.url, 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQbfLzWqRtVbNmKcXjHgDsPqLwe');
  assert.equal(r.source.subject, 'Código de anuncio – video botella');

  // A thread without codes.
  await page.evaluate(() => window.fixture.open('#inbox/FMfcgzQbgHkLmNpQrStUvWxYzAbCdEfG'));
  await page.getByText('No codes this week').waitFor();
  await page.waitForTimeout(400);
  assert.equal(await hosts.count(), 0);
  assert.equal(await page.evaluate(() => window.maxControls), 1, 'never two controls at once');

  // Gmail redesigns the page under us: controls go, one warning, the page keeps working.
  await page.evaluate(() => window.fixture.open('#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx'));
  await page.getByRole('button', { name: /^Save ad code #PtYgjmUh/ }).waitFor();
  await page.evaluate(() => window.fixture.breakLayout());
  await page.waitForTimeout(500);
  assert.equal(await hosts.count(), 0);
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.deepEqual(ext.blocked, []);
  await page.close();
});
