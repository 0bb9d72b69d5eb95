// Outlook on the web: Save control on the reading pane, in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, launch, savedCodes } from './harness.mjs';

const URL_ = 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWExYjAtMDACLTAwCgAQAKfO';
const CODE = '#575yx8xm5MslfY5ubiheyEd7P4zDL/ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQ';
let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://outlook.live.com/**', fixture('outlook/reading-pane.html'));
});
after(async () => ext?.close());

test('reading pane: one control for the code (not for the quoted copy); saves sender, date, period, video', async () => {
  const page = await ext.context.newPage();
  await page.goto(URL_);
  const save = page.getByRole('button', { name: /^Save ad code/ });
  await save.waitFor();
  assert.equal(await save.count(), 1);
  await save.click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === CODE);
  const sent = new Date(2026, 10, 20, 10, 14).getTime();
  assert.deepEqual(
    [r.periodDays, r.receivedAt, r.creatorHandle, r.postUrl, r.source.kind, r.source.senderName, r.source.senderEmail, r.source.subject, r.source.url],
    [30, sent, '@sam.bakes', 'https://www.tiktok.com/@sam.bakes/video/7443344556677889900', 'outlook', 'Sam Carter', 'sam@sambakes.com', 'Video code for the cookie reel', URL_],
  );
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  assert.deepEqual(ext.blocked, []);
  await page.close();
});
