import { createEvents, type EventAttributes } from 'ics';
import type { AdCodeRecord } from './code-record';
import { shortCode } from './i18n';

/**
 * An .ics calendar with one event per code expiry and a display reminder at each alert
 * threshold. Times are written in UTC, which Google Calendar and Outlook both convert to
 * the viewer's zone; the UID is derived from the code, so importing a newer export updates
 * events instead of duplicating them.
 */

export const ICS_PRODUCT_ID = '-//Ad Code Keeper//Expiry calendar//EN';

/** FNV-1a: a short stable id from the code, whose + / = some calendar servers mangle in a UID. */
function stableId(code: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < code.length; i++) {
    h1 = Math.imul(h1 ^ code.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ code.charCodeAt(code.length - 1 - i), 2246822519) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function icsUid(code: string): string {
  return `adcode-${stableId(code)}@ad-code-keeper`;
}

function expiryEvent(r: AdCodeRecord, thresholds: number[], now: number): EventAttributes {
  const who = r.creatorHandle ?? r.source.senderName ?? 'unknown creator';
  const title = `Ad code expires: ${who}`;
  const description = [
    `TikTok ad code ${r.code}`,
    `Creator: ${who}`,
    r.postUrl && `Video: ${r.postUrl}`,
    r.tags.length ? `Tags: ${r.tags.join(', ')}` : undefined,
    r.status === 'used' ? 'In use in Ads Manager: ads built on this code stop when it expires.' : undefined,
    r.notes && `Notes: ${r.notes}`,
    'Ask the creator to re-authorize the video before this date.',
  ]
    .filter(Boolean)
    .join('\n');
  const alarms = [...new Set(thresholds)]
    .sort((a, b) => b - a)
    .map((days) => ({
      action: 'display' as const,
      description: `${title} (${shortCode(r.code)})`,
      trigger: days > 0 ? { days, before: true } : { minutes: 0, before: true },
    }));
  return {
    uid: icsUid(r.code),
    start: r.expiresAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 30 },
    title,
    description,
    url: r.postUrl,
    categories: ['Ad Code Keeper', ...r.tags],
    status: 'CONFIRMED',
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    alarms,
    // Bumped on every edit so calendars that re-import take the new expiry.
    sequence: Math.max(0, Math.floor((r.updatedAt - r.createdAt) / 1000)) % 2_000_000_000,
    created: r.createdAt,
    lastModified: Math.min(r.updatedAt, now),
  };
}

export function codesToIcs(records: AdCodeRecord[], thresholds: number[], now: number): string {
  const header = { productId: ICS_PRODUCT_ID, method: 'PUBLISH', calName: 'Ad code expiries' };
  if (!records.length) {
    // The library refuses an empty list, but an empty calendar is a valid, importable file.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${ICS_PRODUCT_ID}`, 'METHOD:PUBLISH', 'X-WR-CALNAME:Ad code expiries', 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(records.map((r) => expiryEvent(r, thresholds, now)), header);
  if (error || !value) throw new Error(`Could not build the calendar file: ${error?.message ?? 'unknown error'}`);
  return value;
}
