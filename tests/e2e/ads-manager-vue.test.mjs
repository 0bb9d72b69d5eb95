// The Ads Manager helper on a real Vue 3 build of the vi- kit (tests/fixtures/ads-manager/vue):
// v-model, v-model.lazy and ks- web components whose real field and buttons sit in open shadow
// roots. Fill must reach Vue's state (Search reads it), Confirm inside a shadow root must mark
// the code used, and TikTok's error text under the field must update the code's status.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch } from './harness.mjs';
import {
  AADVID,
  CODES,
  fillButton,
  fixtureEvents,
  intersects,
  openVuePage,
  overlayRect,
  overlayShown,
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


/** The code field's value, wherever it lives (light DOM or a ks- component's shadow root). */
const fieldValue = (page) =>
  page.evaluate(() => {
    const dialog = document.querySelector('[role=dialog].vi-dialog');
    const host = dialog?.querySelector('ks-input-1-1-14, ks-textarea-1-1-14');
    return (host ? host.shadowRoot.querySelector('input, textarea') : dialog?.querySelector('input, textarea'))?.value;
  });

/** Everything a page script can read: markup, field values and open shadow roots (ours included), but not cross-origin frames. */
const whatThePageSees = (page) =>
  page.evaluate(() => {
    const parts = [];
    const visit = (root) => {
      parts.push(root.innerHTML ?? root.documentElement.outerHTML);
      for (const el of root.querySelectorAll('*')) {
        if ('value' in el && typeof el.value === 'string') parts.push(el.value);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return parts.join('\n');
  });

async function openClassic(page) {
  await page.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  await page.getByRole('dialog', { name: 'Authorize TikTok Post' }).getByRole('textbox').waitFor();
}

for (const field of ['light', 'lazy', 'shadow']) {
  test(`Vue vi- dialog, field ${field}: the list appears beside the field, Fill reaches Vue's state, Confirm marks it used`, async () => {
    const aadvid = `70555555555555555${['light', 'lazy', 'shadow'].indexOf(field)}0`;
    const page = await openVuePage(ext, { field, buttons: field === 'shadow' ? 'shadow' : 'light', aadvid });
    await openClassic(page);
    const frame = await pickerFrame(page);
    assert.ok(await overlayShown(page), 'the list opens by itself when the dialog shows its field');
    const box = await overlayRect(page);
    const fieldBox = await page.getByRole('dialog', { name: 'Authorize TikTok Post' }).getByRole('textbox').boundingBox();
    assert.ok(
      !intersects(box, { left: fieldBox.x, top: fieldBox.y, right: fieldBox.x + fieldBox.width, bottom: fieldBox.y + fieldBox.height }),
      'the field stays uncovered',
    );
    assert.ok(box.top >= fieldBox.y + fieldBox.height, 'right below the field, like a password manager’s menu');
    // Search beside the field stays uncovered; Confirm and Cancel may sit under the list until it closes (fill, Esc, click outside).
    for (const name of ['Search']) {
      const b = await page.getByRole('dialog', { name: 'Authorize TikTok Post' }).getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(!intersects(box, { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height }), `${name} is not covered`);
    }

    const before = await whatThePageSees(page);
    for (const c of Object.values(CODES))
      assert.ok(!before.includes(c.code.slice(1)), 'no saved code is readable by the page while the list is open');
    await fillButton(frame, '@leo.fit').click();
    await page.waitForFunction(
      () =>
        !document.querySelector('ad-code-keeper-picker') ||
        getComputedStyle(document.querySelector('ad-code-keeper-picker')).display === 'none',
    );
    assert.equal(await fieldValue(page), CODES.leo.code);
    const after = await whatThePageSees(page);
    assert.deepEqual(
      Object.values(CODES)
        .filter((c) => after.includes(c.code.slice(1)))
        .map((c) => c.creatorHandle),
      ['@leo.fit'],
      'after the fill, only the picked code',
    );
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Post found').waitFor();
    assert.deepEqual((await fixtureEvents(page)).at(-1), { type: 'search', value: CODES.leo.code }, "Vue's state holds the code");

    assert.equal((await savedRecord(ext, ids.leo)).uses.filter((u) => u.advertiserId === aadvid).length, 0, 'not used before Confirm');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.locator('[data-chosen]').waitFor();
    const r = await waitForRecord(ext, ids.leo, (x) => x.uses.some((u) => u.advertiserId === aadvid));
    assert.ok(
      r.uses.some((u) => u.advertiserId === aadvid),
      `Confirm${field === 'shadow' ? ' inside a shadow root' : ''} marks the code used in this account`,
    );
    assert.deepEqual(ext.blocked, [], 'nothing left the machine');
    await page.close();
  });
}

test('Vue dialog: Cancel after a fill uses nothing', async () => {
  const aadvid = '7055555555555555599';
  const page = await openVuePage(ext, { field: 'shadow', buttons: 'shadow', aadvid });
  await openClassic(page);
  const frame = await pickerFrame(page);
  await fillButton(frame, '@leo.fit').click();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByText('Post found').waitFor();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.waitForTimeout(400);
  assert.equal((await savedRecord(ext, ids.leo)).uses.filter((u) => u.advertiserId === aadvid).length, 0);
  await page.close();
});

test('screenshots: the helper on the Vue vi- dialog, light and dark', async () => {
  mkdirSync('/tmp/shots', { recursive: true });
  for (const scheme of ['light', 'dark']) {
    const page = await openVuePage(ext, { field: 'shadow', buttons: 'shadow', aadvid: AADVID });
    await page.emulateMedia({ colorScheme: scheme });
    await openClassic(page);
    await pickerFrame(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/adsmgr-vue-${scheme}.png` });
    await page.close();
  }
});

const VERDICTS = [
  ['expired', 'Authorization expired.', 'code-expired'],
  ['incorrect', 'The post code is incorrect.', 'code-invalid'],
  ['deleted', 'The code has been deleted.', 'code-revoked'],
];

for (const [said, text, kind] of VERDICTS) {
  test(`TikTok says "${text}" under the field after a fill: the code's status is updated and the list offers a renewal request`, async () => {
    const who = { expired: 'mia', incorrect: 'zoe', deleted: 'leo' }[said];
    const code = CODES[who];
    const page = await openVuePage(ext, {
      field: 'shadow',
      buttons: 'shadow',
      answers: { [code.code]: said },
      aadvid: '7066666666666666666',
    });
    await openClassic(page);
    const frame = await pickerFrame(page);
    await fillButton(frame, code.creatorHandle).click();
    if (who === 'zoe')
      await frame
        .getByRole('button', { name: 'Fill anyway' })
        .click()
        .catch(() => undefined);
    await page.waitForFunction(() => document.querySelector('ks-input-1-1-14')?.value);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(text).waitFor();
    const r = await waitForRecord(ext, ids[who], (x) => x.verified?.errorKind === kind);
    assert.equal(r.verified?.errorKind, kind, 'the verdict is recorded on the code');
    if (kind !== 'code-invalid') assert.ok(r.expiresAt <= Date.now(), 'an expired or deleted code shows as expired now');
    // The list comes back by itself, says what TikTok said, and offers the renewal request.
    const again = await pickerFrame(page);
    const banner = again.getByRole('status').filter({ hasText: code.creatorHandle });
    await banner.waitFor();
    assert.match(
      await banner.innerText(),
      new RegExp(said === 'expired' ? 'Authorization expired' : said === 'incorrect' ? 'incorrect' : 'deleted'),
    );
    if (said === 'expired') await page.screenshot({ path: '/tmp/shots/adsmgr-vue-refused.png' });
    const [dashboard] = await Promise.all([
      ext.context.waitForEvent('page'),
      again.getByRole('button', { name: 'Request renewal' }).click(),
    ]);
    await dashboard.waitForLoadState();
    assert.match(dashboard.url(), new RegExp(`dashboard\\.html#code=${ids[who]}&renew=1`));
    await dashboard.close();
    await page.close();
  });
}
