// The team sheet in real Chromium with TWO browser profiles (two persistent contexts, each with the extension)
// meeting through one loopback mock of the Google Sheets API: https://sheets.googleapis.com/v4/spreadsheets/…
// (values:batchGet, values:batchUpdate, values/…:append, spreadsheets.get) answered by tests/e2e/sheets-mock.mjs
// via context.route. Google's sign-in page cannot be reached here, so each profile connects with the
// Advanced "access token" path of Options → Share with your team (the mock accepts the two test tokens).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EXTENSION_DIR, chromiumPath, fixture, inExtensionPage, savedCodes } from './harness.mjs';
import { createSheetsMock } from './sheets-mock.mjs';
import { openAdsPage, pickerFrame } from '../fixtures/ads-manager/e2e-helpers.mjs';

const SHEET_ID = 'teamSheet0000000000000000000001';
const HEADER = [
  'code',
  'tiktok_handle',
  'post_url',
  'period_days',
  'received_at',
  'expires_at',
  'usage',
  'tags',
  'notes',
  'sender_name',
  'sender_email',
  'subject',
  'source_url',
  'source_kind',
  'archived',
  'problems',
  'record_id',
  'updated_at',
  'updated_by',
  'field_at',
  'uses',
  'deleted',
];
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const MAYA_CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';
const GMAIL_CSP = { 'content-security-policy': "require-trusted-types-for 'script'; object-src 'none'; base-uri 'self'" };

/**
 * Chrome's permission prompt is browser UI that automation cannot click, so each profile loads a copy of the
 * build whose manifest already holds the grant the user's "Allow" would give (the shipped one keeps it optional).
 */
function grantedCopy() {
  const workDir = mkdtempSync(path.join(tmpdir(), 'ack-team-'));
  const dir = path.join(workDir, 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'https://sheets.googleapis.com/*'];
  writeFileSync(file, JSON.stringify(manifest));
  return { workDir, dir };
}

const mock = createSheetsMock({ tokens: ['team-token-ana-0001', 'team-token-bea-0002'] });
let offline = false;

async function launchProfile() {
  const { workDir, dir } = grantedCopy();
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1200, height: 860 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  const blocked = [];
  await context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.route('https://sheets.googleapis.com/**', async (route) => {
    if (offline) return route.abort('internetdisconnected');
    const req = route.request();
    const res = mock.handle(
      req.method(),
      req.url(),
      req.postData() ? JSON.parse(req.postData()) : undefined,
      req.headers()['authorization'],
    );
    await route.fulfill({ status: res.status, contentType: 'application/json', body: JSON.stringify(res.json) });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    blocked,
    workDir,
    extensionUrl: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
    async serve(pattern, body, headers = {}) {
      await context.route(pattern, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers,
          body: typeof body === 'function' ? body(route.request()) : body,
        }),
      );
    },
  };
}

let a;
let b;
before(async () => {
  mock.addBook(SHEET_ID, 'Agency codes', [HEADER]);
  a = await launchProfile();
  b = await launchProfile();
  await a.serve('https://mail.google.com/**', () => fixture('gmail/thread.html'), GMAIL_CSP);
});
after(async () => {
  for (const p of [a, b]) {
    await p?.context.close();
    if (p) rmSync(p.workDir, { recursive: true, force: true });
  }
});

/** Sends one protocol message from an extension page, as the popup and options do. */
const send = (ext, type, data) =>
  inExtensionPage(
    ext,
    ([t, d]) =>
      new Promise((resolve, reject) =>
        chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() }, (r) =>
          r?.err ? reject(new Error(JSON.stringify(r.err))) : resolve(r?.res),
        ),
      ),
    [type, data],
  );

async function connect(ext, me, token) {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const section = page.getByRole('region', { name: 'Share with your team' });
  await section.getByLabel('Your name in the sheet').fill(me);
  await section.getByLabel('Team sheet address').fill(`https://docs.google.com/spreadsheets/d/${SHEET_ID}/edit#gid=0`);
  await section.getByText('Advanced: use an access token instead of signing in').click();
  await section.getByLabel(/Google OAuth token/).fill(token);
  await section.getByRole('button', { name: 'Sign in with Google and connect' }).click();
  await section.getByText('Agency codes').waitFor();
  await section.getByTestId('team-sync-state').getByText('In sync').waitFor();
  return page;
}

async function until(what, fn, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
const record = async (ext, code) => (await savedCodes(ext)).find((r) => r.code === code);
const sheetRow = (code) => mock.rows(SHEET_ID).find((r) => r[0] === code);

test('A saves from Gmail → the sheet has it within seconds → B’s Ads Manager helper lists it', async () => {
  const optionsA = await connect(a, 'ana@agency.com', 'team-token-ana-0001');
  const optionsB = await connect(b, 'bea@agency.com', 'team-token-bea-0002');
  const gmail = await a.context.newPage();
  await gmail.goto(THREAD_URL);
  await gmail.getByRole('button', { name: /^Save ad code #PtYgjmUh/ }).click();
  const row = await until('A’s code in the sheet', () => sheetRow(MAYA_CODE));
  assert.equal(row[HEADER.indexOf('updated_by')], 'ana@agency.com');
  assert.equal(row[HEADER.indexOf('record_id')], MAYA_CODE);

  // Opening Ads Manager pulls; the helper lists the code once it has arrived.
  const ads = await openAdsPage(b);
  await until('the code in B’s vault', () => record(b, MAYA_CODE));
  await ads.reload();
  await ads.getByRole('button', { name: '+ Authorize TikTok Post' }).click();
  const frame = await pickerFrame(ads);
  const handle = (await record(a, MAYA_CODE)).creatorHandle;
  assert.ok(handle, 'the Gmail fixture names the creator');
  await frame.locator('.row', { hasText: handle }).first().waitFor();
  await ads.close();
  await gmail.close();
  await optionsA.close();
  await optionsB.close();
});

test('B marks it used → A sees it used; the status says who changed what', async () => {
  const inB = await record(b, MAYA_CODE);
  await send(b, 'setUsage', { id: inB.id, used: true, advertiserId: '7012345678901234567' });
  await until('used in the sheet', () => sheetRow(MAYA_CODE)?.[HEADER.indexOf('usage')] === 'used');
  await send(a, 'teamSheetSync', {});
  const inA = await record(a, MAYA_CODE);
  assert.equal(inA.status, 'used');
  assert.deepEqual(
    inA.uses.map((u) => u.advertiserId),
    ['7012345678901234567'],
  );
  const page = await a.context.newPage();
  await page.goto(a.extensionUrl('options.html'));
  await page
    .getByTestId('team-recent')
    .getByText(/bea@agency\.com: marked used/)
    .waitFor();
  await page.close();
});

test('both edit the notes offline → both notes are kept, flagged to choose; nothing queued is lost', async () => {
  offline = true;
  const idA = (await record(a, MAYA_CODE)).id;
  const idB = (await record(b, MAYA_CODE)).id;
  await send(a, 'updateCode', { id: idA, patch: { notes: 'Ana: booked for the Q4 launch' } });
  await send(b, 'updateCode', { id: idB, patch: { notes: 'Bea: creator asked to wait a week' } });
  const statusA = await until('A retrying', async () => {
    const s = await send(a, 'teamSheetStatus', {});
    return s.state === 'retrying' && s;
  });
  assert.equal(statusA.pending, 1, 'the offline edit is queued');
  offline = false;
  for (const ext of [a, b, a]) await send(ext, 'teamSheetSync', {});
  for (const ext of [a, b]) {
    const notes = (await record(ext, MAYA_CODE)).notes;
    assert.match(notes, /Ana: booked for the Q4 launch/);
    assert.match(notes, /Bea: creator asked to wait a week/);
    const s = await send(ext, 'teamSheetStatus', {});
    assert.deepEqual([s.pending, s.asking], [0, [MAYA_CODE]]);
  }
  assert.match(sheetRow(MAYA_CODE)[HEADER.indexOf('problems')], /Both kept/);
  if (process.env.TEAM_CONFLICT_SHOTS) await conflictShots(process.env.TEAM_CONFLICT_SHOTS);
});

test('A settles the notes in Options ("Keep both") → the sheet and B have them joined plainly; nobody is asked any more', async () => {
  const page = await a.context.newPage();
  await page.goto(a.extensionUrl('options.html'));
  const section = page.getByRole('region', { name: 'Share with your team' });
  const item = section.getByRole('listitem', { name: 'Code #PtYgjmUhBe…' });
  await item.getByRole('listitem', { name: 'Your version' }).getByText('Ana: booked for the Q4 launch').waitFor();
  await item.getByRole('listitem', { name: 'Version by bea@agency.com' }).getByText('Bea: creator asked to wait a week').waitFor();
  await item.getByRole('group', { name: 'Code #PtYgjmUhBe…' }).getByRole('button', { name: 'Keep both' }).click();
  await section.getByRole('status').getByText(/^Settled: /).waitFor();
  await section.getByText('Nothing to settle: no two teammates changed the same notes at once.').waitFor();
  await page.close();
  for (const ext of [a, b]) await send(ext, 'teamSheetSync', {});
  const joined = 'Ana: booked for the Q4 launch\nBea: creator asked to wait a week';
  assert.equal(sheetRow(MAYA_CODE)[HEADER.indexOf('notes')], joined);
  assert.equal(sheetRow(MAYA_CODE)[HEADER.indexOf('problems')], '');
  for (const ext of [a, b]) {
    assert.equal((await record(ext, MAYA_CODE)).notes, joined);
    const s = await send(ext, 'teamSheetStatus', {});
    assert.deepEqual([s.pending, s.asking, s.conflicts], [0, [], []]);
  }
});

test('a hand-typed row appears in both; a malformed row is flagged, not imported', async () => {
  const typed = '#Hh7Kq2Lm9Np4Rs6Tv8Wx1Yz3Ab5Cd7Ef9Gh2Jk4Lm6Np8Qr1St3Uv5Wx7Yz9Ab2C';
  const cells = (c) => HEADER.map((h) => c[h] ?? '');
  mock.typeRow(
    SHEET_ID,
    cells({
      code: typed,
      tiktok_handle: 'hand.typed',
      period_days: '30 days',
      received_at: '2026-11-20',
      notes: 'typed by Cy in the sheet',
    }),
  );
  mock.typeRow(SHEET_ID, cells({ code: 'see email from Cy', notes: 'no code here' }));
  for (const ext of [a, b]) await send(ext, 'teamSheetSync', {});
  for (const ext of [a, b]) {
    const r = await record(ext, typed);
    assert.ok(r, 'the typed row was imported');
    assert.equal(r.creatorHandle, '@hand.typed');
    assert.equal(r.periodDays, 30);
    assert.equal((await savedCodes(ext)).length, 2, 'the malformed row was not imported');
  }
  const bad = mock.rows(SHEET_ID).find((r) => r[0] === 'see email from Cy');
  assert.match(bad[HEADER.indexOf('problems')], /^Not imported: /);
  assert.equal(bad[HEADER.indexOf('notes')], 'no code here', 'the row is kept as typed');
  assert.equal(sheetRow(typed)[HEADER.indexOf('record_id')], typed);
  if (process.env.TEAM_SCREENSHOTS) await screenshots();
  const strays = [...a.blocked, ...b.blocked].filter((u) => !u.startsWith('https://sheets.googleapis.com/'));
  assert.deepEqual(strays, [], 'nothing else left the machine');
});

test('a teammate types over the notes cell of an existing row → both vaults take it and its row is stamped for the others', async () => {
  const row = mock.rows(SHEET_ID).findIndex((r) => r[0] === MAYA_CODE) + 1;
  const updatedAt = sheetRow(MAYA_CODE)[HEADER.indexOf('updated_at')];
  mock.typeCell(SHEET_ID, row, HEADER.indexOf('notes'), 'Cy: booked for Q4, creator agreed');
  // "Sync now" reads every row (the minute alarm does so every 15 minutes): the edited cell is seen.
  await send(a, 'teamSheetSync', {});
  assert.equal((await record(a, MAYA_CODE)).notes, 'Cy: booked for Q4, creator agreed');
  assert.notEqual(sheetRow(MAYA_CODE)[HEADER.indexOf('updated_at')], updatedAt, 'the row is stamped for the others');
  assert.equal(sheetRow(MAYA_CODE)[HEADER.indexOf('problems')] ?? '', '');
  await send(b, 'teamSheetSync', {});
  assert.equal((await record(b, MAYA_CODE)).notes, 'Cy: booked for Q4, creator agreed');
  for (const ext of [a, b]) assert.deepEqual((await send(ext, 'teamSheetStatus', {})).asking, []);
});

/** The notes to settle in Options, light, dark and German (TEAM_CONFLICT_SHOTS=<folder>), for review. */
async function conflictShots(dir) {
  const setSettings = (patch) =>
    inExtensionPage(a, (p) => chrome.storage.local.get('settings').then((r) => chrome.storage.local.set({ settings: { ...r.settings, ...p } })), patch);
  const shots = [
    { file: 'team-conflict-light.png', scheme: 'light', language: 'en', region: 'Share with your team' },
    { file: 'team-conflict-dark.png', scheme: 'dark', language: 'en', region: 'Share with your team' },
    { file: 'team-conflict-de-dark.png', scheme: 'dark', language: 'de', region: 'Mit dem Team teilen' },
    { file: 'team-conflict-de-light.png', scheme: 'light', language: 'de', region: 'Mit dem Team teilen' },
  ];
  for (const shot of shots) {
    await setSettings({ language: shot.language, theme: 'system' });
    const page = await a.context.newPage();
    await page.emulateMedia({ colorScheme: shot.scheme });
    await page.goto(a.extensionUrl('options.html'));
    const section = page.getByRole('region', { name: shot.region });
    await section.getByRole('listitem', { name: /Code #PtYgjmUhBe/ }).waitFor();
    await section.screenshot({ path: path.join(dir, shot.file) });
    await page.close();
  }
  await setSettings({ language: 'en' });
}

/** README pictures (TEAM_SCREENSHOTS=1): the sync status in Options, and the sheet's rows as the mock holds them. */
async function screenshots() {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../../docs/screenshots');
  const options = await a.context.newPage();
  await options.goto(a.extensionUrl('options.html'));
  const section = options.getByRole('region', { name: 'Share with your team' });
  await section.getByTestId('team-recent').waitFor();
  await section.screenshot({ path: path.join(dir, 'team-sync-status.png') });
  await options.close();
  const visible = HEADER.indexOf('problems') + 1;
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (t, i) => (i === 0 && t.length > 14 ? `${t.slice(0, 12)}…` : i === 4 || i === 5 ? t.slice(0, 10) : t);
  const rows = mock.rows(SHEET_ID).filter((r) => r.some(Boolean));
  const html = `<style>body{font:12px Arial;margin:8px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;max-width:220px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}th{background:#f1f3f4}</style>
    <table>${rows
      .map(
        (r, k) =>
          `<tr>${r
            .slice(0, visible)
            .map((v, i) => (k === 0 ? `<th>${esc(v)}</th>` : `<td>${esc(cell(v ?? '', i))}</td>`))
            .join('')}</tr>`,
      )
      .join('')}</table>`;
  const sheet = await a.context.newPage();
  await sheet.setContent(html);
  await sheet.locator('table').screenshot({ path: path.join(dir, 'team-sheet.png') });
  await sheet.close();
}
