// The real Smart+ path on the Vue vi- kit fixture: Add videos or images → TikTok posts → Add post
// → "Authorize TikTok posts" (textarea, one TikTok post code per line) → Continue → "Confirm
// TikTok posts" → Add TikTok posts → drawer Confirm. A code is used at "Add TikTok posts", never
// at "Continue"; cancelling the second dialog uses nothing. Also the creative library's "Apply
// for authorization" dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';
import {
  CODES,
  fixtureEvents,
  openVuePage,
  pickerFrame,
  savedRecord,
  seedAdsCodes,
  waitForRecord,
} from '../fixtures/ads-manager/e2e-helpers.mjs';

let ext;
let ids;
before(async () => {
  ext = await launch();
  ids = await seedAdsCodes(ext);
});
after(async () => ext?.close());

const usesIn = async (name, aadvid) => (await savedRecord(ext, ids[name])).uses.filter((u) => u.advertiserId === aadvid).length;

async function openAuthorizeDialog(page) {
  await page.getByRole('button', { name: 'Add videos or images' }).click();
  await page.getByRole('tab', { name: 'TikTok posts' }).click();
  await page.getByRole('button', { name: 'Add post' }).click();
  await page.getByRole('dialog', { name: 'Authorize TikTok posts' }).getByRole('textbox').waitFor();
}

async function fillTwo(page) {
  const frame = await pickerFrame(page);
  await frame.getByRole('checkbox', { name: /from @mia\.creates/ }).check();
  await frame.getByRole('checkbox', { name: /from @leo\.fit/ }).check();
  await frame.getByRole('button', { name: 'Fill 2 codes as lines' }).click();
  const expected = [CODES.mia.code, CODES.leo.code].join('\n');
  await page.waitForFunction((v) => {
    const host = document.querySelector('[role=dialog].vi-dialog ks-textarea-1-1-14');
    return (host ? host.value : document.querySelector('[role=dialog].vi-dialog textarea')?.value) === v;
  }, expected);
  return expected;
}

for (const variant of ['light', 'shadow']) {
  test(`Smart+ (${variant} DOM): codes fill the textarea; Continue uses nothing; "Add TikTok posts" marks them used`, async () => {
    const aadvid = variant === 'light' ? '7077777777777777701' : '7077777777777777702';
    const page = await openVuePage(ext, { flow: 'smart', field: variant, buttons: variant, aadvid });
    await openAuthorizeDialog(page);
    const expected = await fillTwo(page);

    await page.getByRole('button', { name: 'Continue' }).click();
    assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'continue', value: expected }, "Vue's state holds both lines");
    await page.getByRole('dialog', { name: 'Confirm TikTok posts' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await usesIn('mia', aadvid), 0, 'Continue does not use the codes');

    await page.getByRole('button', { name: 'Add TikTok posts' }).click();
    assert.equal(
      (await waitForRecord(ext, ids.mia, (r) => r.uses.some((u) => u.advertiserId === aadvid))).uses.at(-1).advertiserId,
      aadvid,
    );
    assert.equal(
      await usesIn('leo', aadvid),
      1,
      `"Add TikTok posts"${variant === 'shadow' ? ' inside a shadow root' : ''} marks every added code used`,
    );

    // The drawer's final Confirm is the same use, not a second one.
    await page.getByTestId('hybrid-drawer-footer-submit-button').click();
    await page.locator('[data-chosen]').first().waitFor();
    await page.waitForTimeout(300);
    assert.equal(await usesIn('mia', aadvid), 1);
    await page.close();
  });
}

test('Smart+: cancelling "Confirm TikTok posts" uses nothing', async () => {
  const aadvid = '7077777777777777703';
  const page = await openVuePage(ext, { flow: 'smart', field: 'shadow', buttons: 'shadow', aadvid });
  await openAuthorizeDialog(page);
  await fillTwo(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  const second = page.getByRole('dialog', { name: 'Confirm TikTok posts' });
  await second.getByRole('button', { name: 'Cancel' }).click();
  await second.waitFor({ state: 'detached' });
  // Closing the drawer with its own Confirm afterwards adds nothing either.
  await page.getByTestId('hybrid-drawer-footer-submit-button').click();
  await page.waitForTimeout(400);
  assert.equal(await usesIn('mia', aadvid), 0);
  assert.equal(await usesIn('leo', aadvid), 0);
  await page.close();
});

test('library path: Assets → Creative → Spark Ads posts → "Apply for authorization" gets the helper too', async () => {
  const aadvid = '7077777777777777704';
  const page = await openVuePage(ext, { flow: 'library', field: 'shadow', buttons: 'shadow', aadvid });
  await page.getByRole('button', { name: 'Apply for authorization' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply for authorization' });
  await dialog.getByRole('textbox').waitFor();
  const frame = await pickerFrame(page);
  await frame.getByRole('button', { name: /^Fill .* from @leo\.fit/ }).click();
  await page.waitForFunction((c) => document.querySelector('ks-input-1-1-14')?.value === c, CODES.leo.code);
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('Post found').waitFor();
  await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.locator('[data-chosen]').waitFor();
  assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'confirm', value: CODES.leo.code });
  assert.equal((await waitForRecord(ext, ids.leo, (r) => r.uses.some((u) => u.advertiserId === aadvid))).uses.at(-1).advertiserId, aadvid);
  await page.close();
});
