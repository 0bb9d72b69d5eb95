// Shared by the TikTok API e2e files: the built extension in Chromium with the optional API grant
// already given, and TikTok's real API origin forwarded to the loopback mock
// (tests/mock-tiktok-api/server.mjs). Every other http(s) request is aborted and recorded.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS ??= '1';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EXTENSION_DIR, chromiumPath, inExtensionPage } from './harness.mjs';
import { MOCK_ADVERTISER_ID, MOCK_TOKEN } from '../mock-tiktok-api/server.mjs';

export const API = 'https://business-api.tiktok.com';

/**
 * Chrome's permission prompt is browser UI that automation cannot click, so the test loads a copy
 * of the build whose manifest already holds the grant the user's "Allow" click would give. The
 * shipped manifest keeps the API optional (checked in privacy.test.mjs).
 */
function grantedCopy() {
  const workDir = mkdtempSync(path.join(tmpdir(), 'ack-api-'));
  const dir = path.join(workDir, 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${API}/*`];
  writeFileSync(file, JSON.stringify(manifest));
  return { workDir, dir };
}

/** `getMock()` is read per request, so a test may start the mock after launching. */
export async function launchGranted(getMock) {
  const { workDir, dir } = grantedCopy();
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: false,
    viewport: { width: 1100, height: 900 },
    args: ['--headless=new', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  const blocked = [];
  const requests = [];
  await context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Forward the real API origin to the loopback mock, keeping method, path, query, body and the Access-Token header.
  await context.route(`${API}/**`, async (route) => {
    const req = route.request();
    const target = new URL(req.url());
    const headers = { 'Access-Token': req.headers()['access-token'] ?? '' };
    if (req.method() === 'POST') headers['Content-Type'] = req.headers()['content-type'] ?? 'application/json';
    const res = await fetch(`${getMock().origin}${target.pathname}${target.search}`, {
      method: req.method(),
      headers,
      body: req.method() === 'POST' ? req.postData() ?? '' : undefined,
    });
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  });
  context.on('request', (r) => {
    if (/^https?:/.test(r.url())) requests.push(r.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    blocked,
    requests,
    extensionId,
    extensionUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    async close() {
      await context.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Sends a protocol message from an extension page, as the options page or dashboard would. */
export function sendFromPage(ext, type, data) {
  return inExtensionPage(
    ext,
    ([t, d]) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 3, type: t, data: d, timestamp: Date.now() }, (r) => resolve(r))),
    [type, data],
  );
}

/** Turns the API on the way the options page leaves it after the user's "Allow". */
export async function enableApi(ext, over = {}) {
  await inExtensionPage(
    ext,
    (value) => chrome.storage.local.set({ tiktokApi: value }),
    { enabled: true, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, ...over },
    'options.html',
  );
}

export async function waitFor(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
