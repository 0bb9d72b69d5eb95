import type { CsvRow } from '../csv';
import { guessMapping, type ColumnGuess, type SheetField } from './mapping';
import { pushFileSlices, readSheet, SheetReader, type SheetLine, type SheetTable } from './read-table';
import { decideDateOrder, type DateOrder } from './values';

/**
 * A sheet read into a table (read-table.ts), turned into our fields by a column mapping (guessed from the
 * headers and first rows, or the one the user chose). A sheet small enough for the mapping step is read
 * whole (parseCsv); a larger one is read slice by slice and mapped by the guess alone (readLargeSheet).
 */

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

/** Rows the guess looks at: cells say more than headers ("Creator" holding names, not handles). */
const SAMPLE_ROWS = 50;

/** One row's cells by field; each field comes from one column (the mapping gives it to one). */
function rowCells({ line, fields, problem }: SheetLine, mapping: readonly SheetField[]): CsvRow {
  const cells: CsvRow['cells'] = {};
  mapping.forEach((field, j) => {
    if (field !== 'ignore' && fields[j] !== undefined && cells[field] === undefined) cells[field] = fields[j];
  });
  return { line, cells, problem };
}

function ignoredColumnsOf(headers: string[], mapping: readonly SheetField[]): string[] {
  return headers.map((h, i) => ((mapping[i] ?? 'ignore') === 'ignore' ? h || `#${i + 1}` : '')).filter(Boolean);
}

/** Each mapped date column's day/month order, decided on all its cells. */
function dateOrdersOf(rows: CsvRow[], mapping: readonly SheetField[], locale: string): MappedSheet['dateOrders'] {
  const dateOrders: MappedSheet['dateOrders'] = {};
  for (const f of DATE_FIELDS) {
    if (mapping.includes(f))
      dateOrders[f] = decideDateOrder(
        rows.map((r) => r.cells[f] ?? ''),
        locale,
      );
  }
  return dateOrders;
}

const noCodeColumn = (headers: string[]) => `no "code" column (found: ${headers.map((h) => `"${h}"`).join(', ') || 'none'})`;

/** Cells by field, for one mapping, with what the mapping step shows beside it. */
export function applyMapping(table: SheetTable, mapping: readonly SheetField[], locale: string): Omit<MappedSheet, 'guess'> {
  const rows = table.rows.map((r) => rowCells(r, mapping));
  const samples = table.headers.map((_, i) =>
    table.rows
      .map((r) => r.fields[i] ?? '')
      .filter(Boolean)
      .slice(0, 2),
  );
  return {
    headers: table.headers,
    mapping: [...mapping],
    rows,
    ignoredColumns: ignoredColumnsOf(table.headers, mapping),
    dateOrders: dateOrdersOf(rows, mapping, locale),
    samples,
  };
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
  if (!mapping.includes('code') && !opts.allowNoCode) return { ok: false, error: noCodeColumn(table.headers) };
  return { ok: true, guess, ...applyMapping(table, mapping, opts.locale ?? 'en') };
}

/** A large sheet as read: its rows by field (the guessed mapping), the columns nothing was read from, and its date orders. */
export type LargeSheet =
  ({ ok: true } & Pick<MappedSheet, 'headers' | 'mapping' | 'rows' | 'ignoredColumns' | 'dateOrders'>) | { ok: false; error: string };

/**
 * A sheet too large for the mapping step, read in pieces and mapped by the same guess parseCsv starts from
 * (headers and first rows): those rows wait for the guess, every later row is mapped as it is read, so
 * only cells by field are kept, never the whole text. Gives what parseCsv gives for the same text.
 */
export class LargeSheetReader {
  private readonly reader = new SheetReader((r) => this.take(r));
  private readonly held: SheetLine[] = [];
  private readonly rows: CsvRow[] = [];
  private mapping?: SheetField[];

  constructor(private readonly locale = 'en') {}

  get failed(): string | undefined {
    return this.reader.failed;
  }

  push(text: string): void {
    this.reader.push(text);
  }

  end(): LargeSheet {
    const end = this.reader.end();
    if (!end.ok) return end;
    const mapping = this.mapping ?? this.guess();
    if (!mapping) return { ok: false, error: noCodeColumn(end.headers) };
    const { headers } = end;
    const { rows } = this;
    return {
      ok: true,
      headers,
      mapping,
      rows,
      ignoredColumns: ignoredColumnsOf(headers, mapping),
      dateOrders: dateOrdersOf(rows, mapping, this.locale),
    };
  }

  private take(row: SheetLine) {
    if (this.mapping) {
      this.rows.push(rowCells(row, this.mapping));
      return;
    }
    this.held.push(row);
    if (this.held.length >= SAMPLE_ROWS) this.guess();
  }

  /** Maps the held rows by the guess; refuses the file (and stops reading it) without a code column. */
  private guess(): SheetField[] | undefined {
    const headers = this.reader.headers ?? [];
    const mapping = guessMapping(
      headers,
      this.held.map((r) => r.fields),
    ).map((g) => g.field);
    if (!mapping.includes('code')) {
      this.reader.fail(noCodeColumn(headers));
      return undefined;
    }
    this.mapping = mapping;
    for (const r of this.held.splice(0)) this.rows.push(rowCells(r, mapping));
    return mapping;
  }
}

/** A large sheet file, read slice by slice (UTF-8 decoded across slice boundaries). */
export async function readLargeSheet(file: Blob, locale?: string, sliceBytes?: number): Promise<LargeSheet> {
  const reader = new LargeSheetReader(locale);
  await pushFileSlices(file, reader, sliceBytes);
  return reader.end();
}
