import { decideDateOrder, readPeriod, readSheetDate, type DateOrder } from './import/values';

/**
 * What a pasted row says beside its code: `@leo.lifts<TAB>#code<TAB>30 days<TAB>2026-11-05`, or
 * `@leo.lifts #code` on one line. In a paste box a row is one code's record (a sheet row, a list line),
 * so a handle, a period or a date on the same line belong to that code — unlike running mail text,
 * where an @name beside a code may be anyone. Periods and dates are read as the sheet import reads
 * them (utils/import/values.ts), so a paste and an imported sheet never disagree. Pure; the zone and
 * the locale are passed in.
 */
export interface RowFacts {
  creatorHandle?: string;
  periodDays?: number;
  /** The row's date (when the code arrived), as the sheet import reads a day. */
  sentAt?: number;
}

export interface RowOptions {
  zone: string;
  /** How the user writes 11/05/2026 when neither number is over 12 in the whole paste. */
  numericOrder: DateOrder;
}

// An @handle starts a cell or follows a space/punctuation: "ana@brand.com" is an address, not @brand.
const HANDLE = /(?:^|[\s,;|(\u201c"'])@([a-z0-9._]{2,24})(?![a-z0-9._@-])/i;
/** "30 days", "7d", "2 months", "1 año", "a year": a count and a unit, somewhere on the line. */
const PERIOD_PHRASE = /(?:^|[^\p{L}\d])((?:\d{1,3}|an?|one|un|una|um|uma|ein|eine|une)\s*[\p{L}]{1,8})(?![\p{L}\d])/giu;
/** A cell that is only a number is a period only when it is one TikTok offers: "12" may be anything. */
const BARE_PERIOD_CELL = /^(7|30|60|365)$/;
/** Date-shaped runs, for lines whose parts are only spaces apart. */
const DATE_RUN = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[/.]\d{1,2}[/.]\d{1,2}/g;

const cellsOf = (line: string) => line.split(/\t|,\s*(?=\S)|;|\|/).map((c) => c.trim()).filter(Boolean);

/** The date-shaped parts of a line: whole cells first (a "5 Nov 2026" cell), then runs inside cells. */
export function dateCandidates(line: string): string[] {
  const cells = cellsOf(line);
  return [...cells, ...cells.flatMap((c) => c.match(DATE_RUN) ?? [])];
}

/** One order for the whole paste, as the sheet import decides one for a column: a day over 12 decides, else the user's order. */
export function pasteDateOrder(lines: readonly string[], usual: DateOrder): DateOrder {
  const decided = decideDateOrder(lines.flatMap(dateCandidates), 'und');
  return decided.decidedBy ? decided.order : usual;
}

function rowPeriod(line: string, cells: string[]): number | undefined {
  for (const [, phrase] of line.matchAll(PERIOD_PHRASE)) {
    const read = readPeriod(phrase);
    if (read.ok) return read.value;
  }
  const bare = cells.find((c) => BARE_PERIOD_CELL.test(c));
  return bare ? Number(bare) : undefined;
}

function rowDate(line: string, { zone, numericOrder }: RowOptions): number | undefined {
  for (const candidate of dateCandidates(line)) {
    // Only what looks like a date is asked: a handle or a period cell is not a failed date.
    if (!/\d/.test(candidate) || !/\d{4}|\d[./-]\d/.test(candidate)) continue;
    const read = readSheetDate(candidate, numericOrder, zone);
    if (read.ok) return read.value;
  }
  return undefined;
}

/** The facts on one row, without the code itself (pass the line with the code removed). */
export function rowFacts(line: string, opts: RowOptions): RowFacts {
  const handle = HANDLE.exec(line)?.[1];
  const facts: RowFacts = {};
  if (handle && !/^\.|\.$/.test(handle)) facts.creatorHandle = `@${handle.toLowerCase()}`;
  // Dates out first: "05/11/2026" holds no period, but "2026 …" must not be read as one.
  const undated = line.replace(DATE_RUN, ' ');
  const period = rowPeriod(undated, cellsOf(undated));
  if (period) facts.periodDays = period;
  const sentAt = rowDate(line, opts);
  if (sentAt !== undefined) facts.sentAt = sentAt;
  return facts;
}
