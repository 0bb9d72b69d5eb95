// Shared end-to-end harness: the built extension in the system Chromium, with every
// network request answered locally. Real Gmail / Ads Manager are never contacted.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFixture } from '../fixtures/gmail/build.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

/** A fixture page by its path under tests/fixtures; Gmail threads are built from one shell (see gmail/build.mjs). */
export function fixture(rel) {
  return readFixture(FIXTURES, rel);
}

/**
 * Launches Chromium with the built extension. Any request that no test route answers is
 * aborted and recorded in `blocked`, so a test can prove nothing left the machine.
 */
/** `deviceScaleFactor` with a viewport divided by it is how browser zoom looks to a page (200 %: 640×360 CSS px at 2×). */
export async function launch({ headless = true, viewport = { width: 1280, height: 860 }, deviceScaleFactor, colorScheme } = {}) {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('Build the extension first: npx wxt build');
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: false,
    viewport,
    ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
    ...(colorScheme ? { colorScheme } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=en-US',
    ],
  });
  const blocked = [];
  // Registered first, so it runs last: only requests no fixture route handled reach it.
  await context.route(/^https?:\/\//, (route) => {
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    blocked,
    extensionUrl: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
    /** Serves `body` (HTML) for every URL matching `pattern`. */
    async serve(pattern, body, headers = {}) {
      await context.route(pattern, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: typeof body === 'function' ? body(route.request()) : body }),
      );
    },
    async badgeText() {
      const w = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      return w.evaluate(() => chrome.action.getBadgeText({}));
    },
    async close() {
      await context.close();
    },
  };
}

/** Runs `fn` inside an extension page (popup.html by default), where Dexie can be read directly. */
export async function inExtensionPage(ext, fn, arg, page = 'popup.html') {
  const p = await ext.context.newPage();
  await p.goto(ext.extensionUrl(page));
  try {
    return await p.evaluate(fn, arg);
  } finally {
    await p.close();
  }
}

/** Reads all saved codes straight from the extension's IndexedDB. */
export async function savedCodes(ext) {
  return inExtensionPage(ext, () =>
    new Promise((resolve, reject) => {
      const open = indexedDB.open('ad-code-keeper');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('codes')) return resolve([]);
        const req = db.transaction('codes').objectStore('codes').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      };
    }),
  );
}

/** Saves codes through the background, as a content script would (from an extension page). */
export async function seedCodes(ext, captures) {
  return inExtensionPage(
    ext,
    (caps) =>
      new Promise((resolve, reject) =>
        chrome.runtime.sendMessage({ id: 1, type: 'saveCodes', data: { captures: caps }, timestamp: Date.now() }, (r) =>
          r?.err ? reject(new Error(JSON.stringify(r.err))) : resolve(r?.res),
        ),
      ),
    captures,
  );
}

/** A random-looking but deterministic ad code (64 body characters). */
export function makeCode(seed = 1) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = seed * 2654435761 >>> 0;
  let body = '';
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    body += alphabet[(x >>> 16) % 64];
  }
  return `#${body.slice(0, 8)}Q7x${body.slice(11)}`;
}
