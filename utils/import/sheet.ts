import Papa from 'papaparse';
import { unescapeCell, type CsvRow } from '../csv';
import { guessMapping, type ColumnGuess, type SheetField } from './mapping';
import { decideDateOrder, type DateOrder } from './values';

/**
 * A sheet as text: a CSV file (comma or semicolon, as Excel writes it in much of Europe) or the tab-separated
 * text Google Sheets and Excel put on the clipboard. Read into a header row and rows of cells, then turned
 * into our fields by a column mapping (guessed, or the one the user chose).
 */

export interface SheetTable {
  headers: string[];
  rows: { line: number; fields: string[]; problem?: string }[];
  delimiter: ',' | ';' | '\t';
}

/** The separator the header row uses most, outside quotes; commas when nothing else stands out. */
export function sheetDelimiter(text: string): SheetTable['delimiter'] {
  const firstLine = text.replace(/"[^"]*"/g, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > 0 && tabs >= commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

export function readSheet(text: string): { ok: true; table: SheetTable } | { ok: false; error: string } {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { ok: false, error: 'the file is empty' };
  const delimiter = sheetDelimiter(clean);
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: 'greedy', delimiter });
  const [header, ...data] = parsed.data;
  if (!header) return { ok: false, error: 'the file has no header row' };
  const problems = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined && !problems.has(e.row)) problems.set(e.row, e.message);
  // Papa counts rows after skipping empties; recover each row's line from its quoted newlines.
  const rows: SheetTable['rows'] = [];
  let line = 2;
  data.forEach((fields, i) => {
    let problem = problems.get(i + 1);
    if (!problem && fields.length !== header.length && fields.some((f, j) => j >= header.length && f.trim())) {
      problem = `expected ${header.length} fields, found ${fields.length}`;
    }
    rows.push({ line, fields: fields.map((f) => unescapeCell(f.trim())), problem });
    line += 1 + fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  });
  return { ok: true, table: { headers: header.map((h) => h.replace(/^\uFEFF/, '').trim()), rows, delimiter } };
}

/** The date fields, whose numeric dates (11/05/2026) need one day/month order per column. */
export const DATE_FIELDS = ['received_at', 'expires_at', 'expires_local', 'renewal_requested_at'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export interface MappedSheet {
  headers: string[];
  guess: ColumnGuess[];
  mapping: SheetField[];
  rows: CsvRow[];
  /** Names of the columns nothing is read from, for the preview to say so. */
  ignoredColumns: string[];
  /** Per date field: the order its numeric dates are read in, and the cell that decided it (if one did). */
  dateOrders: Partial<Record<DateField, { order: DateOrder; decidedBy?: string }>>;
  /** The first two filled cells of each column, shown beside its field in the mapping step. */
  samples: string[][];
}

const SAMPLE_ROWS = 50;

/** Cells by field, for one mapping; each field comes from one column (the mapping gives it to one). */
export function applyMapping(table: SheetTable, mapping: readonly SheetField[], locale: string): Omit<MappedSheet, 'guess'> {
  const rows: CsvRow[] = table.rows.map(({ line, fields, problem }) => {
    const cells: CsvRow['cells'] = {};
    mapping.forEach((field, j) => {
      if (field !== 'ignore' && fields[j] !== undefined && cells[field] === undefined) cells[field] = fields[j];
    });
    return { line, cells, problem };
  });
  const dateOrders: MappedSheet['dateOrders'] = {};
  for (const f of DATE_FIELDS) {
    const col = mapping.indexOf(f);
    if (col >= 0)
      dateOrders[f] = decideDateOrder(
        table.rows.map((r) => r.fields[col] ?? ''),
        locale,
      );
  }
  const ignoredColumns = table.headers.map((h, i) => ((mapping[i] ?? 'ignore') === 'ignore' ? h || `#${i + 1}` : '')).filter(Boolean);
  const samples = table.headers.map((_, i) =>
    table.rows
      .map((r) => r.fields[i] ?? '')
      .filter(Boolean)
      .slice(0, 2),
  );
  return { headers: table.headers, mapping: [...mapping], rows, ignoredColumns, dateOrders, samples };
}

export type CsvParseResult = ({ ok: true } & MappedSheet) | { ok: false; error: string };

/**
 * Reads a sheet and maps it: with the given mapping, or with the guess from its headers and first rows.
 * Without a code column it is refused, unless the caller lets the user choose one (`allowNoCode`).
 */
export function parseCsv(
  text: string,
  opts: { mapping?: readonly SheetField[]; locale?: string; allowNoCode?: boolean } = {},
): CsvParseResult {
  const read = readSheet(text);
  if (!read.ok) return read;
  const { table } = read;
  const guess = guessMapping(
    table.headers,
    table.rows.slice(0, SAMPLE_ROWS).map((r) => r.fields),
  );
  const mapping = opts.mapping && opts.mapping.length === table.headers.length ? opts.mapping : guess.map((g) => g.field);
  if (!mapping.includes('code') && !opts.allowNoCode) {
    return { ok: false, error: `no "code" column (found: ${table.headers.map((h) => `"${h}"`).join(', ') || 'none'})` };
  }
  return { ok: true, guess, ...applyMapping(table, mapping, opts.locale ?? 'en') };
}
