// The Ads Manager fill helper in real Chromium, on React fixtures of Ads Manager's dialogs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inExtensionPage, launch } from './harness.mjs';
import {
  AADVID,
  CODES,
  OTHER_AADVID,
  fillAnyway,
  fillButton,
  fixtureEvents,
  intersects,
  openAdsPage,
  overlayRect,
  overlayShown,
  pickerFrame,
  savedRecord,
  seedAdsCodes,
  tabTo,
} from '../fixtures/ads-manager/e2e-helpers.mjs';

let ext;
let ids;
before(async () => {
  ext = await launch();
  ids = await seedAdsCodes(ext);
});
after(async () => ext?.close());

const listedCreators = (frame) => frame.locator('.row .creator').allTextContents();

async function openClassicDialog(page, buttonName = '+ Authorize TikTok Post') {
  await page.getByRole('button', { name: buttonName }).click();
  await page.getByRole('dialog').getByRole('textbox').waitFor();
}

for (const react of ['19', '18', '17', '16']) {
  test(`classic Identity step (React ${react}): the list appears beside the field and Fill reaches React's state`, async () => {
    const page = await openAdsPage(ext, react === '19' ? '' : `react=${react}`);
    if (react !== '19') assert.equal(await page.evaluate(() => window.React.version.split('.')[0]), react, `the page runs React ${react}`);
    await openClassicDialog(page);
    const frame = await pickerFrame(page);
    assert.ok(await overlayShown(page), 'the list opens by itself when the field appears');

    // Usable codes only, soonest expiry first, with creator and expiry shown.
    assert.deepEqual(
      await listedCreators(frame),
      ['@mia.creates', '@zoe.bakes', '@leo.fit'].sort((a, b) => order(a) - order(b)),
    );
    const mia = frame.locator('.row', { hasText: '@mia.creates' });
    assert.match(await mia.innerText(), /Expires in 2 days/);
    assert.equal(await mia.locator('.expiry-soon').count(), 1, 'a code inside the alert window is marked');
    assert.equal(await frame.getByText('@old.news').count(), 0, 'expired codes are hidden by default');

    // Like a password manager's menu, right under the field: the field and TikTok's Search beside it stay uncovered
    // (Confirm and Cancel, under the list here, are there again once the list closes on fill, Esc or a click outside).
    const box = await overlayRect(page);
    const field = await page.getByRole('dialog').getByRole('textbox').boundingBox();
    assert.ok(box.top >= field.y + field.height, 'below the field');
    for (const name of ['Search']) {
      const b = await page.getByRole('dialog').getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(!intersects(box, { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height }), `${name} is not covered`);
    }

    await fillButton(frame, '@leo.fit').click();
    const input = page.getByRole('dialog').getByRole('textbox');
    await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.leo.code);
    assert.ok(await input.evaluate((el) => el === document.activeElement), 'focus is back in the field');
    assert.equal(await overlayShown(page), false, 'the list closes after filling');

    // Search reads React's state, not the DOM: it only finds the post if React received the value.
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Post found').waitFor();
    assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'search', value: CODES.leo.code });
    assert.deepEqual(ext.blocked, [], 'nothing left the machine');
    await page.close();
  });
}

function order(handle) {
  const c = Object.values(CODES).find((x) => x.creatorHandle === handle);
  return c.periodDays - c.ageDays;
}

test('keyboard only: ↓ into the list, type to filter, Enter fills, Confirm marks the code used in this account', async () => {
  const page = await openAdsPage(ext);
  await tabTo(page, () => document.activeElement?.textContent === '+ Authorize TikTok Post');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('textbox').waitFor();
  await tabTo(page, () => document.activeElement?.matches('[role=dialog] input'));
  const frame = await pickerFrame(page);

  // Esc closes the list and keeps the user in the field; ↓ brings it back with focus in the filter.
  await page.keyboard.press('Escape');
  assert.equal(await overlayShown(page), false);
  assert.ok(await page.getByRole('dialog').isVisible(), "Esc closed only the list, not TikTok's dialog");
  // ↓ brings it back; typing in the field filters it (the field keeps focus) and picks the best match for Enter.
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('ad-code-keeper-picker')?.style.display === 'block');
  await page.keyboard.type('mia');
  await frame.waitForFunction(() => document.querySelectorAll('.row').length === 1);
  assert.deepEqual(await listedCreators(frame), ['@mia.creates']);
  assert.ok(await page.evaluate(() => document.activeElement?.matches('[role=dialog] input')), 'typing stays in the field');
  assert.match(await frame.locator('[aria-live=polite]').textContent(), /^Fill .* from @mia\.creates/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.mia.code);
  assert.ok(await page.evaluate(() => document.activeElement?.matches('[role=dialog] input')), 'focus returns to the field');

  // The user still searches and confirms themselves, from the keyboard.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Search');
  await page.keyboard.press('Enter');
  await page.getByText('Post found').waitFor();
  await tabTo(page, () => document.activeElement?.textContent === 'Confirm' && !document.activeElement.disabled);
  await page.keyboard.press('Enter');
  await page.locator('[data-chosen]').waitFor();

  let record;
  for (let i = 0; i < 40 && record?.status !== 'used'; i++) {
    record = await savedRecord(ext, ids.mia);
    if (record.status !== 'used') await page.waitForTimeout(50);
  }
  assert.equal(record.status, 'used');
  assert.equal(record.uses.at(-1).advertiserId, AADVID, 'the use remembers the advertiser account');
  assert.ok(Date.now() - record.uses.at(-1).at < 60_000, 'and the date');

  // Back in the dialog on this page, the list offers to take it back.
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const again = await pickerFrame(page);
  const banner = again.getByRole('status').filter({ hasText: 'Marked used in this account' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /@mia\.creates/);
  await again.getByRole('button', { name: 'Undo' }).click();
  await again.getByText('Marked unused again.').waitFor();
  record = await savedRecord(ext, ids.mia);
  assert.equal(record.status, 'unused');
  assert.equal(record.uses.length, 0);
  await page.close();
});

test('a code already used in this account says so before filling', async () => {
  const page = await openAdsPage(ext);
  await openClassicDialog(page);
  const frame = await pickerFrame(page);
  // zoe was used in this account before: the list says so and asks first.
  // Under its own "Used here" heading, after the codes not used in this account yet.
  assert.deepEqual(
    await frame.locator('.list > li').evaluateAll((els) => els.map((e) => e.querySelector('.creator')?.textContent ?? e.textContent)),
    ['@mia.creates', '@leo.fit', 'Used here', '@zoe.bakes'],
  );
  await fillButton(frame, '@zoe.bakes').click();
  const warning = frame.getByRole('group', { name: 'Code already used in this account' });
  await warning.waitFor();
  assert.match(await warning.innerText(), /Already used in this account on /);
  assert.equal(await page.getByRole('dialog').getByRole('textbox').inputValue(), '', 'nothing filled before the user agrees');
  await fillAnyway(page, frame, (code) => document.querySelector('[role=dialog] input')?.value === code, CODES.zoe.code);
  await page.close();
});

test('Smart+ "Authorize TikTok posts" (React 19): several codes go in as lines after what the user typed', async () => {
  const page = await openAdsPage(ext, 'flow=smart');
  await page.getByRole('button', { name: '+ Add post' }).click();
  const area = page.getByRole('dialog').getByRole('textbox');
  await area.waitFor();
  // The list that opens with the dialog already knows the field takes several codes.
  const first = await pickerFrame(page);
  assert.equal(await first.getByRole('checkbox', { name: /^Select / }).count(), 3);
  const typed = '#TypedByHandAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  await area.click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Show saved ad codes/ }).click();
  const frame = await pickerFrame(page);
  await frame.getByRole('checkbox', { name: /from @mia\.creates/ }).check();
  await frame.getByRole('checkbox', { name: /from @leo\.fit/ }).check();
  await frame.getByRole('button', { name: 'Fill 2 codes as lines' }).click();
  const expected = [typed, CODES.mia.code, CODES.leo.code].join('\n');
  await page.waitForFunction((v) => document.querySelector('[role=dialog] textarea')?.value === v, expected);

  // Filling again skips codes already in the field instead of repeating them.
  await page.getByRole('button', { name: /Show saved ad codes/ }).click();
  await frame.locator('.row', { hasText: '@leo.fit' }).filter({ hasText: 'In the field' }).waitFor();
  assert.ok(
    await frame.getByRole('checkbox', { name: /from @leo\.fit/ }).isDisabled(),
    'a code already in the field cannot be added twice',
  );

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Continue' }).click();
  assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'continue', value: expected }, "React's state holds all three lines");
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-chosen]').length === 3);
  for (let i = 0; i < 40 && (await savedRecord(ext, ids.leo)).status !== 'used'; i++) await page.waitForTimeout(50);
  assert.equal((await savedRecord(ext, ids.leo)).status, 'used');
  assert.equal((await savedRecord(ext, ids.mia)).status, 'used');
  await page.close();
});

test('Smart+ textarea (React 18): lines reach React 18 state too', async () => {
  // Its own advertiser account, so the other tests' uses do not show here.
  const page = await openAdsPage(ext, 'flow=smart&react=18', { aadvid: '7033333333333333333' });
  await page.getByRole('button', { name: '+ Add post' }).click();
  const frame = await pickerFrame(page);
  await frame.getByRole('checkbox', { name: /from @zoe\.bakes/ }).check();
  await frame.getByRole('checkbox', { name: /from @leo\.fit/ }).check();
  await frame.getByRole('button', { name: 'Fill 2 codes as lines' }).click();
  const expected = [CODES.zoe.code, CODES.leo.code].join('\n');
  await page.waitForFunction((v) => document.querySelector('[role=dialog] textarea')?.value === v, expected);
  await page.getByRole('button', { name: 'Continue' }).click();
  assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'continue', value: expected });
  await page.close();
});

const LANGS = {
  es: 'Autorizar publicación de TikTok',
  pt: 'Autorizar publicação do TikTok',
  de: 'TikTok-Beitrag autorisieren',
  fr: 'Autoriser la publication TikTok',
  ja: 'TikTok投稿を承認',
};

test('the classic dialog is recognised in Spanish, Portuguese, German, French and Japanese', async () => {
  for (const [lang, title] of Object.entries(LANGS)) {
    const page = await openAdsPage(ext, `lang=${lang}`);
    await openClassicDialog(page, `+ ${title}`);
    const frame = await pickerFrame(page);
    await fillButton(frame, '@zoe.bakes').click();
    await fillAnyway(page, frame, (code) => document.querySelector('[role=dialog] input')?.value === code, CODES.zoe.code);
    await page.close();
  }
});

test('any other field asking for a Spark Ads code gets the list; unrelated fields do not', async () => {
  const page = await openAdsPage(ext, 'flow=other', { aadvid: OTHER_AADVID });
  await page.getByLabel('Promo code').click();
  await page.waitForTimeout(300);
  assert.equal(await overlayShown(page), false, 'a promo code is not an ad code');
  await page.getByLabel('Search campaigns').click();
  await page.waitForTimeout(300);
  assert.equal(await overlayShown(page), false);
  await page.getByLabel('Spark Ads code').click();
  const frame = await pickerFrame(page);
  assert.ok(await overlayShown(page));
  await fillButton(frame, '@leo.fit').click();
  await page.waitForFunction((code) => document.getElementById('f-spark').value === code, CODES.leo.code);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'save', value: CODES.leo.code });
  await page.close();
});

test('regional host ads.us.tiktok.com works the same', async () => {
  const page = await openAdsPage(ext, '', { host: 'ads.us.tiktok.com', aadvid: OTHER_AADVID });
  await openClassicDialog(page);
  const frame = await pickerFrame(page);
  await fillButton(frame, '@leo.fit').click();
  await page.waitForFunction((code) => document.querySelector('[role=dialog] input')?.value === code, CODES.leo.code);
  await page.close();
});

test('the list follows its field on scroll and resize, and closes on a click outside', async () => {
  const page = await openAdsPage(ext, 'flow=other', { aadvid: OTHER_AADVID });
  const field = page.getByLabel('Spark Ads code');
  await field.click();
  await pickerFrame(page);
  const gap = async () => {
    const f = await field.boundingBox();
    const o = await overlayRect(page);
    return { dx: Math.round(o.left - f.x), dy: Math.round(o.top - f.y) };
  };
  const before = await gap();
  await page.mouse.wheel(0, 120);
  await page.waitForFunction(() => scrollY > 0);
  await page.waitForTimeout(100);
  assert.deepEqual(await gap(), before, 'same place relative to the field after scrolling');
  await page.setViewportSize({ width: 1100, height: 860 });
  // Still anchored under the field after the window shrank (the field moved left with the layout).
  await page.waitForFunction(() => {
    const f = document.getElementById('f-spark').getBoundingClientRect();
    const o = document.querySelector('ad-code-keeper-picker').getBoundingClientRect();
    return Math.abs(o.left - f.left) < 2 && o.top > f.bottom;
  });

  await page.mouse.click(1050, 820);
  assert.equal(await overlayShown(page), false, 'a click elsewhere on the page closes it');
  await page.getByRole('button', { name: /Show saved ad codes/ }).click();
  // Opening re-registers with the background first, so it takes a moment.
  await page.waitForFunction(() => {
    const host = document.querySelector('ad-code-keeper-picker');
    return getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().height > 0;
  });
  await page.close();
});

test('a German user: the key button beside the field is named in German, on a page in any language', async () => {
  const setLanguage = (language) =>
    inExtensionPage(
      ext,
      async (lang) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...settings, language: lang } });
      },
      language,
    );
  await setLanguage('de');
  try {
    const page = await openAdsPage(ext);
    await openClassicDialog(page);
    const button = page.getByRole('button', { name: 'Gespeicherte Anzeigencodes zeigen (Ad Code Keeper)' });
    await button.waitFor();
    assert.equal(await button.getAttribute('title'), 'Gespeicherte Anzeigencodes');
    await page.close();
  } finally {
    await setLanguage('en');
  }
});
