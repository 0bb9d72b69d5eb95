// Chrome stops an idle extension service worker after ~30 s and starts it again on the next event.
// Nothing the user relies on may depend on it staying alive: the badge, the alarms' schedule, and
// work that was due when it stopped. The worker is stopped for real, through CDP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inExtensionPage, launch, makeCode, savedCodes, seedCodes } from './harness.mjs';

const DAY = 86_400_000;
let ext;
before(async () => {
  ext = await launch();
});
after(async () => ext?.close());

const capture = (seed, daysLeft) => ({
  code: makeCode(seed),
  periodDays: 30,
  sentAt: Date.now() + daysLeft * DAY - 30 * DAY,
  creatorHandle: `@creator.${seed}`,
  source: { kind: 'paste' },
});

async function waitFor(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const last = await check();
    if (last) return last;
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Stops the extension's service worker as Chrome does to an idle one. The CDP session must belong to
 * an extension page: ServiceWorker.* only sees workers of its own storage partition.
 */
let cdp;
let workerStatus = 'unknown';
let stoppedSeen = false;
async function watchWorker() {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  cdp = await ext.context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL.endsWith('/background.js'));
    if (ours) workerStatus = ours.runningStatus;
    // An open extension page may wake the worker again at once (the options page reads the team sheet's
    // status): what counts is that it did stop, even if it is already starting again when we look.
    if (ours?.runningStatus === 'stopped') stoppedSeen = true;
  });
  await cdp.send('ServiceWorker.enable');
}

async function stopWorker() {
  if (!cdp) await watchWorker();
  stoppedSeen = false;
  await cdp.send('ServiceWorker.stopAllWorkers');
  await waitFor(() => stoppedSeen, 'the service worker is stopped');
}

/** Reads the toolbar state from an extension page: reading it must not need the worker awake. */
const toolbar = () =>
  inExtensionPage(ext, async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
    alarms: Object.fromEntries((await chrome.alarms.getAll()).map((a) => [a.name, { at: a.scheduledTime, period: a.periodInMinutes }])),
  }), undefined, 'options.html');

/** Any message wakes the worker, as a mail page asking "is this code saved?" does; its answer proves it runs. */
async function wakeWorker() {
  const reply = await inExtensionPage(ext, () => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: 'savedCodes', data: { codes: [] }, timestamp: Date.now() }, resolve)));
  assert.deepEqual(reply, { res: [] }, 'the woken worker answers');
  await waitFor(() => workerStatus === 'running', 'the service worker runs again');
}

/** The badge as the toolbar shows it (Playwright's handle on the first worker goes stale once it is stopped). */
const badgeText = async () => (await toolbar()).text;

test('badge and alarm schedule survive the worker being stopped and woken again', async () => {
  await seedCodes(ext, [capture(1, 2), capture(2, 20), capture(3, 1.5)]);
  await waitFor(async () => (await badgeText()) === '2', 'badge shows 2');
  const beforeStop = await toolbar();
  for (const name of ['badge-periodic', 'alerts-hourly', 'tiktok-verify', 'badge-next-change']) {
    assert.ok(beforeStop.alarms[name], `alarm ${name} is scheduled`);
  }

  await stopWorker();
  const whileStopped = await toolbar();
  assert.equal(whileStopped.text, '2', 'the badge stays while the worker sleeps');
  assert.match(whileStopped.title, /2 codes? expir/);
  // Alarms are kept by the browser, not the worker. (The alert check that follows a save may add
  // its own one-shot alarm a moment later; only the ones seen before the stop are compared.)
  for (const [name, alarm] of Object.entries(beforeStop.alarms)) {
    assert.deepEqual(whileStopped.alarms[name], alarm, `alarm ${name} is kept by the browser, not the worker`);
  }

  // Waking (a message, an alarm) runs the background's start-up again. Periodic alarms must keep their
  // schedule: re-creating them on every wake would push them back each time, and a worker woken more
  // often than every 30 min (any mail page asking about codes) would never see them fire.
  await wakeWorker();
  await waitFor(async () => (await badgeText()) === '2', 'badge recomputed after waking');
  const afterWake = await toolbar();
  for (const name of ['badge-periodic', 'alerts-hourly', 'tiktok-verify']) {
    assert.equal(afterWake.alarms[name]?.at, beforeStop.alarms[name].at, `${name} keeps its next run time`);
    assert.equal(afterWake.alarms[name]?.period, beforeStop.alarms[name].period);
  }
});

test('work due when the worker stopped is done when it wakes: the expiry alert still fires once', async () => {
  // A code entering its 3-day alert threshold; the alert check runs shortly after the save, so
  // stopping the worker right after saving cuts it off.
  await seedCodes(ext, [capture(10, 2.5)]);
  await stopWorker();
  const pending = (await savedCodes(ext)).find((r) => r.code === makeCode(10));
  assert.ok(pending, 'the code was saved before the stop');

  await wakeWorker();
  const alerted = await waitFor(async () => {
    const r = (await savedCodes(ext)).find((x) => x.code === makeCode(10));
    return r?.alertsSent.length ? r : undefined;
  }, 'the alert for the new code is sent after waking');
  assert.ok(alerted.alertsSent.includes(3), `alertsSent: ${JSON.stringify(alerted.alertsSent)}`);
  const shown = await inExtensionPage(ext, () => new Promise((r) => chrome.notifications.getAll(r)), undefined, 'options.html');
  assert.ok(Object.keys(shown).length >= 1, 'a notification is showing');

  // A second stop and wake does not repeat it.
  const before = (await savedCodes(ext)).find((x) => x.code === makeCode(10)).alertsSent;
  await stopWorker();
  await wakeWorker();
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual((await savedCodes(ext)).find((x) => x.code === makeCode(10)).alertsSent, before);
  assert.equal(await badgeText(), '3');
});

test('a save that races the stop is either fully there or not there, never half', async () => {
  const codes = [20, 21, 22, 23, 24].map((s) => capture(s, 40));
  const save = seedCodes(ext, codes).catch((e) => e);
  await stopWorker().catch(() => {});
  await save;
  const stored = (await savedCodes(ext)).filter((r) => codes.some((c) => c.code === r.code));
  assert.ok(stored.length === 0 || stored.length === codes.length, `all or nothing, got ${stored.length}`);
  await wakeWorker();
  // Whatever happened, saving again now works and leaves exactly one record per code.
  await seedCodes(ext, codes);
  const after = (await savedCodes(ext)).filter((r) => codes.some((c) => c.code === r.code));
  assert.equal(after.length, codes.length);
});
