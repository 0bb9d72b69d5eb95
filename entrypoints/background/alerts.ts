import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { CodesDb } from '@/utils/vault/db';
import { claimAlerts } from '@/utils/vault/commands';
import { listUsable, watchCodes } from '@/utils/vault/queries';
import { digestDue, dueAlerts, nextAlertAt, nextDigestAt, type DueAlert } from '@/utils/alerts-due';
import { resolveLanguage, translator } from '@/utils/i18n';
import { dayKey, resolveZone } from '@/utils/i18n/dates';
import { getSettings, settingsItem } from '@/utils/settings';
import { dashboardHandlers } from './dashboard-handlers';
import { onNotificationButton, onNotificationClicked, showCodeAlert, showDigest } from './notifications';
import { ensurePeriodicAlarm } from './periodic-alarm';
import { registerHandlers } from './router';

/**
 * Expiry alerts. Time passing is modelled with alarms: a one-shot alarm at the next threshold
 * crossing (or digest time) plus an hourly safety net. Every check reads `Date.now()` once and
 * passes it down, so the rules stay pure and tests can move the clock.
 */

export const ALERTS_NEXT_ALARM = 'alerts-next';
export const ALERTS_HOURLY_ALARM = 'alerts-hourly';
const lastDigestDay = storage.defineItem<string>('local:lastDigestDay');

/** Marks thresholds sent before showing anything: a crash may lose one notification but never repeats it. */
const claim = (db: CodesDb, due: DueAlert[]) => claimAlerts(db, due);

async function runCheck(db: CodesDb, now: number): Promise<number> {
  const settings = await getSettings();
  const zone = resolveZone(settings.timeZone);
  const thresholds = settings.notificationsEnabled ? settings.notifyThresholds : [];
  if (!thresholds.length) {
    await browser.alarms.clear(ALERTS_NEXT_ALARM);
    return 0;
  }
  const live = await listUsable(db, now);
  const tr = translator(resolveLanguage(settings.language, globalThis.navigator?.languages));
  const due = dueAlerts(live, thresholds, now, zone);
  let fired = 0;
  let next: number | undefined;

  if (settings.dailyDigest) {
    const today = dayKey(now, zone);
    if (due.length && digestDue(now, (await lastDigestDay.getValue()) ?? undefined, zone)) {
      const claimed = await claim(db, due);
      if (claimed.length) {
        await lastDigestDay.setValue(today);
        await showDigest(claimed, today, tr, zone);
        fired = 1;
      }
    }
    next = nextDigestAt(now, zone);
  } else {
    const claimed = await claim(db, due);
    const byId = new Map(due.map((d) => [d.id, d]));
    for (const r of claimed) {
      await showCodeAlert(r, byId.get(r.id)!, tr, zone, now);
      fired++;
    }
    const remaining = await listUsable(db, now);
    next = nextAlertAt(remaining, thresholds, now, zone);
  }
  if (next !== undefined) await browser.alarms.create(ALERTS_NEXT_ALARM, { when: next + 1000 });
  else await browser.alarms.clear(ALERTS_NEXT_ALARM);
  return fired;
}

let queue: Promise<unknown> = Promise.resolve();
/** Checks never overlap (an alarm and a database change can arrive together). Returns notifications shown. */
export function checkAlerts(db: CodesDb, now = Date.now()): Promise<number> {
  const run = queue.then(() => runCheck(db, now));
  queue = run.catch((e) => console.error('[ad-code-keeper] alert check failed', e));
  return run;
}

/** The one wiring call from background/index.ts: alerts, notifications and the dashboard's write messages. */
export function wireAlertsAndDashboard(db: CodesDb, changed: () => Promise<void> | void) {
  registerHandlers(dashboardHandlers(db, changed));

  const check = () => void checkAlerts(db).catch(() => {});
  void ensurePeriodicAlarm(ALERTS_HOURLY_ALARM, 60);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERTS_NEXT_ALARM || alarm.name === ALERTS_HOURLY_ALARM) check();
  });
  browser.notifications.onClicked.addListener((nid) => void onNotificationClicked(nid));
  browser.notifications.onButtonClicked.addListener((nid, button) => void onNotificationButton(db, nid, button, Date.now()).then(check));
  settingsItem.watch(check);

  // Any write (a capture, an edit in the popup, an import) can make an alert due or move the next one.
  let timer: ReturnType<typeof setTimeout> | undefined;
  watchCodes(
    db,
    () => {
      clearTimeout(timer);
      timer = setTimeout(check, 500);
    },
    (e) => console.error('[ad-code-keeper] watching codes failed', e),
  );
}
