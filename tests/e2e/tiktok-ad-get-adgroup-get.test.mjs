// Live ads at risk, end to end in Chromium against the loopback mock of TikTok's Marketing API:
// after /tt_video/list/, the background pages through /ad/get/ and asks /adgroup/get/ for the ad
// groups Spark ads (identity AUTH_CODE) run in; a code whose authorization ends before such an ad
// group's scheduled end is named on the dashboard with its renewal request one click away, and the
// badge counts it in its urgent colour. Continuous ad groups are at risk too; earlier-ending and paused ones are not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeCode } from './harness.mjs';
import { enableApi, launchGranted, sendFromPage, waitFor } from './tiktok-mock.mjs';
import { startMockTikTokApi } from '../mock-tiktok-api/server.mjs';

const DAY = 86_400_000;
const now = Math.floor(Date.now() / 1000) * 1000;
const authEnd = now + 11 * DAY;
const springEnd = now + 30 * DAY;
const MAYA = makeCode(901);
const OTHER = makeCode(902);
const day = (ms) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' }).format(ms);

const adgroups = [
  { adgroupId: '1801', name: 'Spring launch', start: now - 10 * DAY, end: springEnd },
  { adgroupId: '1802', name: 'Always on', start: now - 10 * DAY, continuous: true },
  { adgroupId: '1803', name: 'Short burst', start: now - 10 * DAY, end: now + 5 * DAY, format: 'iso' },
  { adgroupId: '1804', name: 'Paused test', start: now - 10 * DAY, end: springEnd, operationStatus: 'DISABLE' },
];
const ads = [
  { adId: '9001', adgroupId: '1801', itemId: '7311' },
  { adId: '9002', adgroupId: '1801', itemId: '7311' },
  { adId: '9003', adgroupId: '1801', itemId: '7311' },
  { adId: '9004', adgroupId: '1801', itemId: '7311', operationStatus: 'DISABLE' },
  { adId: '9005', adgroupId: '1802', itemId: '7311' },
  { adId: '9006', adgroupId: '1804', itemId: '7311' },
  { adId: '9007', adgroupId: '1803', itemId: '7312' },
  { adId: '9008', adgroupId: '1801', identityType: 'TT_USER' },
];

let mock;
let ext;
before(async () => {
  mock = await startMockTikTokApi({
    posts: [
      { code: MAYA, start: now - 19 * DAY, end: authEnd, name: 'maya.creates', itemId: '7311' },
      { code: OTHER, start: now - 19 * DAY, end: authEnd, name: 'sam.films', itemId: '7312' },
    ],
    ads,
    adgroups,
  });
  mock.capAdsPage(3);
  ext = await launchGranted(() => mock);
});
after(async () => {
  await ext?.close();
  await mock?.close();
});

test('a code whose authorization ends before its ad group is named on the dashboard, badge urgent, renewal one click away', async () => {
  await enableApi(ext);
  const { res: report } = await sendFromPage(ext, 'tiktokSync', { mode: 'import' });
  assert.equal(report.added, 2);
  assert.equal(report.accounts[0].adsError, undefined);

  // /ad/get/ paged (3 ads a page here), then one /adgroup/get/ for the Spark ads' ad groups only.
  const adPages = mock.requests.filter((r) => r.path.endsWith('/ad/get/'));
  assert.deepEqual(adPages.map((r) => r.query.page), ['1', '2', '3']);
  const groupCalls = mock.requests.filter((r) => r.path.endsWith('/adgroup/get/'));
  assert.equal(groupCalls.length, 1);
  assert.deepEqual(JSON.parse(groupCalls[0].query.filtering).adgroup_ids.sort(), ['1801', '1802', '1803', '1804']);

  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html'));
  const notice = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Live ads at risk' }) });
  await notice.waitFor();
  const lines = await notice.locator('p').allInnerTexts();
  assert.deepEqual(lines, [
    `3 ads in 'Spring launch' stop on ${day(authEnd)} when @maya.creates's authorization ends; they are scheduled until ${day(springEnd)}`,
    // A continuous ad group runs until someone stops it: the authorization's end stops it.
    `1 ad in 'Always on' stops on ${day(authEnd)} when @maya.creates's authorization ends; it has no end date`,
  ]);
  assert.ok(!(await notice.innerText()).includes('sam.films'), 'an ad group ending before the authorization is not at risk');

  const worker = ext.worker;
  const color = await waitFor(async () => {
    const c = await worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
    return c[0] === 200 && c[1] === 30 && c[2] === 58 ? c : undefined;
  }, 'the urgent badge colour');
  assert.deepEqual(color.slice(0, 3), [200, 30, 58]);
  // Both codes end within 11 days; the badge counts the one at risk even beyond the alert window.
  const text = await worker.evaluate(() => chrome.action.getBadgeText({}));
  assert.ok(Number(text) >= 1, `badge text ${text}`);
  assert.match(await worker.evaluate(() => chrome.action.getTitle({})), /1 code's live ads stop before their scheduled end/);

  await notice.getByRole('button', { name: 'Ask @maya.creates for a renewal' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /renew/i);
  assert.deepEqual(ext.blocked, [], 'nothing but the (mocked) TikTok API was contacted');
  await page.close();
});

test('once those ads are gone from TikTok, a re-sync clears the notice and the urgent colour', async () => {
  mock.setAds('7012345678901234567', []);
  await sendFromPage(ext, 'tiktokSync', { mode: 'sync' });
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html'));
  await page.getByRole('heading', { name: 'Ad Code Keeper' }).waitFor();
  await waitFor(async () => (await page.getByRole('heading', { name: 'Live ads at risk' }).count()) === 0, 'the notice to go');
  const c = await waitFor(async () => {
    const v = await ext.worker.evaluate(() => chrome.action.getBadgeBackgroundColor({}));
    return v[0] !== 200 ? v : undefined;
  }, 'the badge to leave the urgent colour');
  assert.notEqual(c[0], 200);
  await page.close();
});
