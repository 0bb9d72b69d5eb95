import type { AdCodeRecord } from './code-record';
import { shortCode } from './i18n/core';

/**
 * An .ics calendar with one event per code expiry and a display reminder at each alert
 * threshold. Times are written in UTC, which Google Calendar and Outlook both convert to
 * the viewer's zone; the UID is derived from the code, so importing a newer export updates
 * events instead of duplicating them.
 *
 * Written here rather than with the `ics` package: it left a lone CR in text, did not escape
 * commas/semicolons/backslashes inside CATEGORIES, folded by characters instead of octets and
 * wrote reminders as "-P7DT" (not a valid duration). Every text goes through `escapeText`.
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

/** A text as a calendar can hold it: any line-break style becomes one break; other control characters go. */
export function calendarText(s: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
function escapeText(s: string): string {
  return calendarText(s).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** A URI property must be one: a post link with anything odd in it is left to the description. */
// eslint-disable-next-line no-control-regex -- a URI with control characters is refused
const SAFE_URL = /^https:\/\/[^\s"<>\\^`{|}\u0000-\u001F\u007F]+$/;

function expiryEvent(r: AdCodeRecord, thresholds: number[], now: number): string[] {
  // A title is one line: a sender name's line breaks and runs of spaces become single spaces.
  const who = r.creatorHandle ?? (calendarText(r.source.senderName ?? '').replace(/\s+/g, ' ').trim() || 'unknown creator');
  const title = `Ad code expires: ${who}`;
  const description = [
    `TikTok ad code ${r.code}`,
    `Creator: ${who}`,
    r.postUrl && `Video: ${r.postUrl}`,
    r.tags.length ? `Tags: ${r.tags.join(', ')}` : undefined,
    r.status === 'used' ? 'In use in Ads Manager: ads built on this code stop when it expires.' : undefined,
    r.notes && calendarText(r.notes) && `Notes: ${r.notes}`,
    'Ask the creator to re-authorize the video before this date.',
  ]
    .filter((part): part is string => !!part)
    // Each part on its own: a note ending in CR must not merge with the next line break into one CRLF.
    .map(calendarText)
    .join('\n');
  const alarms = [...new Set(thresholds)]
    .sort((a, b) => b - a)
    .flatMap((days) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`${title} (${shortCode(r.code)})`)}`,
      `TRIGGER:${days > 0 ? `-P${days}D` : 'PT0S'}`,
      'END:VALARM',
    ]);
  return [
    'BEGIN:VEVENT',
    `UID:${icsUid(r.code)}`,
    `SUMMARY:${escapeText(title)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(r.expiresAt)}`,
    'DURATION:PT30M',
    // Bumped on every edit so calendars that re-import take the new expiry.
    `SEQUENCE:${Math.max(0, Math.floor((r.updatedAt - r.createdAt) / 1000)) % 2_000_000_000}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(r.postUrl && SAFE_URL.test(r.postUrl) ? [`URL:${r.postUrl}`] : []),
    'STATUS:CONFIRMED',
    // One property per category (RFC 5545 allows several): a tag ending in a backslash (escaped as two)
    // next to the "," separator is read as an escaped comma by some parsers (ical.js among them).
    ...['Ad Code Keeper', ...r.tags].map((c) => `CATEGORIES:${escapeText(c)}`),
    'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
    'TRANSP:TRANSPARENT',
    `CREATED:${utc(r.createdAt)}`,
    `LAST-MODIFIED:${utc(Math.min(r.updatedAt, now))}`,
    ...alarms,
    'END:VEVENT',
  ];
}

export function codesToIcs(records: AdCodeRecord[], thresholds: number[], now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${ICS_PRODUCT_ID}`,
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Ad code expiries',
    ...records.flatMap((r) => expiryEvent(r, thresholds, now)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
