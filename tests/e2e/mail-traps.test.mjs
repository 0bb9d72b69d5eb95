// Gmail's and Outlook's real traps, in the built extension (issue 17 item 4): the hidden empty
// twin body, trimmed content, a clipped and a collapsed message; Outlook's nested body ids on the
// work host outlook.cloud.microsoft in German. Exactly one control per real code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fixture, launch, savedCodes } from './harness.mjs';

let ext;
before(async () => {
  mkdirSync('/tmp/shots', { recursive: true });
  ext = await launch();
  await ext.serve('https://mail.google.com/**', fixture('gmail/real-traps.html'));
  await ext.serve('https://outlook.cloud.microsoft/**', fixture('outlook/cloud-de.html'));
});
after(async () => ext?.close());

test('Gmail with hidden twins and trimmed content: one control per real code, saved with sender and date', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx');
  const saves = page.getByRole('button', { name: /^Save ad code/ });
  await page.getByRole('button', { name: 'Open entire message' }).waitFor();
  await page.waitForTimeout(400);
  assert.deepEqual(await saves.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label').slice(0, 22))), [
    'Save ad code #PtYgjmUh',
    'Save ad code #DJRzVT66',
  ]);
  // Nothing went into a hidden twin.
  assert.equal(await page.locator('.ii.gt[style*="display"] [data-ad-code-keeper]').count(), 0);
  await page.locator('[data-ad-code-keeper]').nth(1).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/site-gmail.png' });
  await saves.nth(1).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === '#DJRzVT668Nyu0t+aT0ewkMVHrmcBNfYWunksXQHNfyuLLKTrXyb92TvdwOsudoaV');
  assert.deepEqual([r.source.senderName, r.source.senderEmail, r.receivedAt, r.periodDays, r.source.messageId],
    ['Maya Lopez', 'maya@mayacreates.co', new Date(2026, 10, 20, 11, 40).getTime(), 60, '19b4c2a0b1c2d3e4']);
  await page.close();
});

test('Outlook work account on outlook.cloud.microsoft (German UI): each body counted once', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D');
  const save = page.getByRole('button', { name: /^Save ad code/ });
  await save.waitFor();
  await page.waitForTimeout(400);
  assert.equal(await save.count(), 1, 'the quoted copy in the reply gets no control');
  assert.equal(await page.locator('[data-ad-code-keeper]').count(), 1);
  await page.screenshot({ path: '/tmp/shots/site-outlook.png' });
  await save.click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.source.kind === 'outlook');
  assert.equal(r.source.senderName, 'Sam Carter');
  assert.equal(r.source.messageId, '11');
  assert.deepEqual(ext.blocked, []);
  await page.close();
});
