import { zonedInstant } from './i18n/dates';

/**
 * What a pasted row says beside its code: `@leo.lifts<TAB>#code<TAB>30 days<TAB>2026-11-05`, or
 * `@leo.lifts #code` on one line. In a paste box a row is one code's record (a sheet row, a list line),
 * so a handle, a period or a date on the same line belong to that code — unlike running mail text,
 * where an @name beside a code may be anyone. Pure; the zone and the numeric date order are passed in.
 */
export interface RowFacts {
  creatorHandle?: string;
  periodDays?: number;
  /** The row's date (when the code arrived), noon in `zone`. */
  sentAt?: number;
}

export interface RowOptions {
  zone: string;
  /** How the user writes 11/05/2026 when neither number is over 12. */
  numericOrder: 'mdy' | 'dmy';
}

// An @handle starts a cell or follows a space/punctuation: "ana@brand.com" is an address, not @brand.
const HANDLE = /(?:^|[\s,;|(\u201c"'])@([a-z0-9._]{2,24})(?![a-z0-9._@-])/i;
const DAYS = /(?:^|[^\d])(7|30|60|365)\s*(?:d|days?|day|días?|dias?|jours?|j|tage?n?|giorni|dni|gün)(?![a-z])/i;
const UNIT_WORDS: [RegExp, number][] = [
  [/(?:^|[^\d])1\s*(?:year|yr|año|ano|an|jahr|anno)(?![a-z])/i, 365],
  [/(?:^|[^\d])12\s*(?:months?|meses|mois|monate?)(?![a-z])/i, 365],
  [/(?:^|[^\d])2\s*(?:months?|meses|mois|monate?)(?![a-z])/i, 60],
  [/(?:^|[^\d])1\s*(?:month|mes|mês|mois|monat)(?![a-z])/i, 30],
  [/(?:^|[^\d])1\s*(?:week|semana|semaine|woche)(?![a-z])/i, 7],
];
// A cell that is only a period number: "30" between tabs or commas.
const BARE_PERIOD_CELL = /^(7|30|60|365)$/;
const ISO_DATE = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const NUMERIC_DATE = /(?:^|[^\d])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d])/;

const pad = (n: number) => String(n).padStart(2, '0');

function dayAt(year: number, month: number, day: number, zone: string): number | undefined {
  if (year < 2000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const at = zonedInstant(`${year}-${pad(month)}-${pad(day)}`, '12:00', zone);
  // zonedInstant rolls Feb 31 over; a date that is not on the calendar is not a date.
  return at !== undefined && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day ? at : undefined;
}

function rowDate(line: string, { zone, numericOrder }: RowOptions): number | undefined {
  const iso = ISO_DATE.exec(line);
  if (iso) return dayAt(+iso[1], +iso[2], +iso[3], zone);
  const num = NUMERIC_DATE.exec(line);
  if (!num) return undefined;
  const [a, b, year] = [+num[1], +num[2], +num[3]];
  // A number over 12 decides the order; otherwise the user's own order does.
  const dmy = a > 12 ? true : b > 12 ? false : numericOrder === 'dmy';
  return dmy ? dayAt(year, b, a, zone) : dayAt(year, a, b, zone);
}

function rowPeriod(line: string, cells: string[]): number | undefined {
  const days = DAYS.exec(line);
  if (days) return Number(days[1]);
  for (const [re, d] of UNIT_WORDS) if (re.test(line)) return d;
  const bare = cells.find((c) => BARE_PERIOD_CELL.test(c.trim()));
  return bare ? Number(bare.trim()) : undefined;
}

/** The facts on one row, without the code itself (pass the line with the code removed). */
export function rowFacts(line: string, opts: RowOptions): RowFacts {
  const cells = line.split(/\t|,|;|\|/);
  const handle = HANDLE.exec(line)?.[1];
  const facts: RowFacts = {};
  if (handle && !/^\.|\.$/.test(handle)) facts.creatorHandle = `@${handle.toLowerCase()}`;
  const period = rowPeriod(line, cells);
  if (period) facts.periodDays = period;
  const sentAt = rowDate(line, opts);
  if (sentAt !== undefined) facts.sentAt = sentAt;
  return facts;
}
