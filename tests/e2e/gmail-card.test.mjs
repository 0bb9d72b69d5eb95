// The Gmail card in real Chromium: a reply chain's quoted code (dated by its "On … wrote:" line, labelled,
// out of "Save all"), one compact line per code, the row ↔ code highlight, keyboard saving, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fixture, launch, savedCodes } from './harness.mjs';

const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'" };
const MORNING = '#AbeuEchsVEoR7TJYHSDATOCN1D61+k7U4O5Zi+czrwcK/tmoYgj7LZDwTkENNvOX';
const GYM = '#8R4jI8so/XWbHlKif5hGu/9/fh8k7D5GkbhQW3ShM5Nd3XbSXasGF/QPFO+OaTCR';
const DESK = '#hwnZQqQmOR69pYamt7uzPVZDo7uR60dIRqITxh7BmiGAj4uDPuhV1C1vVsw9877v';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots/mailcard';
const local = (y, m, d, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const plusDays = (t, days) => {
  const d = new Date(t);
  d.setDate(d.getDate() + days);
  return d.getTime();
};
/** Gmail's dark theme, as far as the card can tell: the page paints itself dark. */
const dark = (html) =>
  html
    .replace('body{background:#f6f8fc;', 'body{background:#1b1b1b;')
    .replace('div[role="main"]{flex:1;background:#fff;', 'div[role="main"]{flex:1;background:#202124;color:#e8eaed;')
    .replace('.ii.gt{margin-top:12px;font-size:14px;line-height:22px;color:#222;', '.ii.gt{margin-top:12px;font-size:14px;line-height:22px;color:#e8eaed;')
    .replace('.G-atb{height:48px;display:flex;align-items:center;gap:4px;padding:0 16px;color:#444746;position:sticky;top:0;background:#fff;', '.G-atb{height:48px;display:flex;align-items:center;gap:4px;padding:0 16px;color:#c4c7c5;position:sticky;top:0;background:#202124;')
    .replace('h2.hP{font:400 22px/28px "Google Sans",Roboto,Arial,sans-serif;color:#1f1f1f;', 'h2.hP{font:400 22px/28px "Google Sans",Roboto,Arial,sans-serif;color:#e8eaed;')
    .replace('.gD{font-weight:700;color:#1f1f1f}', '.gD{font-weight:700;color:#e8eaed}');

/** The same page with its three codes changed (`alt=N`), so each test starts with nothing saved. */
const alt = (code, n) => `#Q${n}${code.slice(3)}`;
const withCodes = (html, n) => (n ? [MORNING, GYM, DESK].reduce((h, c) => h.replaceAll(c, alt(c, n)), html) : html);

let ext;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launch();
  await ext.serve('https://mail.google.com/**', (req) => {
    const url = new URL(req.url());
    const page = withCodes(fixture(`gmail/${url.searchParams.get('fixture')}.html`), url.searchParams.get('alt'));
    return url.searchParams.get('theme') === 'dark' ? dark(page) : page;
  }, GMAIL_CSP);
});
after(async () => ext?.close());

async function open(name, { theme, colorScheme = 'light' } = {}) {
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`https://mail.google.com/mail/u/0/?fixture=${name}${theme ? `&theme=${theme}` : ''}#inbox/FMfcgzQbdrXkTmZqLwPvRkGj${name.length}`);
  const card = page.locator('[data-ad-code-keeper]');
  await card.getByRole('button', { name: /^Save ad code/ }).first().waitFor();
  return { page, card };
}

const codeOf = (records, code) => records.find((r) => r.code === code);

test('reply chain: the quoted code is labelled with its own date, left out of Save all, and saved as received on the quoted day', async () => {
  const { page, card } = await open('reply-chain');
  assert.equal(await card.locator('.sub').textContent(), '2 ad codes in this message · 1 from an earlier message');
  const quoted = card.locator('.row').nth(2);
  await quoted.locator('.earlier').filter({ hasText: 'Oct 5' }).waitFor();
  assert.equal(await quoted.locator('.earlier').textContent(), 'from an earlier message (Oct 5)');
  assert.equal(await quoted.locator('.how').textContent(), 'Oct 5 message + 60 days stated in the message');
  await page.screenshot({ path: `${SHOTS}/reply-chain-light.png`, clip: await clipAround(card) });

  await card.getByRole('button', { name: 'Save all codes in this message' }).click();
  await card.getByRole('status').nth(1).waitFor();
  let records = await savedCodes(ext);
  assert.ok(codeOf(records, MORNING) && codeOf(records, GYM), 'the two own codes are saved');
  assert.equal(codeOf(records, DESK), undefined, 'the quoted code is not in Save all');
  const reply = local(2026, 11, 30, 9, 41);
  assert.equal(codeOf(records, MORNING).receivedAt, reply);

  await card.getByRole('button', { name: /^Save ad code #hwnZQqQm/ }).click();
  await card.getByRole('status').nth(2).waitFor();
  records = await savedCodes(ext);
  const desk = codeOf(records, DESK);
  const sent = local(2026, 10, 5, 15, 12);
  assert.deepEqual([desk.receivedAt, desk.expiresAt, desk.periodDays, desk.receivedAtUnknown], [sent, plusDays(sent, 60), 60, undefined]);
  await page.close();
});

test('a ticked quoted code joins Save all; a script cannot tick it', async () => {
  const { page, card } = await open('reply-chain&alt=1');
  const box = card.locator('.row').nth(2).getByRole('checkbox', { name: 'include' });
  await page.evaluate(() => document.querySelector('[data-ad-code-keeper]').shadowRoot.querySelector('.include input').click());
  assert.equal(await box.isChecked(), false, 'a page script cannot include it');
  await box.check();
  await card.getByRole('button', { name: 'Save all codes in this message' }).click();
  await card.getByText('all 3 codes saved').waitFor();
  const desk = codeOf(await savedCodes(ext), alt(DESK, 1));
  assert.equal(desk.receivedAt, local(2026, 10, 5, 15, 12), 'saved with the quoted date');
  await page.close();
});

test('three codes fit one compact card; hovering or focusing a row highlights its code in the mail; Enter saves', async () => {
  const { page, card } = await open('multi');
  const box = await card.locator('.bar').boundingBox();
  assert.ok(box.height <= 110, `card is ${box.height}px for 3 codes`);
  const rows = card.locator('.row');
  for (let i = 0; i < 3; i++) assert.ok((await rows.nth(i).boundingBox()).height <= 28, `row ${i} is one line`);
  assert.deepEqual(await card.locator('.context').allTextContents(), ['Morning routine', 'Gym bag check by my collab partner…', 'Desk setup']);
  await page.screenshot({ path: `${SHOTS}/multi-light.png`, clip: await clipAround(card) });

  const highlighted = () =>
    page.evaluate(() => {
      const h = CSS.highlights.get('ad-code-keeper');
      return h ? [...h].map((r) => r.toString().replace(/\s+/g, '')).join('|') : null;
    });
  await rows.nth(1).hover();
  assert.equal(await highlighted(), '#ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/Td');
  await page.screenshot({ path: `${SHOTS}/multi-hover-light.png` });
  await page.mouse.move(5, 5);
  assert.equal(await highlighted(), null, 'leaving the row clears it');

  // Keyboard: the row is a tab stop; focusing it shows the wrapped code, Enter saves just that one.
  await rows.nth(2).focus();
  assert.equal(await highlighted(), '#dJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT6');
  await page.keyboard.press('Enter');
  await rows.nth(2).getByRole('status').waitFor();
  const records = await savedCodes(ext);
  assert.ok(codeOf(records, '#dJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT6'));
  assert.equal(codeOf(records, '#ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/Td'), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark').length), 0, 'the mail DOM is left as it was');
  await page.close();
});

test('dark: Gmail in its dark theme gets a dark card; a light Gmail on a dark system stays light', async () => {
  const { page, card } = await open('reply-chain&alt=2', { theme: 'dark', colorScheme: 'dark' });
  assert.equal(await card.getAttribute('data-theme'), 'dark');
  const bg = await card.locator('.bar').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(bg, 'rgb(31, 32, 35)');
  await card.locator('.earlier').filter({ hasText: 'Oct 5' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/reply-chain-dark.png`, clip: await clipAround(card) });
  await page.close();

  const multi = await open('multi&v=2', { theme: 'dark' });
  await multi.card.locator('.how').first().filter({ hasText: /\+/ }).waitFor();
  await multi.page.screenshot({ path: `${SHOTS}/multi-dark.png`, clip: await clipAround(multi.card) });
  await multi.page.close();

  const light = await open('multi&v=3', { colorScheme: 'dark' });
  assert.equal(await light.card.getAttribute('data-theme'), 'light');
  assert.equal(await light.card.locator('.bar').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 255, 255)');
  await light.page.close();
});

/** The card and a little of the mail around it. */
async function clipAround(card) {
  await card.locator('.how').first().filter({ hasText: /\S/ }).waitFor();
  const b = await card.boundingBox();
  return { x: Math.max(0, b.x - 70), y: Math.max(0, b.y - 110), width: Math.min(900, b.width + 140), height: b.height + 260 };
}
