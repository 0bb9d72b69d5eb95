import { browser } from 'wxt/browser';
import type { AdCodeRecord } from '@/utils/code-record';
import type { CodesDb } from '@/utils/vault/db';
import { snoozeUntil, type DueAlert } from '@/utils/alerts-due';
import { snoozeAlert } from '@/utils/vault/commands';
import { shortCode, type Translator } from '@/utils/i18n';
import { dayKey, daysBetweenKeys, formatDateTime } from '@/utils/i18n/dates';

/**
 * Expiry notifications: one per (code, threshold), or one daily digest. Ids carry what a
 * click needs, so a click still works after the service worker has restarted.
 */

const RENEW_BUTTON = 0;
const SNOOZE_BUTTON = 1;
const MAX_DIGEST_LINES = 6;

export type NotificationTarget = { kind: 'code'; id: number; threshold: number } | { kind: 'digest'; day: string };

export function codeNotificationId(id: number, threshold: number): string {
  return `code:${id}:${threshold}`;
}

export function parseNotificationId(nid: string): NotificationTarget | undefined {
  const code = /^code:(\d+):(\d+)$/.exec(nid);
  if (code) return { kind: 'code', id: Number(code[1]), threshold: Number(code[2]) };
  const digest = /^digest:(\d{4}-\d{2}-\d{2})$/.exec(nid);
  if (digest) return { kind: 'digest', day: digest[1] };
  return undefined;
}

export function dashboardUrl(hash = ''): string {
  return `${browser.runtime.getURL('/dashboard.html')}${hash ? `#${hash}` : ''}`;
}

const who = (r: AdCodeRecord) => r.creatorHandle ?? r.source.senderName ?? r.source.senderEmail ?? '—';

function alertTitle(r: AdCodeRecord, due: DueAlert, tr: Translator, zone: string, now: number): string {
  const hoursLeft = (r.expiresAt - now) / 3_600_000;
  // Calendar days in the user's zone, as the threshold was counted: "7 days" at the 7-day mark.
  const days = daysBetweenKeys(dayKey(now, zone), dayKey(r.expiresAt, zone));
  if (due.snoozeEnded) {
    const rtf = new Intl.RelativeTimeFormat(tr.lang, { numeric: 'auto' });
    return tr.t('notifySnoozedTitle', { when: hoursLeft < 24 ? rtf.format(Math.max(1, Math.round(hoursLeft)), 'hour') : rtf.format(days, 'day') });
  }
  return hoursLeft < 24 ? tr.t('notifyTitleToday') : tr.tn('notifyTitleDays', days);
}

export async function showCodeAlert(r: AdCodeRecord & { id: number }, due: DueAlert, tr: Translator, zone: string, now: number) {
  await browser.notifications.create(codeNotificationId(r.id, due.threshold), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: alertTitle(r, due, tr, zone, now),
    message: tr.t('notifyMessage', { creator: who(r), code: shortCode(r.code), date: formatDateTime(r.expiresAt, zone, tr.lang) }),
    contextMessage: r.status === 'used' ? tr.t('notifyInUse') : undefined,
    buttons: [{ title: tr.t('notifyRenew') }, { title: tr.t('notifySnooze') }],
    priority: r.status === 'used' ? 2 : 1,
  });
}

export async function showDigest(records: AdCodeRecord[], day: string, tr: Translator, zone: string) {
  const sorted = [...records].sort((a, b) => a.expiresAt - b.expiresAt);
  const lines = sorted
    .slice(0, MAX_DIGEST_LINES)
    .map((r) => tr.t('digestLine', { creator: who(r), when: formatDateTime(r.expiresAt, zone, tr.lang) }));
  if (sorted.length > MAX_DIGEST_LINES) lines.push(tr.tn('moreOnDay', sorted.length - MAX_DIGEST_LINES));
  await browser.notifications.create(`digest:${day}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tr.tn('digestTitle', sorted.length),
    message: lines.join('\n'),
    priority: sorted.some((r) => r.status === 'used') ? 2 : 1,
  });
}

/** A click opens the code (or, for a digest, the codes needing attention) in the dashboard. */
export async function onNotificationClicked(nid: string) {
  const target = parseNotificationId(nid);
  if (!target) return;
  await browser.notifications.clear(nid);
  await browser.tabs.create({ url: dashboardUrl(target.kind === 'code' ? `code=${target.id}` : 'view=table&status=expiring') });
}

/** "Request renewal" opens the editable request in the dashboard; "Snooze" reminds again in a day. */
export async function onNotificationButton(db: CodesDb, nid: string, button: number, now: number) {
  const target = parseNotificationId(nid);
  if (target?.kind !== 'code') return;
  await browser.notifications.clear(nid);
  if (button === RENEW_BUTTON) {
    await browser.tabs.create({ url: dashboardUrl(`code=${target.id}&renew=1`) });
  } else if (button === SNOOZE_BUTTON) {
    await snoozeAlert(db, target.id, (r) => snoozeUntil(r.expiresAt, now), now);
  }
}
