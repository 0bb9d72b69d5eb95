// Export and import through the dashboard in real Chromium: file contents, preview, and the
// promise that a failed import leaves the vault exactly as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, seedCodes, savedCodes, makeCode, inExtensionPage } from './harness.mjs';

const DAY = 86_400_000;

async function seeded(ext) {
  const now = Date.now();
  await seedCodes(ext, [
    { code: makeCode(21), periodDays: 30, sentAt: now - 10 * DAY, creatorHandle: '@ana.cocina', source: { kind: 'gmail', senderName: 'Ana Müller', senderEmail: 'ana@example.com', subject: 'Código', url: 'https://mail.google.com/mail/u/0/#inbox/x1' }, notes: '=SUM(A1)' },
    { code: makeCode(22), periodDays: 7, sentAt: now - 2 * DAY, creatorHandle: '@ben', source: { kind: 'outlook', senderEmail: 'ben@example.com' } },
    { code: makeCode(23), periodDays: 60, sentAt: now - 1 * DAY, source: { kind: 'paste' } },
  ]);
  // Let the background's post-save work (badge, due alerts) settle before anyone snapshots the vault.
  await new Promise((r) => setTimeout(r, 1500));
  return savedCodes(ext);
}

async function openDashboard(ext) {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('dashboard.html'));
  await page.getByText('3 codes shown').waitFor();
  return page;
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('Export CSV downloads an Excel-friendly UTF-8 file with every shown code', async () => {
  const ext = await launch();
  try {
    const codes = await seeded(ext);
    const page = await openDashboard(ext);
    const { name, text } = await download(page, 'Export CSV');
    assert.match(name, /^ad-codes-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(text.startsWith('\uFEFFcode,tiktok_handle,state,usage,expires_at'), 'BOM + header');
    const lines = text.split('\r\n').filter(Boolean);
    assert.equal(lines.length, 4);
    for (const c of codes) assert.ok(text.includes(c.code), `contains ${c.code}`);
    const ana = lines.find((l) => l.includes('ana.cocina'));
    assert.ok(ana.includes('Ana Müller'), 'accents survive');
    assert.ok(ana.includes(new Date(codes.find((c) => c.creatorHandle === '@ana.cocina').expiresAt).toISOString()), 'ISO expiry in UTC');
    assert.ok(ana.includes("'=SUM(A1)"), 'formula cells are neutralised');
  } finally {
    await ext.close();
  }
});

test('Export calendar (.ics) has one event per expiry with reminders at the thresholds', async () => {
  const ext = await launch();
  try {
    const codes = await seeded(ext);
    const page = await openDashboard(ext);
    const { name, text } = await download(page, /\.ics/);
    assert.match(name, /\.ics$/);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.equal(unfolded.match(/BEGIN:VEVENT/g).length, 3);
    for (const c of codes) {
      const stamp = new Date(c.expiresAt).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      assert.ok(unfolded.includes(`DTSTART:${stamp}`), `event at ${stamp}`);
    }
    assert.equal(unfolded.match(/BEGIN:VALARM/g).length, 9, 'three reminders (7, 3, 1 days) per event');
    assert.ok(unfolded.includes('TRIGGER:-P7D'));
    assert.ok(unfolded.includes('SUMMARY:Ad code expires: @ana.cocina'));
  } finally {
    await ext.close();
  }
});

test('a broken file changes nothing, and a failing commit rolls back every row', async () => {
  const ext = await launch();
  try {
    await seeded(ext);
    const before = await savedCodes(ext);
    const page = await openDashboard(ext);
    const dir = await mkdtemp(path.join(tmpdir(), 'ack-'));

    const broken = path.join(dir, 'backup.json');
    await writeFile(broken, '{"format":"ad-code-keeper-backup","backupVersion":1,"codes":[{"code":');
    await page.getByTestId('import-file').setInputFiles(broken);
    const dialog = page.getByRole('dialog', { name: 'Import preview' });
    await dialog.getByRole('alert').waitFor();
    assert.match(await dialog.getByRole('alert').textContent(), /cannot be imported: not valid JSON.*Nothing was changed/);
    assert.equal(await dialog.getByRole('button', { name: /^Import \d/ }).count(), 0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const noCodeColumn = path.join(dir, 'sheet.csv');
    await writeFile(noCodeColumn, 'creator,date\n@x,2026-01-01\n');
    await page.getByTestId('import-file').setInputFiles(noCodeColumn);
    // A sheet without a code column stops at the mapping step and asks for one.
    const columns = page.getByRole('dialog', { name: 'Match the columns' });
    await columns.getByText('Choose the column that holds the ad codes.').waitFor();
    assert.equal(await columns.getByRole('button', { name: 'Preview' }).count(), 0);
    await columns.getByRole('button', { name: 'Cancel' }).click();

    // The background re-checks every record inside the transaction: the 2nd is not an ad code,
    // so the 1st (valid, new) must not be written either.
    const template = before[0];
    const { id, ...valid } = { ...template, code: makeCode(99), creatorHandle: '@new' };
    const bad = { ...valid, code: '#notacode' };
    const reply = await inExtensionPage(
      ext,
      (records) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 3, type: 'importCodes', data: { records }, timestamp: Date.now() }, resolve)),
      [valid, bad],
    );
    assert.match(JSON.stringify(reply.err), /Record 2 is not an ad code/, 'refused inside the transaction, after record 1 was written');
    assert.deepEqual(await savedCodes(ext), before, 'the vault is exactly as before');
  } finally {
    await ext.close();
  }
});

test('import preview shows add / merge / reject per row, then commits the accepted rows', async () => {
  const ext = await launch();
  try {
    const before = await seeded(ext);
    const page = await openDashboard(ext);
    const dir = await mkdtemp(path.join(tmpdir(), 'ack-'));
    const file = path.join(dir, 'codes.csv');
    await writeFile(
      file,
      ['Ad code,Creator,Expires,Tags', `${makeCode(31)},@dan,2027-02-01,Spring`, `${makeCode(21)},@ana.cocina,,Spring`, 'hello,@zed,2027-02-01,'].join('\r\n'),
    );
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('dialog', { name: 'Match the columns' }).getByRole('button', { name: 'Preview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import preview' });
    await dialog.getByRole('row').nth(3).waitFor();
    const rows = await dialog.getByRole('row').allTextContents();
    assert.match(rows[1], /^2Add/);
    assert.match(rows[2], /^3Merge.*tags \+ Spring/);
    assert.match(rows[3], /^4Reject.*not an ad code/);
    await dialog.getByRole('button', { name: 'Import 2 codes' }).click();
    await page.getByText('Imported: 1 added, 1 merged.').waitFor();
    const after = await savedCodes(ext);
    assert.equal(after.length, before.length + 1);
    assert.deepEqual(after.find((c) => c.code === makeCode(21)).tags, ['Spring']);
    assert.equal(after.find((c) => c.code === makeCode(31)).creatorHandle, '@dan');
  } finally {
    await ext.close();
  }
});

test('a JSON backup restores losslessly into an empty vault', async () => {
  const ext = await launch();
  try {
    const before = await seeded(ext);
    let page = await openDashboard(ext);
    const { text } = await download(page, 'Backup (JSON)');
    const backup = JSON.parse(text);
    assert.equal(backup.format, 'ad-code-keeper-backup');
    assert.equal(backup.codes.length, 3);
    await inExtensionPage(ext, (ids) => chrome.runtime.sendMessage({ id: 4, type: 'deleteCodes', data: { ids }, timestamp: Date.now() }), before.map((c) => c.id));
    assert.equal((await savedCodes(ext)).length, 0);

    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html'));
    const dir = await mkdtemp(path.join(tmpdir(), 'ack-'));
    await writeFile(path.join(dir, 'b.json'), text);
    await page.getByTestId('import-file').setInputFiles(path.join(dir, 'b.json'));
    await page.getByRole('dialog', { name: 'Import preview' }).getByRole('button', { name: 'Import 3 codes' }).click();
    await page.getByText('Imported: 3 added, 0 merged.').waitFor();
    // IndexedDB keeps keys whose value is undefined; JSON (and the restore) drops them: same record.
    const strip = ({ id, ...r }) => JSON.parse(JSON.stringify(r));
    const after = (await savedCodes(ext)).map(strip).sort((a, b) => a.code.localeCompare(b.code));
    assert.deepEqual(after, before.map(strip).sort((a, b) => a.code.localeCompare(b.code)));
  } finally {
    await ext.close();
  }
});
