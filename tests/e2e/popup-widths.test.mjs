// The popup fits every width from 300 to 400 px (issue 15 item 7): nothing is cut off when the list
// scrolls (the scrollbar takes its share) or in a narrow window, in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, seedCodes, inExtensionPage, makeCode } from './harness.mjs';

const DAY = 86_400_000;
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots/fastpopup';
let ext;
before(async () => {
  ext = await launch({ viewport: { width: 400, height: 600 } });
  const handles = ['@maya.creates', '@a.really.long.creator.handle.that.keeps.going', '@leo.lifts', '@zoe', '@ana.cocina.en.casa'];
  // 45 codes: expiring, ready, used and expired, some with long handles; enough that the list scrolls.
  await seedCodes(
    ext,
    Array.from({ length: 45 }, (_, i) => ({
      code: makeCode(500 + i),
      periodDays: 30,
      sentAt: Date.now() + ((i % 15) * 3 - 6) * DAY - 30 * DAY + 3_600_000,
      creatorHandle: handles[i % handles.length],
      notes: i % 7 === 0 ? 'Summer launch — a rather long note that must wrap rather than widen the popup' : '',
      source: { kind: 'paste' },
    })),
  );
  const saved = await inExtensionPage(ext, () => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: 'popupView', data: { query: '', limits: { usable: 50, expired: 50 } }, timestamp: Date.now() }, resolve)));
  const ids = saved.res.usable.filter((_, i) => i % 4 === 1).map((r) => r.id);
  for (const id of ids) {
    await inExtensionPage(ext, (id) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: 'setUsage', data: { id, used: true }, timestamp: Date.now() }, resolve)), id);
  }
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => ext?.close());

/** What sticks out of the viewport: the page's own overflow and every row control beyond the right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    const width = root.clientWidth;
    const out = [];
    if (root.scrollWidth > width) out.push(`page scrolls sideways: ${root.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll('.code-row button, .code-row input, .code-row select, .code-row a, .popup-header > *, .search input, .batch-bar button, .toast')) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.right > width + 0.5 || r.left < -0.5)) out.push(`${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30)}: ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
    }
    return out;
  });
}

for (const width of [300, 400]) {
  test(`popup at ${width} px: nothing cut off, in light and dark, with the list scrolling`, async () => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width, height: 600 });
    await page.goto(ext.extensionUrl('popup.html'));
    await page.locator('main[data-view="live"] ul.code-list li').first().waitFor();
    const scrolls = await page.evaluate(() => document.scrollingElement.scrollHeight > document.scrollingElement.clientHeight);
    assert.ok(scrolls, 'the list is long enough to scroll (its scrollbar takes width)');
    assert.deepEqual(await overflow(page), []);

    // A row opened (dates, period, notes) and the undo toast must fit too.
    const row = page.getByRole('listitem', { name: /^@a\.really\.long/ }).first();
    await row.getByRole('button', { expanded: false }).click();
    await row.getByRole('combobox', { name: 'Authorization period' }).waitFor();
    assert.deepEqual(await overflow(page), []);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/popup-${width}-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('listitem', { name: /^@zoe, / }).first().getByRole('button', { name: /^Delete code @zoe / }).click();
    await page.getByRole('status').getByText('Deleted @zoe.').waitFor();
    assert.deepEqual(await overflow(page), []);
    await page.screenshot({ path: `${SHOTS}/popup-${width}-toast.png` });
    await page.keyboard.press('Control+Z');
    await page.getByRole('status').getByText('Deleted @zoe.').waitFor({ state: 'detached' });
    await page.close();
  });
}

test('popup at 300 px with the TikTok feature on: checkboxes and "Apply to ad accounts…" fit', async () => {
  await inExtensionPage(ext, () =>
    chrome.storage.local.set({ tiktokApi: { enabled: true, accessToken: 'mocktoken0123456789abcdef', advertiserId: '7012345678901234567' } }),
  );
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 300, height: 600 });
  await page.goto(ext.extensionUrl('popup.html'));
  await page.getByRole('checkbox', { name: /^Select @maya\.creates #/ }).first().check();
  await page.getByRole('button', { name: 'Apply to ad accounts… (1)' }).waitFor();
  assert.deepEqual(await overflow(page), []);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/popup-300-select-${scheme}.png` });
  }
  await page.close();
  await inExtensionPage(ext, () => chrome.storage.local.remove('tiktokApi'));
});

test('a code row keeps the same height when its handle is long (one line, ellipsis)', async () => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 300, height: 600 });
  await page.goto(ext.extensionUrl('popup.html'));
  await page.locator('main[data-view="live"] ul.code-list li').first().waitFor();
  const heights = await page.evaluate(() => [...document.querySelectorAll('.code-row')].map((r) => Math.round(r.getBoundingClientRect().height)));
  assert.ok(Math.max(...heights) - Math.min(...heights) <= 2, `rows are one height: ${[...new Set(heights)].join(', ')}`);
  await page.close();
});
