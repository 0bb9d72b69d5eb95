// `npm run demo`: the built extension in the system Chromium on local demo pages that look like a
// Gmail thread and the Ads Manager Identity step. Every request is answered locally (the real
// sites are never contacted). With a display: a window to try things in. Without one: a headless
// tour that saves screenshots.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fixture, launch, ROOT } from '../tests/e2e/harness.mjs';
import { adsManagerPage } from '../tests/fixtures/ads-manager/build.mjs';

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const ADS_URL = 'https://ads.tiktok.com/i18n/creation/creative?aadvid=7012345678901234567';
const OUT = path.join(ROOT, 'demo-screenshots');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

const ext = await launch({ headless, viewport: { width: 1360, height: 860 } });
await ext.serve('https://mail.google.com/**', fixture('gmail/thread.html'));
await ext.serve('https://ads.tiktok.com/**', await adsManagerPage('identity'));

if (!headless) {
  const mail = await ext.context.newPage();
  await mail.goto(GMAIL_URL);
  const ads = await ext.context.newPage();
  await ads.goto(ADS_URL);
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  await mail.bringToFront();
  console.log('Chromium is open with Ad Code Keeper loaded:');
  console.log(`  Gmail demo thread   ${GMAIL_URL}`);
  console.log(`  Ads Manager demo    ${ADS_URL}`);
  console.log(`  Popup               ${ext.extensionUrl('popup.html')}`);
  console.log('Close the browser window to finish.');
  await new Promise((resolve) => ext.context.on('close', resolve));
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const shots = [];
async function shot(page, name, options = {}) {
  const file = path.join(OUT, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, ...options });
  shots.push(file);
}

// 1. A creator's email in Gmail: the Save card above the message lists its code.
const mail = await ext.context.newPage();
await mail.goto(GMAIL_URL);
const save = mail.getByRole('button', { name: /Save/ }).first();
await save.waitFor();
await shot(mail, 'gmail-thread');
await save.click();
await mail
  .getByRole('button', { name: /Saved|saved/ })
  .first()
  .waitFor()
  .catch(() => mail.waitForTimeout(500));
await shot(mail, 'gmail-saved');

// 2. The popup lists it with its expiry.
const popup = await ext.context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
await popup.goto(ext.extensionUrl('popup.html'));
// The popup groups its codes (expiring / ready / used / expired); any group's first row means the list is drawn.
await popup.locator('ul.code-list li').first().waitFor();
await shot(popup, 'popup');

// 3. Ads Manager: the helper beside the Authorized Post field, then the filled field.
const ads = await ext.context.newPage();
await ads.goto(ADS_URL);
await ads.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
await ads.getByRole('dialog').getByRole('textbox').waitFor();
const frameDeadline = Date.now() + 8000;
let picker;
while (!picker && Date.now() < frameDeadline) {
  picker = ads.frames().find((f) => f.url().includes('/code-picker.html'));
  if (!picker) await ads.waitForTimeout(100);
}
const fill = picker?.getByRole('button', { name: /^Fill/ }).first();
await fill?.waitFor({ timeout: 8000 });
await ads.waitForTimeout(600); // let the dialog's opening animation settle
await shot(ads, 'ads-manager-picker');
await fill?.click();
await ads.waitForTimeout(300);
await shot(ads, 'ads-manager-filled');

// 4. Dashboard and settings.
const dash = await ext.context.newPage();
await dash.goto(ext.extensionUrl('dashboard.html'));
await dash.waitForTimeout(800);
await shot(dash, 'dashboard');
await dash.goto(ext.extensionUrl('dashboard.html#view=timeline'));
await dash.getByRole('region', { name: 'Timeline' }).waitFor();
await dash.waitForTimeout(400);
await shot(dash, 'dashboard-timeline');
const options = await ext.context.newPage();
await options.goto(ext.extensionUrl('options.html'));
await options.waitForTimeout(500);
await shot(options, 'options', { fullPage: true });

await ext.close();
console.log(`Demo tour done (headless). Screenshots in ${path.relative(process.cwd(), OUT) || OUT}/:`);
for (const f of shots) console.log(`  ${path.basename(f)}`);

// The README shows these; refreshing them from the tour keeps them from drifting from the product.
const README_SHOTS = {
  'gmail-thread': 'gmail',
  popup: 'popup',
  'ads-manager-picker': 'ads-manager',
  'dashboard-timeline': 'dashboard-timeline',
  options: 'options',
};
const docs = path.join(ROOT, 'docs', 'screenshots');
mkdirSync(docs, { recursive: true });
for (const f of shots) {
  const name = path.basename(f, '.png').replace(/^\d+-/, '');
  if (README_SHOTS[name]) copyFileSync(f, path.join(docs, `${README_SHOTS[name]}.png`));
}
console.log(`README screenshots refreshed in ${path.relative(process.cwd(), docs)}/.`);
