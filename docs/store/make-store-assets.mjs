#!/usr/bin/env node
// Store assets from the real product: runs the headless demo tour (`scripts/demo.mjs`, the built
// extension on local demo pages) and turns its screenshots into store-sized images, plus icons at
// every size and the promo tiles, all rendered by Chromium from public/icon/icon.svg.
//   npm run build && node docs/store/make-store-assets.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath, inExtensionPage, launch, makeCode, savedCodes, seedCodes } from '../../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'docs/store');
const DEMO = path.join(ROOT, 'demo-screenshots');
const ICON_SVG = readFileSync(path.join(ROOT, 'public/icon/icon.svg'), 'utf8');

console.log('Running the demo tour for fresh screenshots…');
execFileSync(process.execPath, [path.join(ROOT, 'scripts/demo.mjs'), '--headless'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DISPLAY: '' } });

// The demo saves one code; the popup and dashboard shots look like a week of real use instead.
console.log('Seeding a realistic vault for the popup and dashboard shots…');
const DAY = 86_400_000;
const ext = await launch({ viewport: { width: 1360, height: 860 } });
const creators = [
  ['@maya.creates', 2, 60, 'used', 'Hydration bottle · live since Monday'],
  ['@dani.moves', 6, 30, 'unused', 'Gym set, 3 videos'],
  ['@leo.lifts', 13, 7, 'unused', ''],
  ['@jose.cocina', 24, 60, 'used', 'Navidad campaign'],
  ['@mila.cooks', 41, 365, 'unused', 'Evergreen recipe video'],
  ['@sam.travels', 58, 60, 'unused', ''],
  ['@noor.styles', -3, 30, 'used', 'Ask to renew'],
];
await seedCodes(
  ext,
  creators.map(([handle, daysLeft, period], i) => ({
    code: makeCode(500 + i),
    creatorHandle: handle,
    periodDays: period,
    sentAt: Date.now() + daysLeft * DAY - period * DAY,
    notes: creators[i][4] || undefined,
    source: { kind: i % 3 ? 'gmail' : 'instagram', senderName: handle.slice(1), subject: 'Spark Ads code' },
  })),
);
const vault = await savedCodes(ext);
await inExtensionPage(ext, async (ids) => {
  for (const id of ids) await new Promise((r) => chrome.runtime.sendMessage({ id, type: 'setUsage', data: { id, used: true, advertiserId: '7012345678901234567' }, timestamp: Date.now() }, r));
}, vault.filter((r) => creators.find((c) => c[0] === r.creatorHandle)?.[3] === 'used').map((r) => r.id));
const popupPage = await ext.context.newPage();
await popupPage.setViewportSize({ width: 400, height: 600 });
await popupPage.goto(ext.extensionUrl('popup.html'));
await popupPage.getByRole('list', { name: 'Usable codes' }).getByRole('listitem').nth(4).waitFor();
await popupPage.screenshot({ path: path.join(DEMO, 'store-popup.png') });
const dashboardPage = await ext.context.newPage();
await dashboardPage.goto(ext.extensionUrl('dashboard.html#view=timeline'));
await dashboardPage.waitForTimeout(1200);
await dashboardPage.screenshot({ path: path.join(DEMO, 'store-dashboard.png') });
await ext.close();

const png = (file) => `data:image/png;base64,${readFileSync(path.join(DEMO, file)).toString('base64')}`;
const svg = `data:image/svg+xml;base64,${Buffer.from(ICON_SVG).toString('base64')}`;

// Single quotes only: these go inside style="…" attributes.
const FONT = `font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif;`;
const BRAND_BG = 'background: radial-gradient(circle at 12% 18%, #25f4ee33, transparent 42%), radial-gradient(circle at 88% 85%, #fe2c5533, transparent 45%), #0f1222;';

/** A 1280×800 store screenshot: headline and one line of copy over the product shot. */
function screenshotPage({ title, text, image, layout = 'wide' }) {
  const shot =
    layout === 'tall'
      ? `<img src="${image}" style="height:600px;border-radius:14px;box-shadow:0 24px 60px #0008;border:1px solid #ffffff22">`
      : `<img src="${image}" style="width:1080px;border-radius:14px 14px 0 0;box-shadow:0 24px 60px #0008;border:1px solid #ffffff22;border-bottom:0">`;
  const body =
    layout === 'tall'
      ? `<div style="display:flex;align-items:center;gap:72px;height:100%;padding:0 110px">
           <div style="flex:1">${headline(title, text, 'left')}</div>${shot}</div>`
      : `<div style="display:flex;flex-direction:column;align-items:center;height:100%">
           <div style="padding:44px 0 30px">${headline(title, text, 'center')}</div>
           <div style="flex:1;overflow:hidden">${shot}</div></div>`;
  return `<html><body style="margin:0;width:1280px;height:800px;overflow:hidden;${FONT}${BRAND_BG}">${body}</body></html>`;
}

function headline(title, text, align) {
  return `<div style="text-align:${align};color:#fff">
    <div style="display:flex;align-items:center;gap:12px;justify-content:${align === 'center' ? 'center' : 'flex-start'};margin-bottom:14px;opacity:.85;font-size:18px;letter-spacing:.3px">
      <img src="${svg}" width="30" height="30">Ad Code Keeper</div>
    <div style="font-size:${align === 'center' ? 40 : 46}px;font-weight:700;letter-spacing:-.5px;line-height:1.15">${title}</div>
    <div style="font-size:20px;line-height:1.5;color:#c9cde0;margin-top:12px;max-width:${align === 'center' ? 860 : 440}px;${align === 'center' ? 'margin-left:auto;margin-right:auto' : ''}">${text}</div>
  </div>`;
}

function tilePage(width, height) {
  const big = height >= 500;
  return `<html><body style="margin:0;width:${width}px;height:${height}px;overflow:hidden;${FONT}${BRAND_BG}">
    <div style="display:flex;align-items:center;gap:${big ? 48 : 22}px;height:100%;padding:0 ${big ? 110 : 30}px;color:#fff">
      <img src="${svg}" width="${big ? 220 : 96}" height="${big ? 220 : 96}">
      <div><div style="font-size:${big ? 64 : 28}px;font-weight:700;letter-spacing:-.5px;white-space:nowrap">Ad Code Keeper</div>
      <div style="font-size:${big ? 28 : 15}px;line-height:1.45;color:#c9cde0;margin-top:${big ? 14 : 8}px">${
        big ? 'TikTok Spark Ads codes saved from your inbox,<br>expiry alerts, one-click fill in Ads Manager.' : 'Spark Ads codes from your inbox.<br>Expiry alerts. One-click fill.'
      }</div></div>
    </div></body></html>`;
}

const SHOTS = [
  { file: '1-capture-in-gmail.png', title: 'Save ad codes where they arrive', text: 'A Save control appears beside every Spark Ads code in Gmail, Outlook, Instagram and TikTok messages, with the creator, video and authorization period read from the mail.', image: png('02-gmail-saved.png') },
  { file: '2-popup.png', title: 'Every code and its expiry, one click away', text: 'Soonest expiry first. Copy, mark used, search by creator or note. The toolbar badge counts codes about to expire.', image: png('store-popup.png'), layout: 'tall' },
  { file: '3-fill-in-ads-manager.png', title: 'Fill codes into Ads Manager', text: 'Beside the Authorized Post field: your usable codes for this advertiser. Pick one, it is pasted and marked used.', image: png('04-ads-manager-picker.png') },
  { file: '4-dashboard.png', title: 'See what expires, and when', text: 'Calendar, timeline and table of every code. Ask creators to renew before their authorization ends. Export to CSV or your calendar.', image: png('store-dashboard.png') },
  { file: '5-options.png', title: 'Alerts on your schedule', text: 'Choose the alert window, reminder days, a daily digest and your time zone. Everything stays in your browser.', image: png('07-options.png') },
];

mkdirSync(path.join(OUT, 'screenshots'), { recursive: true });
mkdirSync(path.join(OUT, 'icons'), { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  for (const s of SHOTS) {
    await page.setContent(screenshotPage(s));
    await page.waitForLoadState('load');
    await page.screenshot({ path: path.join(OUT, 'screenshots', s.file) });
  }
  for (const [file, w, h] of [['promo-small-440x280.png', 440, 280], ['promo-marquee-1400x560.png', 1400, 560]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.setContent(tilePage(w, h));
    await page.screenshot({ path: path.join(OUT, file) });
  }
  // Icons: Chrome Web Store wants 128; Firefox AMO 64 and 128; the rest are for listings and docs.
  for (const size of [16, 24, 32, 48, 64, 96, 128, 256, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${svg}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.screenshot({ path: path.join(OUT, 'icons', `icon-${size}.png`), omitBackground: true });
  }
} finally {
  await browser.close();
}
console.log(`Store assets written to ${path.relative(ROOT, OUT)}/ (screenshots/, icons/, promo tiles).`);
