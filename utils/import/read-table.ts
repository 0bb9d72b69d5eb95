import Papa from 'papaparse';
import { unescapeCell } from '../csv';

/**
 * The one reader of sheet text (CSV with commas or semicolons, or the tab-separated text Google Sheets and
 * Excel put on the clipboard) into a header row and rows of cells. The mapping step reads a sheet whole and
 * a large file is read slice by slice, both through this reader, so the same text gives the same rows either
 * way: same delimiter rule, byte-order mark, line numbers, formula-guard unescape and error texts.
 */

export type SheetDelimiter = ',' | ';' | '\t';

/** One row as read: its cells (trimmed, formula guard undone), the 1-based line it starts on, and what is wrong with it. */
export interface SheetLine {
  line: number;
  fields: string[];
  problem?: string;
}

export interface SheetTable {
  headers: string[];
  rows: SheetLine[];
  delimiter: SheetDelimiter;
}

/** How reading ended: the header row and delimiter, or why the file cannot be read at all. */
export type SheetEnd = { ok: true; headers: string[]; delimiter: SheetDelimiter } | { ok: false; error: string };

/** A row longer than this is a broken file (an unclosed quote swallows the rest), not a row to wait for. */
export const CSV_ROW_MAX_CHARS = 4_000_000;

/** The separator the header row (the first line with text) uses most, outside quotes; commas when nothing else stands out. */
export function sheetDelimiter(text: string): SheetDelimiter {
  const head = text.slice(0, 1_048_576).replace(/"[^"]*"/g, '');
  const firstLine = /[^\r\n]*\S[^\r\n]*/.exec(head)?.[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
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

/**
 * Reads sheet text given in pieces (a file read slice by slice, so a 400 MB sheet is never one string) or
 * whole (one push). Rows come out, to `onRow`, exactly as if the whole text had been parsed at once: each
 * piece is parsed up to its last row, which waits for the next piece (it may be cut in the middle); the
 * delimiter and line ending found in the first piece hold for the rest.
 */
export class SheetReader {
  private carry = '';
  private header?: string[];
  /** The line the carried text starts on. */
  private line = 1;
  private sawText = false;
  private delimiter?: SheetDelimiter;
  private newline: '\n' | '\r\n' | '\r' | undefined;
  private failure?: string;

  constructor(private readonly onRow: (row: SheetLine) => void) {}

  /** The file-level problem found so far (reading more of the file is pointless). */
  get failed(): string | undefined {
    return this.failure;
  }

  push(text: string): void {
    if (this.failure) return;
    this.carry += text;
    this.parse(false);
  }

  end(): SheetEnd {
    if (!this.failure) this.parse(true);
    if (this.failure) return { ok: false, error: this.failure };
    if (!this.sawText) return { ok: false, error: 'the file is empty' };
    if (!this.header) return { ok: false, error: 'the file has no header row' };
    return { ok: true, headers: this.header, delimiter: this.delimiter ?? ',' };
  }

  /** The header row, once read. */
  get headers(): string[] | undefined {
    return this.header;
  }

  /** Stops reading: the caller found the file unusable (no code column, say); end() reports it. */
  fail(error: string): void {
    this.failure ??= error;
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
    // Decided on the header row, like the line ending: a cell's own commas must not outvote the header's tabs.
    this.delimiter ??= sheetDelimiter(input);
    const got: { fields: string[]; problem?: string; unclosed: boolean; end: number }[] = [];
    Papa.parse<string[]>(input, {
      header: false,
      skipEmptyLines: 'greedy',
      delimiter: this.delimiter,
      newline: this.newline,
      step: (r) => {
        got.push({
          fields: r.data,
          problem: r.errors[0]?.message,
          unclosed: r.errors.some((e) => e.code === 'MissingQuotes'),
          end: r.meta.cursor,
        });
      },
    });
    // The last row of a piece may be cut short: it waits, with the rest of the text, for the next piece.
    const take = final ? got.length : got.length - 1;
    const rest = take > 0 ? got[take - 1].end : 0;
    this.carry = final ? '' : input.slice(rest);
    // Each row's line, as the user finds it in the sheet: line ends before its end, less its own (quoted ones and
    // its terminator), so blank lines Papa skips still count.
    const nl = this.newline ?? '\n';
    let from = 0;
    for (let i = 0; i < take && !this.failure; i++) {
      const { fields, problem, unclosed, end } = got[i];
      const before = countOf(input, nl, from, end);
      const own =
        fields.reduce((n, f) => n + countOf(f, nl, 0, f.length), 0) + (!unclosed && input.startsWith(nl, end - nl.length) ? 1 : 0);
      const line = this.line + before - own;
      this.line += before;
      from = end;
      // A quote never closed swallows every later row into one cell: refuse the file rather than import half of it.
      if (unclosed)
        this.failure = `the quote opened on line ${line} is never closed, so the rest of the file would be one cell; close it and import again`;
      else this.row(fields, problem, line);
    }
    if (!final && !this.failure && this.carry.length > CSV_ROW_MAX_CHARS) {
      this.failure = `the row at line ${this.line} is longer than ${CSV_ROW_MAX_CHARS.toLocaleString('en-US')} characters (an unclosed quote?)`;
    }
  }

  private row(raw: string[], problem: string | undefined, line: number) {
    const fields = raw.map((f) => unescapeCell(f.trim()));
    if (!this.header) {
      this.header = raw.map((h) => h.replace(/^\uFEFF/, '').trim());
      return;
    }
    // Fewer cells than headers is a sheet that left its last cells empty; more, with text in them, is a broken row.
    const width = this.header.length;
    if (!problem && raw.length > width && raw.some((f, j) => j >= width && f.trim()))
      problem = `expected ${width} fields, found ${raw.length}`;
    this.onRow(problem ? { line, fields, problem } : { line, fields });
  }
}

/** How often `sub` occurs in text[from, to). */
function countOf(text: string, sub: string, from: number, to: number): number {
  let n = 0;
  for (let at = text.indexOf(sub, from); at !== -1 && at + sub.length <= to; at = text.indexOf(sub, at + sub.length)) n++;
  return n;
}

/** A whole sheet's text as a table (the mapping step: small enough to show, with samples). */
export function readSheet(text: string): { ok: true; table: SheetTable } | { ok: false; error: string } {
  const rows: SheetLine[] = [];
  const reader = new SheetReader((r) => rows.push(r));
  reader.push(text);
  const end = reader.end();
  return end.ok ? { ok: true, table: { headers: end.headers, rows, delimiter: end.delimiter } } : end;
}

/** Feeds a file to a reader slice by slice, UTF-8 decoded across slice boundaries; stops at the first file-level problem. */
export async function pushFileSlices(
  file: Blob,
  reader: Pick<SheetReader, 'push' | 'failed'>,
  sliceBytes = 4 * 1024 * 1024,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < file.size && !reader.failed; at += sliceBytes) {
    reader.push(decoder.decode(await file.slice(at, at + sliceBytes).arrayBuffer(), { stream: true }));
  }
  reader.push(decoder.decode());
}
