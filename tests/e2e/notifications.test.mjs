// Expiry notifications in real Chromium, with the clock moved forward inside the service worker.
// The product has no test hook: the test fakes Date.now in the worker (as time passing would) and
// fires the extension's own alarm, exactly what Chrome does when the scheduled moment arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, seedCodes, savedCodes, makeCode, inExtensionPage } from './harness.mjs';

const DAY = 86_400_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function worker(ext) {
  return ext.context.serviceWorkers()[0] ?? ext.context.waitForEvent('serviceworker');
}

/** Moves the worker's clock `offsetMs` ahead of real time, then lets the named alarm fire. */
async function advanceAndFire(ext, offsetMs, alarm = 'alerts-next') {
  const w = await worker(ext);
  await w.evaluate(
    ({ offsetMs, alarm }) => {
      globalThis.__realNow ??= Date.now.bind(Date);
      const real = globalThis.__realNow;
      Date.now = () => real() + offsetMs;
      return chrome.alarms.create(alarm, { when: real() + 100 });
    },
    { offsetMs, alarm },
  );
}

async function notifications(ext) {
  return (await worker(ext)).evaluate(() => chrome.notifications.getAll());
}

async function waitFor(fn, what, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(150);
  }
}

test('a threshold notification fires once after the clock passes it, and never again (even after a worker restart)', async () => {
  const ext = await launch();
  try {
    // Expires 10 days from now: the 7-day alert is due in 3 days.
    const [saved] = await seedCodes(ext, [
      { code: makeCode(11), periodDays: 30, sentAt: Date.now() - 20 * DAY, creatorHandle: '@soon', source: { kind: 'gmail', senderEmail: 'soon@example.com' } },
    ]);
    await sleep(1200); // the worker re-checks after a write; nothing is due yet
    assert.deepEqual(await notifications(ext), {});

    await advanceAndFire(ext, 3 * DAY + 60_000);
    const shown = await waitFor(async () => Object.keys(await notifications(ext)).length && notifications(ext), 'the 7-day notification');
    assert.deepEqual(Object.keys(shown), [`code:${saved.id}:7`]);
    const [record] = await savedCodes(ext);
    assert.deepEqual(record.alertsSent, [7], 'the fired threshold is stored with the code');

    // Same moment again after the user dismissed it: nothing new.
    const w = await worker(ext);
    await w.evaluate((id) => chrome.notifications.clear(id), `code:${saved.id}:7`);
    await advanceAndFire(ext, 3 * DAY + 120_000);
    await sleep(1000);
    assert.deepEqual(await notifications(ext), {});

    // Stop the service worker (as Chrome does when idle or on restart), then check again.
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sleep(500);
    await inExtensionPage(ext, () => chrome.runtime.sendMessage({ id: 1, type: 'savedCodes', data: { codes: [] }, timestamp: Date.now() }));
    assert.equal(await (await worker(ext)).evaluate(() => typeof globalThis.__realNow), 'undefined', 'a fresh worker (the fake clock is gone)');
    await advanceAndFire(ext, 3 * DAY + 180_000);
    await sleep(1000);
    assert.deepEqual(await notifications(ext), {}, 'no repeat after the worker restarted');

    // Two more days on, the 3-day threshold fires.
    await advanceAndFire(ext, 7 * DAY + 60_000);
    const next = await waitFor(async () => Object.keys(await notifications(ext)).length && notifications(ext), 'the 3-day notification');
    assert.deepEqual(Object.keys(next), [`code:${saved.id}:3`]);
    assert.deepEqual(ext.blocked, []);
  } finally {
    await ext.close();
  }
});

test('the badge turns red when a code in use enters its last 24 hours, and its tooltip says why', async () => {
  const ext = await launch();
  try {
    const [saved] = await seedCodes(ext, [{ code: makeCode(12), periodDays: 7, sentAt: Date.now() - 5 * DAY, source: { kind: 'paste' } }]);
    await inExtensionPage(ext, (id) => chrome.runtime.sendMessage({ id: 2, type: 'setUsage', data: { id, used: true }, timestamp: Date.now() }), saved.id);
    const w = await worker(ext);
    await waitFor(async () => (await ext.badgeText()) === '1', 'badge count 1');
    assert.deepEqual(await w.evaluate(() => chrome.action.getBadgeBackgroundColor({})), [180, 83, 9, 255], 'amber within the window');

    await advanceAndFire(ext, 1.5 * DAY, 'badge-next-change');
    await waitFor(async () => (await w.evaluate(() => chrome.action.getBadgeBackgroundColor({})))[0] === 200, 'red badge');
    const title = await w.evaluate(() => chrome.action.getTitle({}));
    assert.match(title, /1 code expires within 3 days/);
    assert.match(title, /1 code in use ends within 24 hours or has ended/);
  } finally {
    await ext.close();
  }
});

test('daily digest: one summary notification instead of one per code', async () => {
  const ext = await launch();
  try {
    await inExtensionPage(ext, () => chrome.storage.local.set({ settings: { alertWindowDays: 3, notifyThresholds: [7, 3, 1], notificationsEnabled: true, dailyDigest: true, defaultPeriodDays: 30, timeZone: 'UTC', theme: 'system', language: 'en' } }));
    await seedCodes(ext, [
      { code: makeCode(13), periodDays: 30, sentAt: Date.now() - 25 * DAY, source: { kind: 'paste' } },
      { code: makeCode(14), periodDays: 30, sentAt: Date.now() - 26 * DAY, source: { kind: 'paste' } },
    ]);
    // Move to 10:00 UTC tomorrow, after the 9:00 digest time.
    const tomorrow10 = new Date(Date.now() + DAY);
    tomorrow10.setUTCHours(10, 0, 0, 0);
    await advanceAndFire(ext, tomorrow10.getTime() - Date.now());
    const shown = await waitFor(async () => Object.keys(await notifications(ext)).length && notifications(ext), 'the digest');
    assert.equal(Object.keys(shown).length, 1);
    assert.match(Object.keys(shown)[0], /^digest:\d{4}-\d{2}-\d{2}$/);
    const codes = await savedCodes(ext);
    assert.ok(codes.every((c) => c.alertsSent.length > 0), 'both codes are marked as notified');
  } finally {
    await ext.close();
  }
});
