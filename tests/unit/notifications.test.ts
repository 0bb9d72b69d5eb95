import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { saveSettings } from '@/utils/settings';
import { checkAlerts, ALERTS_NEXT_ALARM } from '@/entrypoints/background/alerts';
import { onNotificationButton, onNotificationClicked, parseNotificationId } from '@/entrypoints/background/notifications';
import { zonedInstant } from '@/utils/i18n/dates';
import { makeCode, record } from './dashboard-fixtures';

const DAY = 86_400_000;
const ZONE = 'America/New_York';
const T0 = zonedInstant('2026-11-10', '10:00', ZONE)!;

let db: CodesDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openCodesDb(`alerts-${Math.random()}`);
  await saveSettings({ timeZone: ZONE, notifyThresholds: [7, 3, 1], dailyDigest: false, notificationsEnabled: true, language: 'en' });
});

const shown = async () => Object.entries(await fakeBrowser.notifications.getAll()) as [string, { title: string; message: string; buttons?: { title: string }[] }][];
async function add(seed: number, expiresAt: number, over = {}) {
  return (await db.codes.add(record({ code: makeCode(seed), creatorHandle: `@c${seed}`, expiresAt, status: 'unused', uses: [], ...over }))) as number;
}

describe('checkAlerts', () => {
  it('fires each threshold once, with renewal and snooze buttons, as the clock moves', async () => {
    const id = await add(1, T0 + 10 * DAY);
    expect(await checkAlerts(db, T0)).toBe(0);

    expect(await checkAlerts(db, T0 + 3 * DAY + 1)).toBe(1);
    let list = await shown();
    expect(list.map(([nid]) => nid)).toEqual([`code:${id}:7`]);
    expect(list[0][1].title).toBe('An ad code expires in 7 days');
    expect(list[0][1].message).toContain('@c1');
    expect(list[0][1].buttons?.map((b) => b.title)).toEqual(['Request renewal', 'Snooze 1 day']);

    // A restarted service worker checks again at the same time: nothing new, because alertsSent is stored.
    await fakeBrowser.notifications.clear(`code:${id}:7`);
    expect(await checkAlerts(db, T0 + 3 * DAY + 2)).toBe(0);
    expect((await db.codes.get(id))!.alertsSent).toEqual([7]);

    expect(await checkAlerts(db, T0 + 9 * DAY + 1)).toBe(1);
    list = await shown();
    expect(list.map(([nid]) => nid)).toEqual([`code:${id}:1`]);
    expect((await db.codes.get(id))!.alertsSent.sort()).toEqual([1, 3, 7]);
  });

  it('schedules a one-shot alarm for the next crossing', async () => {
    const expires = T0 + 10 * DAY;
    await add(1, expires);
    await checkAlerts(db, T0);
    const alarm = await fakeBrowser.alarms.get(ALERTS_NEXT_ALARM);
    expect(alarm?.scheduledTime).toBe(zonedInstant('2026-11-13', '10:00', ZONE)! + 1000);
  });

  it('sends nothing when notifications are off, and nothing for archived or expired codes', async () => {
    await add(1, T0 + DAY, { archived: 1 });
    await add(2, T0 - DAY);
    expect(await checkAlerts(db, T0)).toBe(0);
    await add(3, T0 + DAY);
    await saveSettings({ notificationsEnabled: false });
    expect(await checkAlerts(db, T0)).toBe(0);
    expect(await shown()).toEqual([]);
  });

  it('daily digest: one summary after 9:00, listing every due code, once a day', async () => {
    await saveSettings({ dailyDigest: true });
    await add(1, T0 + 2 * DAY);
    await add(2, T0 + 5 * DAY, { status: 'used' });
    const early = zonedInstant('2026-11-10', '08:00', ZONE)!;
    expect(await checkAlerts(db, early)).toBe(0);
    expect(await checkAlerts(db, T0)).toBe(1);
    const list = await shown();
    expect(list.map(([nid]) => nid)).toEqual(['digest:2026-11-10']);
    expect(list[0][1].title).toBe('2 ad codes need attention');
    expect(list[0][1].message.split('\n')).toHaveLength(2);
    expect(await checkAlerts(db, T0 + 3_600_000)).toBe(0);
  });

  it('notifies in the chosen language', async () => {
    await saveSettings({ language: 'de' });
    await add(1, T0 + 2 * DAY);
    await checkAlerts(db, T0);
    expect((await shown())[0][1].title).toBe('Ein Anzeigencode läuft in 2 Tagen ab');
  });
});

describe('notification clicks', () => {
  it('a click opens the code in the dashboard', async () => {
    await onNotificationClicked('code:42:7');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/dashboard.html#code=42');
  });

  it('“Request renewal” opens the editable request; “Snooze” quiets the code for a day, then it reminds once', async () => {
    const id = await add(1, T0 + 5 * DAY, { alertsSent: [7] });
    await onNotificationButton(db, `code:${id}:7`, 0, T0);
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(`chrome-extension://test-extension-id/dashboard.html#code=${id}&renew=1`);

    await onNotificationButton(db, `code:${id}:7`, 1, T0);
    expect((await db.codes.get(id))!.alertSnoozedUntil).toBe(T0 + DAY);
    expect(await checkAlerts(db, T0 + 3 * 3_600_000)).toBe(0);
    expect(await checkAlerts(db, T0 + DAY + 1)).toBe(1);
    expect((await shown())[0][1].title).toBe('Reminder: an ad code expires in 4 days');
    expect((await db.codes.get(id))!.alertSnoozedUntil).toBeUndefined();
    expect(await checkAlerts(db, T0 + DAY + 2)).toBe(0);
  });

  it('ignores ids it did not create', () => {
    expect(parseNotificationId('selection-123')).toBeUndefined();
    expect(parseNotificationId('code:5:3')).toEqual({ kind: 'code', id: 5, threshold: 3 });
  });
});
