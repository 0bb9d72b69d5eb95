// The whole path a user takes: save a code in Gmail → see it in the popup with its expiry →
// the badge warns → fill it in Ads Manager, where React's state receives it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, inExtensionPage, launch, savedCodes } from './harness.mjs';
import { adsManagerPage } from '../fixtures/ads-manager/build.mjs';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const ADS_URL = 'https://ads.tiktok.com/i18n/creation/creative?aadvid=7012345678901234567';
const CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
const DAY = 86_400_000;

let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://mail.google.com/**', fixture('gmail/thread.html'), {
    'content-security-policy': "require-trusted-types-for 'script'",
  });
  await ext.serve('https://ads.tiktok.com/**', await adsManagerPage('identity'));
});
after(async () => ext?.close());

test('save in Gmail → popup → badge → fill in Ads Manager', async () => {
  // 1. Gmail: one click on the Save control beside the code.
  const mail = await ext.context.newPage();
  await mail.goto(THREAD_URL);
  const save = mail.getByRole('button', { name: /Save/ }).first();
  await save.click();
  await mail.getByText(/Saved/).first().waitFor();

  const [record] = await savedCodes(ext);
  assert.equal(record.code, CODE);
  assert.equal(record.periodDays, 60);
  assert.equal(record.periodAssumed, false);
  assert.equal(record.creatorHandle, '@maya.creates');
  assert.equal(record.source.senderEmail, 'maya@mayacreates.co');
  assert.equal(record.source.url.startsWith('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx'), true);
  const expectedExpiry = new Date(record.receivedAt);
  expectedExpiry.setDate(expectedExpiry.getDate() + 60);
  assert.equal(record.expiresAt, expectedExpiry.getTime(), 'expiry = sent date + 60 days');

  // The control says so on a later visit.
  await mail.reload();
  await mail.getByText(/Saved/).first().waitFor();
  assert.equal(await mail.getByRole('button', { name: /^Save ad code/ }).count(), 0);

  // 2. Popup: the code with its creator and expiry.
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const row = popup.getByRole('list', { name: 'Ready codes' }).getByRole('listitem').first();
  await row.waitFor();
  const days = Math.ceil((record.expiresAt - Date.now()) / DAY);
  assert.match(await row.innerText(), new RegExp(`@maya\\.creates[\\s\\S]*expires in (${days - 1}|${days}) days`));

  // 3. Badge: nothing within the default 3 days; widen the alert window and it counts the code.
  assert.equal(await ext.badgeText(), '');
  await inExtensionPage(ext, () => chrome.storage.local.get('settings').then(({ settings }) =>
    chrome.storage.local.set({ settings: { ...(settings ?? {}), alertWindowDays: 60 } })));
  for (let i = 0; i < 50 && (await ext.badgeText()) !== '1'; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await ext.badgeText(), '1');

  // 4. Ads Manager: the picker beside the Authorized Post field; Fill reaches React's state.
  const ads = await ext.context.newPage();
  await ads.goto(ADS_URL);
  await ads.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const field = ads.getByRole('dialog').getByRole('textbox');
  await field.waitFor();
  let picker;
  for (let i = 0; i < 100 && !picker; i++) {
    picker = ads.frames().find((f) => f.url().includes('/code-picker.html'));
    if (!picker) await ads.waitForTimeout(50);
  }
  assert.ok(picker, 'the code picker frame appears beside the field');
  // Reachable the way assistive technology and automation reach any frame.
  const fill = ads.frameLocator('iframe[src^="chrome-extension://"]').getByRole('button', { name: /Fill/ }).first();
  await fill.waitFor();
  assert.match(await picker.locator('body').innerText(), /@maya\.creates/);
  // The page cannot see the code before the user picks it.
  assert.equal((await ads.content()).includes(CODE.slice(1, 20)), false);
  // No waiting by hand: Fill stays aria-disabled until the list has been visible and still for a
  // moment (clickjacking guard), and a click waits for it like a person would.
  await fill.click();
  await ads.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODE);
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'focus returns to the field');
  // React's state got it: the fixture's Search reads its own state, not the DOM.
  await ads.getByRole('dialog').getByRole('button', { name: 'Search', exact: true }).click();
  await ads.getByRole('dialog').getByRole('status').getByText(CODE.slice(0, 12)).waitFor();
  assert.equal(await ads.getByRole('dialog').getByRole('button', { name: 'Confirm' }).isEnabled(), true);
});
