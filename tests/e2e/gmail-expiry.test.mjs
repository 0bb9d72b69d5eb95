// How an expiry is worked out, in real Chromium: the Save bar says it before saving, asks for an unreadable
// message date, and the saved code (popup details) says the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, launch, savedCodes } from './harness.mjs';

const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'" };
const BELOW_CODE = '#Hq7LmZ2xVb9Rk4TnP1sWc8Yd3Fg6Jh0Ku5Ne2Qa7Xr4Mv9Lt1Bz6Sy3Dp8Gw0Co';
const NO_DATE_CODE = '#Wd4Kp8Tz1Qm6Xs3Hc9Lb2Rv7Nf0Jg5Ya8Ue1Mi4Ot6Pk3Zq9Bx2Ca7Lr5Sn0Fy';
const NO_PERIOD_CODE = '#Tn5Gv2Lq8Wd3Hk9Zp1Xc6Rb4Ms7Fj0Ya2Ue8Ni5Ok3Pl9Qz1Bw6Cx4Dr7Sy0Em';
/** Pages made from the fixtures: the unreadable-date mail without a period, with its own code. */
const VARIANTS = {
  'no-date-no-period': () =>
    fixture('gmail/no-date.html').replace('<div>I authorized it for 60 days.</div>', '<div>Let me know what you think.</div>').replace(NO_DATE_CODE, NO_PERIOD_CODE),
};
const local = (y, m, d, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const plusDays = (t, days) => {
  const d = new Date(t);
  d.setDate(d.getDate() + days);
  return d.getTime();
};

let ext;
before(async () => {
  ext = await launch();
  await ext.serve('https://mail.google.com/**', (req) => {
    const name = new URL(req.url()).searchParams.get('fixture');
    return VARIANTS[name]?.() ?? fixture(`gmail/${name}.html`);
  }, GMAIL_CSP);
});
after(async () => ext?.close());

const open = async (name) => {
  const page = await ext.context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/?fixture=${name}#inbox/FMfcgzQbdrXkTmZqLwPvRkGj${name.length}`);
  return page;
};
const bar = (page) => page.locator('[data-ad-code-keeper]');

/** The popup's row details for a code, as the user opens them. */
async function popupDerivation(code) {
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const row = popup.getByRole('listitem', { name: new RegExp(code.slice(1, 12).replace(/[+/]/g, '.')) });
  await row.getByRole('button', { name: /.+/ }).first().click();
  const text = await row.getByTestId('expiry-derivation').textContent();
  return { popup, row, text };
}

test('a period two lines under the code: the bar says so before saving, and the code saves with it', async () => {
  const page = await open('period-below');
  const how = bar(page).locator('.how');
  await how.filter({ hasText: /\+/ }).waitFor();
  assert.equal(await how.textContent(), 'Nov 20 message + 60 days stated in the message');
  // Stated, so no chips and no date question.
  assert.equal(await bar(page).getByRole('button', { name: '30 days' }).count(), 0);
  assert.equal(await bar(page).getByText(/when did this code arrive/).count(), 0);

  await bar(page).getByRole('button', { name: /^Save ad code/ }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === BELOW_CODE);
  const sent = local(2026, 11, 20, 10, 14);
  assert.deepEqual(
    [r.periodDays, r.periodAssumed, r.expirySource, r.receivedAt, r.expiresAt, r.receivedAtUnknown],
    [60, false, 'stated', sent, plusDays(sent, 60), undefined],
  );
  const { popup, text } = await popupDerivation(BELOW_CODE);
  assert.equal(text, 'Nov 20 message + 60 days stated in the message');
  await popup.close();
  await page.close();
});

test('an unreadable message date: the bar asks, the user picks a date, expiry = that date + period, and the derivation says so', async () => {
  const page = await open('no-date');
  const how = bar(page).locator('.how');
  await how.filter({ hasText: /estimated/ }).waitFor();
  assert.match(await how.textContent(), /^saved .+ \(the message date was not found\) \+ 60 days stated in the message — estimated$/);
  const question = bar(page).getByText('Date not found — when did this code arrive?');
  await question.waitFor();

  // A script on the page cannot answer for the user.
  await page.evaluate(() => {
    const input = document.querySelector('[data-ad-code-keeper]').shadowRoot.querySelector('.ask input');
    input.value = '2020-01-01';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  assert.match(await how.textContent(), /— estimated$/);

  // Typed as a person does (fill() would set the value from script, which the bar ignores): month, day, year.
  await bar(page).getByLabel(/when did this code arrive/).focus();
  await page.keyboard.type('11202026');
  await how.filter({ hasText: /^Nov 20 message/ }).waitFor();
  assert.equal(await how.textContent(), 'Nov 20 message + 60 days stated in the message');

  await bar(page).getByRole('button', { name: /^Save ad code/ }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === NO_DATE_CODE);
  const arrived = local(2026, 11, 20);
  assert.deepEqual([r.receivedAt, r.expiresAt, r.periodDays, r.expirySource, r.receivedAtUnknown], [arrived, plusDays(arrived, 60), 60, 'stated', undefined]);
  const { popup, text } = await popupDerivation(NO_DATE_CODE);
  assert.equal(text, 'Nov 20 message + 60 days stated in the message');
  await popup.close();
  await page.close();
});

test('no period stated: chips in the bar set the period saved; without an answer the date is saved as unknown', async () => {
  const page = await open('no-date-no-period');
  const how = bar(page).locator('.how');
  await how.filter({ hasText: /assumed/ }).waitFor();
  assert.match(await how.textContent(), /\+ 30 days assumed \(no period in the message\) — estimated$/);
  await bar(page).getByRole('button', { name: '7 days' }).click();
  await how.filter({ hasText: /7 days chosen by you/ }).waitFor();
  assert.equal(await bar(page).getByRole('button', { name: '7 days' }).getAttribute('aria-pressed'), 'true');

  const before = Date.now();
  await bar(page).getByRole('button', { name: /^Save ad code/ }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const r = (await savedCodes(ext)).find((x) => x.code === NO_PERIOD_CODE);
  assert.ok(r, 'saved with the chosen period');
  assert.equal(r.expirySource, 'chosen');
  assert.equal(r.receivedAtUnknown, true);
  assert.ok(r.receivedAt >= before && r.receivedAt <= Date.now());
  await page.close();
});
