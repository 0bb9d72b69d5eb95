// Outlook on the web: Save control on the reading pane, and a reply chain's quoted codes, in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fixture, launch, savedCodes } from './harness.mjs';

const URL_ = 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWExYjAtMDACLTAwCgAQAKfO';
const CHAIN_URL = 'https://outlook.live.com/mail/0/inbox/id/AAQkAGdsb3ctYXV0dW1u';
const CODE = '#575yx8xm5MslfY5ubiheyEd7P4zDL/ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQ';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots/outlook';
let ext;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launch();
  await ext.serve('https://outlook.live.com/**', (req) =>
    fixture(req.url().startsWith(CHAIN_URL) ? 'outlook/reply-chain.html' : 'outlook/reading-pane.html'),
  );
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
    [
      r.periodDays,
      r.receivedAt,
      r.creatorHandle,
      r.postUrl,
      r.source.kind,
      r.source.senderName,
      r.source.senderEmail,
      r.source.subject,
      r.source.url,
    ],
    [
      30,
      sent,
      '@sam.bakes',
      'https://www.tiktok.com/@sam.bakes/video/7443344556677889900',
      'outlook',
      'Sam Carter',
      'sam@sambakes.com',
      'Video code for the cookie reel',
      URL_,
    ],
  );
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  assert.deepEqual(ext.blocked, []);
  await page.close();
});

const local = (y, m, d, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const plusDays = (t, days) => {
  const d = new Date(t);
  d.setDate(d.getDate() + days);
  return d.getTime();
};

test('reply chain: quoted codes (English "Sent:", German "Gesendet:") are labelled with their own day, left out of Save all, saved on that day', async () => {
  const STRETCH = '#HgYDwmT9hzsnhObVPhDFW7FwmZuWb1udQTqXkTeKlfhXUSuOl0+eQbWbu3W33ARJ';
  const BOWL = '#g4brHu3QZS6R42ssXKyLBHpxwXm1YykbJyFgiOhDvXIVTtD2yikXVnXe7a3IAmZe';
  const DESK = '#yOEGIA73o51XQO4QcW/NkvdRfN54rt9eOU/Gba2jSZyzirp9DXfUsvywBhwqLnFo';
  const SOUP = '#sRDGSuZ3GHOP9i0Kb7H58qP00vHTSItimfTUbVhv2jxhWwBxYeFdxl8lDoOJkQ8m';
  const page = await ext.context.newPage();
  await page.goto(CHAIN_URL);
  const cards = page.locator('[data-ad-code-keeper]');
  await cards
    .nth(1)
    .getByRole('button', { name: /^Save ad code/ })
    .first()
    .waitFor();
  const [lena, dani] = [cards.nth(0), cards.nth(1)];
  assert.equal(await dani.locator('.sub').textContent(), '2 ad codes in this message · 1 from an earlier message');
  const desk = dani.locator('.row').nth(2);
  await desk.locator('.earlier').filter({ hasText: 'Oct 5' }).waitFor();
  assert.equal(await desk.locator('.earlier').textContent(), 'from an earlier message (Oct 5)');
  assert.equal(await desk.locator('.how').textContent(), 'Oct 5 message + 60 days stated in the message');
  const soup = lena.locator('.row').nth(1);
  await soup.locator('.earlier').filter({ hasText: 'Oct 22' }).waitFor();
  assert.equal(await soup.locator('.earlier').textContent(), 'from an earlier message (Oct 22)');
  await page.screenshot({ path: `${SHOTS}/reply-chain.png`, fullPage: true });

  let records = [];
  const of = (code) => records.find((r) => r.code === code);
  const until = async (ok) => {
    for (let i = 0; i < 50 && !ok(); i++) {
      await page.waitForTimeout(100);
      records = await savedCodes(ext);
    }
  };
  await dani.getByRole('button', { name: 'Save all codes in this message' }).click();
  await until(() => of(STRETCH) && of(BOWL));
  await page.waitForTimeout(300);
  records = await savedCodes(ext);
  assert.ok(of(STRETCH) && of(BOWL), 'the two own codes are saved');
  assert.equal(of(DESK), undefined, 'the quoted code is not in Save all');
  assert.equal(of(STRETCH).receivedAt, local(2026, 12, 1, 9, 41));

  await dani.getByRole('button', { name: /^Save ad code #yOEGIA73/ }).click();
  await lena.getByRole('button', { name: /^Save ad code #sRDGSuZ3/ }).click();
  await until(() => of(DESK) && of(SOUP));
  const [d, s] = [of(DESK), of(SOUP)];
  assert.deepEqual(
    [d.receivedAt, d.expiresAt, d.periodDays, d.receivedAtUnknown],
    [local(2026, 10, 5, 15, 12), plusDays(local(2026, 10, 5, 15, 12), 60), 60, undefined],
  );
  assert.deepEqual(
    [s.receivedAt, s.expiresAt, s.periodDays, s.source.senderName],
    [local(2026, 10, 22, 9, 30), plusDays(local(2026, 10, 22, 9, 30), 60), 60, 'Lena Vogel'],
  );
  await page.close();
});
