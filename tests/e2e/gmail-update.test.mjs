// An extension update (here: a reload) must leave no dead Save buttons on open Gmail tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, launch } from './harness.mjs';

let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://mail.google.com/**', fixture('gmail/thread.html'), { 'content-security-policy': "require-trusted-types-for 'script'" });
});
after(async () => ext?.close());

test('after the extension reloads, the old controls are removed from a quiet page', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx');
  await page.getByRole('button', { name: /^Save ad code/ }).waitFor();
  await ext.worker.evaluate(() => chrome.runtime.reload()).catch(() => {}); // the worker dies while answering
  // No page change happens: the script notices on its own within a few seconds.
  await page.locator('[data-ad-code-keeper]').waitFor({ state: 'detached', timeout: 8000 });
  assert.match(await page.textContent('.a3s'), /PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/, 'the mail itself is untouched');
  await page.close();
});
