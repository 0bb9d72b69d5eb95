// The 2026 chat pages, in the built extension: each saves a code with its sender and message
// time (issue 17 items 5–7). Fixtures are our own pages modelled on the live DOMs; nothing real
// is contacted. Screenshots of each Save bar go to /tmp/shots/site-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fixture, launch, savedCodes } from './harness.mjs';

const SHOTS = '/tmp/shots';
const local = (y, m, d, h, min) => new Date(y, m - 1, d, h, min).getTime();
let ext;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launch();
  // One TikTok host: the Business Suite shell frames the same messages page.
  await ext.serve('https://www.tiktok.com/**', (req) =>
    fixture(new URL(req.url()).pathname.startsWith('/business-suite/') ? 'tiktok-dm/business-suite.html' : 'tiktok-dm/dm-new.html'));
  await ext.serve('https://www.instagram.com/**', fixture('instagram/dm-2026.html'));
  await ext.serve('https://affiliate-us.tiktok.com/**', fixture('tiktok-shop/affiliate-im.html'));
  await ext.serve('https://web.whatsapp.com/**', fixture('whatsapp/chat.html'));
  await ext.serve('https://app.slack.com/**', fixture('slack/channel.html'));
});
after(async () => ext?.close());

/** Clicks Save for `code` in `scope` (page or frame), waits for "Saved", returns the stored record. */
async function saveCode(scope, code, shot, page) {
  const save = scope.getByRole('button', { name: new RegExp(`^Save ad code ${code.slice(0, 9).replace(/[+/]/g, '\\$&')}`) });
  await save.waitFor();
  assert.equal(await save.count(), 1, 'one Save control for the code');
  await (page ?? scope).screenshot({ path: `${SHOTS}/site-${shot}.png` });
  await save.click();
  await scope.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === code);
  assert.ok(r, 'saved');
  return r;
}

test('TikTok messages, 2026 dm-new-* DOM: code saved with sender and separator time', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.tiktok.com/messages?lang=en');
  const code = '#pOnC1+4EakoKm5b+OAYGSTWjRlLK6sNdVU72lZ/o2+YH19dCqgn28s9Dp68GZN9Z';
  const r = await saveCode(page, code, 'tiktok-dm');
  assert.deepEqual([r.creatorHandle, r.source.senderName, r.receivedAt, r.periodDays, r.source.kind], ['@sam.bakes', 'Sam Bakes', local(2026, 11, 20, 14, 5), 30, 'tiktok-dm']);
  await page.close();
});

test('TikTok Business Suite: the chat inside the /messages?…scene=business frame saves with sender and time', async () => {
  // A browser of its own, so the code is not already saved by the test above.
  const own = await launch();
  try {
    await own.serve('https://www.tiktok.com/**', (req) =>
      fixture(new URL(req.url()).pathname.startsWith('/business-suite/') ? 'tiktok-dm/business-suite.html' : 'tiktok-dm/dm-new.html'));
    const page = await own.context.newPage();
    await page.goto('https://www.tiktok.com/business-suite/messages');
    const frame = page.frameLocator('iframe[src*="scene=business"]');
    const code = '#pOnC1+4EakoKm5b+OAYGSTWjRlLK6sNdVU72lZ/o2+YH19dCqgn28s9Dp68GZN9Z';
    const save = frame.getByRole('button', { name: /^Save ad code #pOnC1\+4E/ });
    await save.waitFor();
    assert.equal(await page.locator('[data-ad-code-keeper]').count(), 0, 'nothing in the top page');
    await page.screenshot({ path: `${SHOTS}/site-tiktok-business-suite.png` });
    await save.click();
    await frame.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const r = (await savedCodes(own)).find((x) => x.code === code);
    assert.deepEqual([r.creatorHandle, r.source.senderName, r.receivedAt, r.source.url], ['@sam.bakes', 'Sam Bakes', local(2026, 11, 20, 14, 5), 'https://www.tiktok.com/messages?lang=en&scene=business&from=business_suite']);
    assert.deepEqual(own.blocked, []);
  } finally {
    await own.close();
  }
});

test('TikTok: the chat drawer on any page (the For You feed) gets the same control', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.tiktok.com/foryou');
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await page.locator('[data-ad-code-keeper]').count(), 1);
  await page.close();
});

test('Instagram 2026 DM (virtualised): rows removed and re-added keep exactly one control; saved with sender and time', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.instagram.com/direct/t/17842501234567890/');
  const code = '#3zLIbet6+UzH+7/3eLO6m4H5x29iI/Vmy0s5bla5kzFpfITtaO+rC8qLk1urN0Xt';
  await page.getByRole('button', { name: /^Save ad code #3zLIbet6/ }).waitFor();
  for (let round = 0; round < 3; round++) {
    // The list re-renders its rows from data as you scroll: new elements, without our control.
    await page.evaluate(() => {
      const list = document.querySelector('.lst');
      const rows = [...list.children].map((c) => c.cloneNode(true));
      rows.forEach((c) => c.querySelectorAll?.('[data-ad-code-keeper]').forEach((h) => h.remove()));
      list.replaceChildren();
      setTimeout(() => list.append(...rows.filter((r) => !r.hasAttribute?.('data-ad-code-keeper'))), 300);
    });
    await page.waitForTimeout(900);
    assert.equal(await page.locator('[data-ad-code-keeper]').count(), 1, `round ${round}: one control`);
  }
  const r = await saveCode(page, code, 'instagram');
  assert.deepEqual([r.creatorHandle, r.source.senderName, r.receivedAt, r.periodDays, r.source.kind], ['@maya.creates', 'maya.creates', local(2026, 11, 20, 9, 41), 60, 'instagram']);
  await page.close();
});

test('TikTok Shop Affiliate Center chat: creator, and the time label inherited from the row above', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://affiliate-us.tiktok.com/seller/im?shop_region=US&creator_id=7439000000000000001&enter_from=nav_im_entry');
  const r = await saveCode(page, '#zWbnXjgSTdd8PM5Pp/7vtA3R6DiZezwfg5y9cqBruxXI21kXNxSwH7/1K7wP94pJ', 'tiktok-shop');
  assert.deepEqual([r.creatorHandle, r.source.senderName, r.receivedAt, r.periodDays, r.source.kind], ['@sam.bakes', 'Sam Bakes', local(2026, 11, 20, 9, 12), 30, 'tiktok-shop']);
  await page.close();
});

test('WhatsApp Web: sender and exact time from data-pre-plain-text', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://web.whatsapp.com/');
  const r = await saveCode(page, '#mBDal6Q0xdTuTBoJBLIqmHm3vnhTxnOJiLOuHGib0G1bhmEcNpmSO6eZOB72pVGX', 'whatsapp');
  assert.deepEqual([r.source.senderName, r.receivedAt, r.periodDays, r.source.kind, r.source.messageId], ['Lucía Fit', local(2026, 11, 20, 20, 20), 60, 'whatsapp', '3EB0A1B2C3D4E5F6071A']);
  await page.close();
});

test('Slack: the follow-on message keeps its author; time from data-ts', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://app.slack.com/client/T01ABCDEF/C07CREATORS');
  const r = await saveCode(page, '#LTh3dKQLpM1OcRzhouppeqTMd2qT1XWE1CqxdYGsDccJ91HOrlweHROhbF8hCtZU', 'slack');
  assert.deepEqual([r.source.senderName, r.receivedAt, r.periodDays, r.source.kind, r.source.messageId], ['Priya Shah', 1795169742000, 60, 'slack', '1795169742.000300']);
  assert.deepEqual(ext.blocked, []);
  await page.close();
});
