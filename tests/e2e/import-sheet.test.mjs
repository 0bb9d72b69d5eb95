// The team's tracking sheet (issue 15 item 1) imported through the dashboard in real Chromium: the mapping
// step guesses the columns, the keyboard changes one, and the saved records carry what the sheet said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { launch, savedCodes, inExtensionPage, fixture } from './harness.mjs';

const DAY = 86_400_000;
const endOfDay = (y, m, d) => Date.UTC(y, m - 1, d, 23, 59);
const agencyFile = () => ({ name: 'agency.csv', mimeType: 'text/csv', buffer: Buffer.from(fixture('sheets/agency.csv')) });
const SHOTS = process.env.SHEETMAP_SHOTS ?? '/work/wt/notes';

test('the agency sheet imports through the mapping step, field by field', async () => {
  const ext = await launch();
  try {
    await inExtensionPage(ext, () =>
      chrome.storage.local.set({
        settings: {
          alertWindowDays: 3,
          notifyThresholds: [7, 3, 1],
          notificationsEnabled: true,
          dailyDigest: true,
          defaultPeriodDays: 30,
          timeZone: 'UTC',
          theme: 'system',
          language: 'en',
        },
      }),
    );
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html'));
    await page.getByRole('button', { name: 'Import CSV or JSON' }).waitFor();
    await page.getByTestId('import-file').setInputFiles(agencyFile());

    const dialog = page.getByRole('dialog', { name: 'Match the columns' });
    await dialog.waitFor();
    const select = (column) => dialog.getByRole('combobox', { name: `Field for column “${column}”` });
    assert.equal(await select('Creator').inputValue(), 'creator_name');
    assert.equal(await select('TikTok handle').inputValue(), 'tiktok_handle');
    assert.equal(await select('Spark code').inputValue(), 'code');
    assert.equal(await select('Account manager').inputValue(), 'ignore');
    assert.match(await dialog.getByTestId('import-ignored').textContent(), /Not imported: “Account manager”/);

    await mkdir(SHOTS, { recursive: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.screenshot({ path: `${SHOTS}/sheetmap-mapping-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await dialog.screenshot({ path: `${SHOTS}/sheetmap-mapping-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard only: the last option is "Do not import"; two steps up is "Subject".
    await select('Account manager').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await select('Account manager').inputValue(), 'subject');
    await dialog.getByText('Every column is imported.').waitFor();

    await dialog.getByRole('button', { name: 'Preview' }).click();
    const rows = page.getByRole('dialog', { name: 'Import preview' });
    await rows.getByRole('row').nth(6).waitFor();
    const texts = await rows.getByRole('row').allTextContents();
    assert.match(texts[1], /^2Add.*“60 days” read as 60 days.*“Live” read as used/);
    assert.match(texts[5], /^6Reject.*not an ad code/);
    assert.match(texts[6], /^7Reject.*period “soon”/);
    await rows.getByRole('button', { name: 'Import 4 codes' }).click();
    await page.getByText('Imported: 4 added, 0 merged.').waitFor();

    const saved = await savedCodes(ext);
    const by = (h) => saved.find((c) => c.creatorHandle === h);
    assert.equal(saved.length, 4);
    assert.deepEqual(
      {
        period: by('@leo.lifts').periodDays,
        received: by('@leo.lifts').receivedAt,
        expires: by('@leo.lifts').expiresAt,
        status: by('@leo.lifts').status,
      },
      { period: 60, received: endOfDay(2026, 10, 1), expires: endOfDay(2026, 11, 30), status: 'used' },
    );
    assert.equal(by('@leo.lifts').postUrl, 'https://www.tiktok.com/@leo.lifts/video/7311111111111111111');
    assert.equal(by('@leo.lifts').source.senderName, 'Leo Park');
    assert.equal(by('@leo.lifts').source.subject, 'Sam');
    assert.equal(by('@ana.cocina').periodDays, 365);
    assert.equal(by('@ana.cocina').receivedAt, endOfDay(2026, 11, 5), '11/05/2026 is Nov 5 in en');
    assert.equal(by('@ana.cocina').status, 'unused');
    assert.equal(by('@mia.runs').status, 'used', 'Paused is in an ad');
    assert.equal(by('@tom.berg').expiresAt, endOfDay(2026, 11, 5) + 60 * DAY);

    // The same header row next time: the mapping chosen is offered again.
    await page.getByTestId('import-file').setInputFiles(agencyFile());
    await dialog.getByText('These are the columns you chose last time for this sheet.').waitFor();
    assert.equal(await select('Account manager').inputValue(), 'subject');
  } finally {
    await ext.close();
  }
});
