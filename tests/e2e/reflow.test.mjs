// Reflow (WCAG 1.4.10): the dashboard at 320 px wide and at 200 % zoom of a 1280 × 720 window (a 640 × 360 CSS
// viewport) keeps every control on screen: no page-wide sideways scrolling, no button beyond the right edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seedCodes, makeCode } from './harness.mjs';

const DAY = 86_400_000;

async function offscreen(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll('header button, [role="tab"], [role="search"] input, [role="search"] select')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
      })
      .map((el) => el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName);
    return { pageScrollsSideways: document.documentElement.scrollWidth > width + 1, cut };
  });
}

test('dashboard reflows at 320 px and at 200 % zoom: table, calendar and timeline keep every control on screen', async () => {
  const ext = await launch({ viewport: { width: 640, height: 360 } });
  try {
    const now = Date.now();
    await seedCodes(
      ext,
      [1, 2, 3, 4].map((i) => ({ code: makeCode(70 + i), periodDays: 30, sentAt: now - i * 5 * DAY, creatorHandle: `@creator.${i}`, source: { kind: 'paste' } })),
    );
    const page = await ext.context.newPage();
    for (const size of [
      { width: 640, height: 360 },
      { width: 320, height: 640 },
    ]) {
      await page.setViewportSize(size);
      for (const view of ['table', 'calendar', 'timeline']) {
        await page.goto(ext.extensionUrl(`dashboard.html#view=${view}`));
        await page.getByRole('tab', { name: new RegExp(view, 'i') }).waitFor();
        await page.getByText('4 codes shown').waitFor();
        const { pageScrollsSideways, cut } = await offscreen(page);
        assert.equal(pageScrollsSideways, false, `${view} at ${size.width}×${size.height}: the page scrolls sideways`);
        assert.deepEqual(cut, [], `${view} at ${size.width}×${size.height}: controls off screen`);
      }
      // The calendar's month is in view without scrolling sideways, and its title is not pushed off the page.
      await page.goto(ext.extensionUrl('dashboard.html#view=calendar'));
      const title = await page.locator('#cal-title').boundingBox();
      assert.ok(title && title.x >= 0 && title.x + title.width <= size.width, 'calendar title within the width');
    }
  } finally {
    await ext.close();
  }
});
