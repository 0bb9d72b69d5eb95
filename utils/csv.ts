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

/** One parsed CSV row: cells by canonical column name, plus the 1-based line it started on. */
export interface CsvRow {
  line: number;
  cells: Partial<Record<CsvColumn, string>>;
  /** Papa's complaint about this row (wrong field count, bad quotes), if any. */
  problem?: string;
}

export type CsvParseResult = { ok: true; rows: CsvRow[]; unknownColumns: string[] } | { ok: false; error: string };

/** Header spellings people use in their own sheets, mapped to our columns. */
const HEADER_ALIASES: Record<string, CsvColumn> = {
  code: 'code',
  ad_code: 'code',
  adcode: 'code',
  spark_code: 'code',
  video_code: 'code',
  post_code: 'code',
  authorization_code: 'code',
  tiktok_handle: 'tiktok_handle',
  creator: 'tiktok_handle',
  handle: 'tiktok_handle',
  creator_handle: 'tiktok_handle',
  tiktok: 'tiktok_handle',
  state: 'state',
  usage: 'usage',
  status: 'usage',
  used: 'usage',
  expires_at: 'expires_at',
  expiry: 'expires_at',
  expires: 'expires_at',
  expiration: 'expires_at',
  expiry_date: 'expires_at',
  expires_local: 'expires_local',
  time_zone: 'time_zone',
  timezone: 'time_zone',
  received_at: 'received_at',
  received: 'received_at',
  sent_at: 'received_at',
  date: 'received_at',
  period_days: 'period_days',
  period: 'period_days',
  days: 'period_days',
  period_assumed: 'period_assumed',
  archived: 'archived',
  renewal_requested_at: 'renewal_requested_at',
  tags: 'tags',
  tag: 'tags',
  campaign: 'tags',
  notes: 'notes',
  note: 'notes',
  sender_name: 'sender_name',
  sender_email: 'sender_email',
  email: 'sender_email',
  subject: 'subject',
  source_kind: 'source_kind',
  source_url: 'source_url',
  post_url: 'post_url',
  video_url: 'post_url',
  times_used: 'times_used',
  last_used_at: 'last_used_at',
};

const canonicalHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Undoes the export's formula guard: "'=x" → "=x". */
export function unescapeCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

export function parseCsv(text: string): CsvParseResult {
  const reader = new CsvReader();
  reader.push(text);
  return reader.end();
}

/** A row longer than this is a broken file (an unclosed quote swallows the rest), not a row to wait for. */
export const CSV_ROW_MAX_CHARS = 4_000_000;

/**
 * Parses CSV text given in pieces (a file read slice by slice), so a 400 MB sheet is never one string.
 * Rows come out exactly as if the whole text had been parsed at once: each piece is parsed up to its
 * last row, which waits for the next piece (it may be cut in the middle); the delimiter and line
 * ending found in the first piece hold for the rest.
 */
export class CsvReader {
  private carry = '';
  private header?: string[];
  private columns: (CsvColumn | undefined)[] = [];
  private rows: CsvRow[] = [];
  private line = 2;
  private sawText = false;
  private delimiter = '';
  private newline: '\n' | '\r\n' | '\r' | undefined;
  private failure?: string;

  /** The file-level problem found so far (reading more of the file is pointless). */
  get failed(): string | undefined {
    return this.failure;
  }

  push(text: string): void {
    if (this.failure) return;
    this.carry += text;
    this.parse(false);
  }

  end(): CsvParseResult {
    if (!this.failure) this.parse(true);
    if (this.failure) return { ok: false, error: this.failure };
    if (!this.sawText) return { ok: false, error: 'the file is empty' };
    if (!this.header) return { ok: false, error: 'the file has no header row' };
    const header = this.header ?? [];
    const unknownColumns = header.filter((_, i) => !this.columns[i]).map((h) => h.trim()).filter(Boolean);
    return { ok: true, rows: this.rows, unknownColumns };
  }

  private parse(final: boolean) {
    let input = this.carry;
    if (!this.sawText) {
      // Papa drops a byte-order mark itself and would then count its cursor from the next character.
      input = this.carry = input.replace(/^\uFEFF/, '');
      if (!input.trim()) {
        if (input.length > CSV_ROW_MAX_CHARS) this.failure = 'the file is empty';
        return;
      }
      this.sawText = true;
    }
    if (!this.header && this.newline === undefined) {
      // Papa guesses the line ending from the text it is given: a piece cut just after a "\r" of "\r\n"
      // would be guessed as "\r" and misread every later row, so wait for a line end that is certainly whole.
      this.newline = guessNewline(input);
      if (this.newline === undefined && !final) return;
    }
    const got: { fields: string[]; problem?: string; end: number }[] = [];
    Papa.parse<string[]>(input, {
      header: false,
      skipEmptyLines: 'greedy',
      delimiter: this.delimiter,
      newline: this.newline,
      step: (r) => {
        got.push({ fields: r.data, problem: r.errors[0]?.message, end: r.meta.cursor });
        this.delimiter ||= r.meta.delimiter;
      },
    });
    // The last row of a piece may be cut short: it waits, with the rest of the text, for the next piece.
    const take = final ? got.length : got.length - 1;
    const rest = take > 0 ? got[take - 1].end : 0;
    this.carry = final ? '' : input.slice(rest);
    if (!final && this.carry.length > CSV_ROW_MAX_CHARS) {
      this.failure = `the row at line ${this.line} is longer than ${CSV_ROW_MAX_CHARS.toLocaleString('en-US')} characters (an unclosed quote?)`;
      return;
    }
    for (let i = 0; i < take; i++) this.row(got[i].fields, got[i].problem);
  }

  private row(fields: string[], problem: string | undefined) {
    if (!this.header) {
      this.header = fields;
      this.columns = fields.map((h) => HEADER_ALIASES[canonicalHeader(h)]);
      if (!this.columns.includes('code')) {
        this.failure = `no "code" column (found: ${fields.map((h) => `"${h.trim()}"`).join(', ') || 'none'})`;
      }
      return;
    }
    if (this.failure) return;
    const cells: CsvRow['cells'] = {};
    this.columns.forEach((col, j) => {
      if (col && fields[j] !== undefined && cells[col] === undefined) cells[col] = unescapeCell(fields[j].trim());
    });
    if (!problem && fields.length !== this.header.length) problem = `expected ${this.header.length} fields, found ${fields.length}`;
    this.rows.push({ line: this.line, cells, problem });
    // Papa counts rows after skipping empties; recover each row's line from its quoted newlines.
    this.line += 1 + fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  }
}

/** Papa's line-ending guess (on its first 1 MB), but only once the text holds a line end that cannot still grow. */
export function guessNewline(text: string): '\n' | '\r\n' | '\r' | undefined {
  const t = text.slice(0, 1_048_576).replace(/\r$/, '');
  const r = t.split('\r');
  const n = t.split('\n');
  if (r.length === 1 && n.length === 1) return undefined;
  if (r.length === 1 || (n.length > 1 && n[0].length < r[0].length)) return '\n';
  const withN = r.filter((x) => x[0] === '\n').length;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/** Reads a CSV file slice by slice (UTF-8 decoded across slice boundaries) into CsvReader. */
export async function readCsvFile(file: Blob, sliceBytes = 4 * 1024 * 1024): Promise<CsvParseResult> {
  const reader = new CsvReader();
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < file.size && !reader.failed; at += sliceBytes) {
    reader.push(decoder.decode(await file.slice(at, at + sliceBytes).arrayBuffer(), { stream: true }));
  }
  reader.push(decoder.decode());
  return reader.end();
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
