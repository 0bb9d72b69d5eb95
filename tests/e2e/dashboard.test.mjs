// The dashboard in real Chromium: links from the popup (#code=<id>), correcting an expiry by
// drag and by keyboard, bulk actions with undo, and the settings page wiring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seedCodes, savedCodes, makeCode } from './harness.mjs';

const DAY = 86_400_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function setup() {
  const ext = await launch({ viewport: { width: 1440, height: 900 } });
  const now = Date.now();
  const saved = await seedCodes(ext, [
    { code: makeCode(41), periodDays: 30, sentAt: now - 20 * DAY, creatorHandle: '@ana', source: { kind: 'gmail', senderEmail: 'ana@example.com', subject: 'Spark code' } },
    { code: makeCode(42), periodDays: 30, sentAt: now - 15 * DAY, creatorHandle: '@ben', source: { kind: 'paste' } },
    { code: makeCode(43), periodDays: 60, sentAt: now - 5 * DAY, creatorHandle: '@cleo', source: { kind: 'paste' } },
  ]);
  await sleep(800);
  return { ext, saved, ids: saved.map((s) => s.id) };
}

async function byId(ext, id) {
  return (await savedCodes(ext)).find((c) => c.id === id);
}

async function until(fn, what, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > end) throw new Error(`Timed out: ${what}`);
    await sleep(100);
  }
}

test('dashboard.html#code=<id> opens that code, and Escape closes it', async () => {
  const { ext, ids } = await setup();
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl(`dashboard.html#code=${ids[1]}`));
    const drawer = page.getByRole('dialog', { name: '@ben' });
    await drawer.waitFor();
    assert.ok(await drawer.getByText(makeCode(42)).isVisible());
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).hash, '');
  } finally {
    await ext.close();
  }
});

test('dragging a code to another calendar day moves its expiry by whole days, keeping the time', async () => {
  const { ext, ids } = await setup();
  try {
    const before = await byId(ext, ids[1]);
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html'));
    const chip = page.getByRole('button', { name: '@ben', exact: true });
    await chip.waitFor();
    const from = chip.locator('xpath=ancestor::td');
    // Drop on the next cell in the same row, or the first cell of the next row on the week's last day.
    const target = (await from.locator('xpath=following-sibling::td[1]').count())
      ? from.locator('xpath=following-sibling::td[1]')
      : from.locator('xpath=../following-sibling::tr[1]/td[1]');
    await chip.dragTo(target);
    await until(async () => (await byId(ext, ids[1])).expiresAt !== before.expiresAt, 'expiry to change');
    const after = await byId(ext, ids[1]);
    const moved = (after.expiresAt - before.expiresAt) / DAY;
    assert.ok(Math.abs(moved - 1) < 0.05, `moved by one calendar day (got ${moved})`);
    assert.equal(after.expiryEdited, true);
    const wall = (t) => new Date(t).toTimeString().slice(0, 5);
    assert.equal(wall(after.expiresAt), wall(before.expiresAt), 'same wall-clock time');
  } finally {
    await ext.close();
  }
});

test('timeline: arrow keys on a focused bar move the expiry a day at a time', async () => {
  const { ext, ids } = await setup();
  try {
    const before = await byId(ext, ids[2]);
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html#view=timeline'));
    const bar = page.getByRole('button', { name: new RegExp(`^${makeCode(43).slice(0, 11).replace(/[+/]/g, '\\$&')}…, @cleo: `) });
    await bar.focus();
    await page.keyboard.press('ArrowRight');
    await until(async () => (await byId(ext, ids[2])).expiresAt !== before.expiresAt, 'expiry to move');
    const after = await byId(ext, ids[2]);
    assert.ok(Math.abs((after.expiresAt - before.expiresAt) / DAY - 1) < 0.05);
  } finally {
    await ext.close();
  }
});

test('table: keyboard-selectable rows, bulk tag, delete and undo', async () => {
  const { ext, ids } = await setup();
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html'));
    // Views are tabs: arrow keys move between them.
    await page.getByRole('tab', { name: 'Calendar' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByRole('tab', { name: 'Table' }).getAttribute('aria-selected'), 'true');

    await page.getByRole('checkbox', { name: /@ana/ }).check();
    await page.getByRole('checkbox', { name: /@ben/ }).check();
    await page.getByPlaceholder('Campaign tag').fill('Spring drop');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tag “Spring drop” added to 2 codes.').waitFor();
    const tagged = (await savedCodes(ext)).filter((c) => c.tags.includes('Spring drop')).map((c) => c.id).sort();
    assert.deepEqual(tagged, [ids[0], ids[1]].sort());

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('2 codes deleted.').waitFor();
    assert.equal((await savedCodes(ext)).length, 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('2 codes restored.').waitFor();
    const restored = await savedCodes(ext);
    assert.equal(restored.length, 3);
    assert.deepEqual(restored.find((c) => c.id === ids[0]).tags, ['Spring drop']);
  } finally {
    await ext.close();
  }
});

test('the options page is the manifest options page and the manifest asks for alarms and notifications', async () => {
  const { ext } = await setup();
  try {
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.options_ui?.page, 'options.html');
    assert.ok(manifest.permissions.includes('alarms') && manifest.permissions.includes('notifications'));
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByLabel('Language').selectOption('pt');
    await page.getByRole('heading', { name: 'Configurações' }).waitFor();
    const dash = await ext.context.newPage();
    await dash.goto(ext.extensionUrl('dashboard.html'));
    await dash.getByRole('tab', { name: 'Calendário' }).waitFor();
    assert.ok(await dash.getByRole('button', { name: 'Exportar CSV' }).isVisible());
  } finally {
    await ext.close();
  }
});
