// The Ads Manager code list at browser zoom 100/150/200 % of a 1280×720 window (a zoomed page sees a
// smaller CSS viewport at a higher device scale factor): below the field, never over it, fully on
// screen, at least three one-line rows; filtering as the user types in the field itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import { CODES, openAdsPage, overlayRect, pickerFrame, seedAdsCodes } from '../fixtures/ads-manager/e2e-helpers.mjs';

const ZOOMS = [1, 1.5, 2];

/** Where the list and the field are once the list has settled (it follows the field every frame). */
async function layout(page) {
  await page.waitForTimeout(150);
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      field: box(document.querySelector('[role=dialog] input')),
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  });
}

/** Rows the user can see without scrolling, their heights and the creator text size, read inside the frame. */
async function visibleRows(frame) {
  return frame.evaluate(() => {
    const wrap = document.querySelector('.list-wrap').getBoundingClientRect();
    const rows = [...document.querySelectorAll('.row')].map((r) => r.getBoundingClientRect());
    return {
      total: rows.length,
      visible: rows.filter((r) => r.top >= wrap.top - 0.5 && r.bottom <= wrap.bottom + 0.5 && r.bottom <= innerHeight + 0.5).length,
      heights: rows.map((r) => Math.round(r.height)),
      creatorPx: parseFloat(getComputedStyle(document.querySelector('.row .creator')).fontSize),
    };
  });
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const zoom of ZOOMS) {
  test(`at ${zoom * 100} % zoom of 1280×720 the list opens below the field, on screen, with at least three one-line rows`, async () => {
    const ext = await launch({ viewport: { width: Math.round(1280 / zoom), height: Math.round(720 / zoom) }, deviceScaleFactor: zoom });
    try {
      await seedAdsCodes(ext);
      const page = await openAdsPage(ext);
      assert.equal(await page.evaluate(() => devicePixelRatio), zoom);
      await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
      const frame = await pickerFrame(page);
      const { field, viewport } = await layout(page);
      const list = await overlayRect(page);
      assert.ok(list.left >= 0 && list.top >= 0 && list.right <= viewport.width && list.bottom <= viewport.height, `fully on screen: ${JSON.stringify(list)} in ${JSON.stringify(viewport)}`);
      assert.ok(!overlaps(list, field), 'the field stays uncovered');
      assert.ok(list.top >= field.bottom, 'below the field: the dialog title and label stay readable');
      assert.ok(Math.abs(list.right - list.left - (field.right - field.left)) <= 1, 'as wide as the field');
      const rows = await visibleRows(frame);
      assert.ok(rows.visible >= Math.min(3, rows.total), `${rows.visible} of ${rows.total} rows visible`);
      for (const h of rows.heights) assert.ok(h >= 30 && h <= 38, `one-line rows (${h} px)`);
      assert.ok(rows.creatorPx >= 12, `creator text ${rows.creatorPx} px`);

      // A smaller window: the list is placed again, still on screen and off the field.
      await page.setViewportSize({ width: Math.round(1000 / zoom), height: Math.round(600 / zoom) });
      const again = await layout(page);
      const moved = await overlayRect(page);
      assert.ok(moved.right <= again.viewport.width && moved.bottom <= again.viewport.height && moved.left >= 0 && moved.top >= 0, 'still on screen after resizing');
      assert.ok(!overlaps(moved, again.field), 'still off the field after resizing');
      await page.close();
    } finally {
      await ext.close();
    }
  });
}

test('typing in the field filters the list while the field keeps focus; ↓ and Enter there fill the highlighted code', async () => {
  const ext = await launch({ viewport: { width: 1280, height: 720 } });
  try {
    await seedAdsCodes(ext);
    const page = await openAdsPage(ext);
    await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
    const frame = await pickerFrame(page);
    const input = page.getByRole('dialog').getByRole('textbox');
    await input.click();
    await page.keyboard.type('leo');
    await frame.locator('.row', { hasText: '@leo.fit' }).waitFor();
    await frame.waitForFunction(() => document.querySelectorAll('.row').length === 1);
    assert.ok(await input.evaluate((el) => el === document.activeElement), 'the field keeps focus while filtering');
    assert.ok(await frame.locator('.row-active', { hasText: '@leo.fit' }).isVisible(), 'the best match is highlighted');

    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await frame.waitForFunction(() => document.querySelectorAll('.row').length === 3);
    await page.keyboard.press('ArrowDown');
    await frame.locator('.row-active', { hasText: '@mia.creates' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await frame.locator('.row-active', { hasText: '@leo.fit' }).waitFor();
    assert.ok(await input.evaluate((el) => el === document.activeElement), 'the arrows leave focus in the field');
    await page.keyboard.press('Enter');
    await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.leo.code);
    assert.deepEqual(ext.blocked, [], 'nothing left the machine');
    await page.close();
  } finally {
    await ext.close();
  }
});
