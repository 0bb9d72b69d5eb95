import Papa from 'papaparse';
import type { AdCodeRecord } from './code-record';
import { codeStatus } from './expiry';
import { dayKey, timeKey, zonedInstant, isValidZone } from './i18n/dates';

/**
 * CSV export and import. Excel-friendly: UTF-8 with a byte-order mark (otherwise Excel reads
 * accented names as mojibake), CRLF line ends, and cells that Excel would run as formulas
 * (=, +, -, @ first) prefixed with an apostrophe, which the importer strips again.
 */

export const CSV_COLUMNS = [
  'code',
  'tiktok_handle',
  'state',
  'usage',
  'expires_at',
  'expires_local',
  'time_zone',
  'received_at',
  'period_days',
  'period_assumed',
  'archived',
  'renewal_requested_at',
  'tags',
  'notes',
  'sender_name',
  'sender_email',
  'subject',
  'source_kind',
  'source_url',
  'post_url',
  'times_used',
  'last_used_at',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;
const iso = (ts: number | undefined) => (ts === undefined ? '' : new Date(ts).toISOString());

export function recordToCsvRow(r: AdCodeRecord, zone: string, now: number, windowDays: number): Record<CsvColumn, string> {
  const lastUse = r.uses.length ? Math.max(...r.uses.map((u) => u.at)) : undefined;
  return {
    code: r.code,
    // Without the @: a cell starting with @ is a formula to Excel; the importer adds it back.
    tiktok_handle: r.creatorHandle?.replace(/^@/, '') ?? '',
    state: codeStatus(r, now, windowDays),
    usage: r.status,
    expires_at: iso(r.expiresAt),
    expires_local: `${dayKey(r.expiresAt, zone)} ${timeKey(r.expiresAt, zone)}`,
    time_zone: zone,
    received_at: iso(r.receivedAt),
    period_days: String(r.periodDays),
    period_assumed: r.periodAssumed ? 'yes' : 'no',
    archived: r.archived ? 'yes' : 'no',
    renewal_requested_at: iso(r.renewalRequestedAt),
    tags: r.tags.join('; '),
    notes: r.notes,
    sender_name: r.source.senderName ?? '',
    sender_email: r.source.senderEmail ?? '',
    subject: r.source.subject ?? '',
    source_kind: r.source.kind,
    source_url: r.source.url ?? '',
    post_url: r.postUrl ?? '',
    times_used: String(r.uses.length),
    last_used_at: iso(lastUse),
  };
}

export function codesToCsv(records: AdCodeRecord[], zone: string, now: number, windowDays: number): string {
  const rows = records.map((r) => recordToCsvRow(r, zone, now, windowDays));
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((c) => row[c])) },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${body}\r\n`;
}

/** One sheet row: cells by field (after the column mapping), plus the 1-based line it started on. */
export interface CsvRow {
  line: number;
  cells: Partial<Record<CsvColumn | 'creator_name', string>>;
  /** What is wrong with this row as read (too many cells, bad quotes), if anything. */
  problem?: string;
}

/** Undoes the export's formula guard: "'=x" → "=x". */
export function unescapeCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/**
 * Dates in a sheet: ISO with an offset or Z is an instant; a bare "YYYY-MM-DD" or
 * "YYYY-MM-DD HH:MM" is wall-clock time in the row's time_zone (or the user's zone).
 */
export function parseSheetDate(value: string, zone: string): number | undefined {
  const v = value.trim();
  // "0075-06-01" would be read as 1975 (JavaScript maps years 0–99 to 1900–1999): refuse it.
  if (!v || twoDigitYear(v)) return undefined;
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2})?)?$/.exec(v);
  if (local) return zonedInstant(local[1], local[2] ?? '23:59', zone);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** A sheet date whose year was cut to two digits ("75-06-01") or padded back with zeros ("0075-06-01"). */
export function twoDigitYear(value: string): boolean {
  return /^(00\d{2}|\d{2})-\d{1,2}-\d{1,2}(?![\d])/.test(value.trim());
}

export function rowZone(cells: CsvRow['cells'], fallback: string): string {
  const z = cells.time_zone?.trim();
  return z && isValidZone(z) ? z : fallback;
}
