// The store packages, not the dev build: `wxt zip` (Chrome) and `wxt zip -b firefox --mv3`, made in a
// private folder exactly as `npm run zip` makes them. The Chrome zip is unpacked and driven in
// Chromium; the Firefox zip is checked file by file and, when Firefox is installed, installed into a
// throwaway profile to see Firefox accept and enable it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import { chromiumPath, fixture, ROOT } from './harness.mjs';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CHROME_ZIP = `ad-code-keeper-${version}-chrome.zip`;
const FIREFOX_ZIP = `ad-code-keeper-${version}-firefox.zip`;
const FIREFOX_ID = 'ad-code-keeper@ad-code-keeper.app';
const MAYA_CODE = '#PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kjp1vRt+1f';

const work = mkdtempSync(path.join(tmpdir(), 'ack-zip-'));
before(() => {
  const made = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench/zip-extension.mjs'), work], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  assert.equal(made.status, 0, `wxt zip failed:\n${made.stderr}`);
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Unpacks a zip into a folder and returns the folder and the list of entries. */
async function unpack(zipName) {
  const zip = await JSZip.loadAsync(readFileSync(path.join(work, zipName)));
  const dir = path.join(work, `unpacked-${zipName}`);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  for (const f of files) {
    const target = path.join(dir, f.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await f.async('nodebuffer'));
  }
  return { dir, names: files.map((f) => f.name).sort() };
}

/** Every file the manifest points at, so a package with a missing piece fails here and not in review. */
function referencedFiles(m) {
  const refs = [
    ...Object.values(m.icons ?? {}),
    m.action?.default_popup,
    m.options_ui?.page,
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ...(m.web_accessible_resources ?? []).flatMap((w) => w.resources),
  ];
  return refs.filter(Boolean);
}

function checkPackage(names, m) {
  assert.ok(names.includes('manifest.json'), 'manifest.json at the root of the zip');
  for (const ref of referencedFiles(m)) assert.ok(names.includes(ref), `packaged: ${ref}`);
  const unwanted = names.filter((n) => /\.(ts|tsx|map)$|^node_modules\/|^tests\/|^\.wxt\//.test(n));
  assert.deepEqual(unwanted, [], 'no sources, source maps or tests in the store package');
}

test('npm run zip names: the Chrome and Firefox packages use wxt’s default names', () => {
  assert.ok(existsSync(path.join(work, CHROME_ZIP)), CHROME_ZIP);
  assert.ok(existsSync(path.join(work, FIREFOX_ZIP)), FIREFOX_ZIP);
});

test('Chrome package: unpacked, it loads and passes the smoke test (capture on Gmail, popup list, permissions, nothing sent)', async () => {
  const { dir, names } = await unpack(CHROME_ZIP);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.version, version);
  checkPackage(names, manifest);

  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: false,
    args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  try {
    const blocked = [];
    await context.route(/^https?:\/\//, (r) => {
      blocked.push(r.request().url());
      return r.abort('blockedbyclient');
    });
    await context.route('https://mail.google.com/**', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('gmail/thread.html') }));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const errors = [];

    const popup = await context.newPage();
    popup.on('pageerror', (e) => errors.push(`popup: ${e.message}`));
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.getByText('No codes saved yet').waitFor();

    const gmail = await context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx');
    await gmail.getByRole('button', { name: /^Save ad code #PtYgjmUh/ }).click();
    await gmail.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await popup.reload();
    await popup.getByRole('list', { name: 'Ready codes' }).getByText('@maya.creates').waitFor();
    const stored = await popup.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('ad-code-keeper');
          open.onsuccess = () => {
            const req = open.result.transaction('codes').objectStore('codes').getAll();
            req.onsuccess = () => resolve(req.result.map((r) => r.code));
          };
        }),
    );
    assert.deepEqual(stored, [MAYA_CODE]);
    assert.deepEqual(await worker.evaluate(() => chrome.runtime.getManifest().permissions.sort()), ['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage', 'unlimitedStorage']);
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, [], 'no request left the browser');
  } finally {
    await context.close();
  }
});

test('Firefox package: MV3 with background scripts, an add-on ID, every file present', async () => {
  const { names, dir } = await unpack(FIREFOX_ZIP);
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 3);
  // Firefox runs MV3 backgrounds as event pages; a service_worker key would not load.
  assert.deepEqual(m.background, { scripts: ['background.js'] });
  assert.equal(m.browser_specific_settings?.gecko?.id, FIREFOX_ID);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.ok(m.action?.default_popup, 'toolbar button (MV3 action, not browser_action)');
  assert.deepEqual(m.optional_host_permissions, ['https://business-api.tiktok.com/*', 'https://sheets.googleapis.com/*']);
  assert.equal(m.host_permissions, undefined);
  checkPackage(names, m);
});

const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

test('Firefox package: Firefox installs and enables it', { skip: firefox ? false : 'Firefox is not installed (apt-get install firefox-esr to run this)' }, async () => {
  const profile = path.join(work, 'firefox-profile');
  mkdirSync(path.join(profile, 'extensions'), { recursive: true });
  copyFileSync(path.join(work, FIREFOX_ZIP), path.join(profile, 'extensions', `${FIREFOX_ID}.xpi`));
  // ESR accepts unsigned add-ons with this pref; every network request goes to a dead proxy.
  writeFileSync(
    path.join(profile, 'user.js'),
    [
      'user_pref("xpinstall.signatures.required", false);',
      'user_pref("extensions.autoDisableScopes", 0);',
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("app.update.enabled", false);',
      'user_pref("network.proxy.type", 1);',
      'user_pref("network.proxy.http", "127.0.0.1");',
      'user_pref("network.proxy.http_port", 9);',
      'user_pref("network.proxy.ssl", "127.0.0.1");',
      'user_pref("network.proxy.ssl_port", 9);',
    ].join('\n'),
  );
  const ff = spawn(firefox, ['--headless', '--no-remote', '--profile', profile, 'about:blank'], { stdio: 'ignore' });
  try {
    const state = path.join(profile, 'extensions.json');
    let addon;
    for (const end = Date.now() + 45_000; Date.now() < end && !addon?.active; ) {
      await new Promise((r) => setTimeout(r, 500));
      if (existsSync(state)) addon = JSON.parse(readFileSync(state, 'utf8')).addons.find((a) => a.id === FIREFOX_ID);
    }
    assert.ok(addon, 'Firefox registered the add-on');
    assert.deepEqual(
      { active: addon.active, appDisabled: addon.appDisabled, userDisabled: addon.userDisabled, version: addon.version },
      { active: true, appDisabled: false, userDisabled: false, version },
    );
  } finally {
    ff.kill();
  }
});
