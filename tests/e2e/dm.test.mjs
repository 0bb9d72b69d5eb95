// Instagram direct messages: a code split over two bubbles, saved with the chat partner as creator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, launch, savedCodes } from './harness.mjs';

const CODE = '#b0prFmbh7+wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k1g';
let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://www.instagram.com/**', fixture('instagram/thread.html'));
  await ext.serve('https://www.tiktok.com/**', fixture('tiktok-dm/thread.html'));
});
after(async () => ext?.close());

test('Instagram DM: Save after the bubble where the code ends; creator is the other party', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.instagram.com/direct/t/17842501234567890/');
  const save = page.getByRole('button', { name: /^Save ad code/ });
  await save.waitFor();
  assert.equal(await save.count(), 1);
  const before = await page.evaluate(() => document.querySelector('[data-ad-code-keeper]').previousElementSibling.textContent);
  assert.equal(before, CODE.slice(34));
  await save.click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === CODE);
  assert.ok(r, 'saved');
  assert.equal(r.creatorHandle, '@maya.creates');
  assert.equal(r.source.kind, 'instagram');
  assert.equal(r.source.url, 'https://www.instagram.com/direct/t/17842501234567890/');
  assert.equal(r.periodDays, 60);
  // Dated by the chat's time divider above the bubbles, not by when it was saved.
  assert.equal(r.receivedAt, new Date(2026, 10, 20, 9, 41).getTime());
  await page.close();
});

test('TikTok messages: code inside chatter, creator and period from the chat', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.tiktok.com/messages?lang=en&u=7012345678901234567');
  const save = page.getByRole('button', { name: /^Save ad code #nneGEYG1/ });
  await save.waitFor();
  await save.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === '#nneGEYG1+LwiqD9jJBAciI05FhfwKVqlUr5Qrec8TNecj9iNOrjj5VfqRTk8j1d/');
  assert.deepEqual([r.creatorHandle, r.periodDays, r.receivedAt, r.source.kind, r.source.url], ['@sam.bakes', 365, new Date(2026, 10, 20, 14, 5).getTime(), 'tiktok-dm', 'https://www.tiktok.com/messages?lang=en&u=7012345678901234567']);
  assert.deepEqual(ext.blocked, []);
  await page.close();
});

test('Instagram outside /direct/: the script stays idle', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.instagram.com/explore/');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-ad-code-keeper]').count(), 0);
  await page.close();
});
