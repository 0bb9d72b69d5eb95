import { parseSheetDate, twoDigitYear } from '../csv';
import { zonedInstant } from '../i18n/dates';
import { LIMITS } from '../vault/limits';

/**
 * Reading the values people type into their own tracking sheets: dates in their locale's order,
 * periods in words ("2 months", "1 año", "30 Tage"), statuses in their team's words. Pure: the zone
 * and the locale are passed in. Every reading that is not literal says so (`note`), for the preview.
 */

export type Read<T> = { ok: true; value: T; note?: string } | { ok: false; problem: string };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .trim();

// ---- dates -----------------------------------------------------------------------------------

/** Day and month order of a numeric date like 11/05/2026. */
export type DateOrder = 'mdy' | 'dmy';

/** Month-first only where the locale writes it so (US English and a few others); day-first elsewhere. */
export function localeDateOrder(locale: string): DateOrder {
  const l = locale.toLowerCase();
  if (l === 'en' || /^en-(us|ph|ca)$/.test(l) || l === 'es-us') return 'mdy';
  return 'dmy';
}

const NUMERIC_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ ,T]+(\d{1,2}):(\d{2}))?\.?$/;

/**
 * One decision for a whole column: a cell whose first number is above 12 can only be day-first, one whose
 * second number is above 12 only month-first; otherwise the locale decides. `decidedBy` names the cell.
 */
export function decideDateOrder(cells: readonly string[], locale: string): { order: DateOrder; decidedBy?: string } {
  for (const cell of cells) {
    const m = NUMERIC_DATE.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return { order: 'dmy', decidedBy: cell.trim() };
    if (Number(m[2]) > 12) return { order: 'mdy', decidedBy: cell.trim() };
  }
  return { order: localeDateOrder(locale) };
}

const MONTHS: ReadonlyMap<string, number> = (() => {
  const seen = new Map<string, Set<number>>();
  const add = (name: string, month: number) => {
    const k = fold(name);
    if (k.length < 3) return;
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(month);
  };
  for (const lang of ['en', 'de', 'es', 'fr', 'pt']) {
    for (let m = 0; m < 12; m++) {
      const at = new Date(Date.UTC(2026, m, 15));
      const long = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(at);
      add(long, m);
      add(new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(at), m);
      add(fold(long).slice(0, 3), m);
      add(fold(long).slice(0, 4), m);
    }
  }
  add('sept', 8);
  // A spelling two months share ("jui" in French) is no month at all.
  return new Map([...seen].filter(([, ms]) => ms.size === 1).map(([k, ms]) => [k, [...ms][0]]));
})();

const pad = (n: number) => String(n).padStart(2, '0');

function dayInstant(y: number, m: number, d: number, time: string | undefined, zone: string): number | undefined {
  return zonedInstant(`${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`, time ?? '23:59', zone);
}

const TWO_DIGIT = (v: string) => `“${v}” has a two-digit year; write the full year (for example 2026-12-01)`;

/**
 * A sheet date: ISO (an instant, or wall-clock time in the zone), a numeric date in the column's order,
 * or a date with the month in words in any of our five languages ("5 Nov 2026", "Nov 5, 2026",
 * "5. November 2026", "5 de noviembre de 2026"). A bare day means the end of that day, as elsewhere.
 */
export function readSheetDate(value: string, order: DateOrder, zone: string): Read<number> {
  const v = value.trim();
  if (twoDigitYear(v)) return { ok: false, problem: TWO_DIGIT(v) };
  const iso = parseSheetDate(v, zone);
  if (iso !== undefined) return { ok: true, value: iso };
  const slash = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(v);
  if (slash) {
    const t = dayInstant(Number(slash[1]), Number(slash[2]), Number(slash[3]), undefined, zone);
    if (t !== undefined) return { ok: true, value: t };
  }
  const num = NUMERIC_DATE.exec(v);
  if (num) {
    if (num[3].length === 2) return { ok: false, problem: TWO_DIGIT(v) };
    const [a, b] = [Number(num[1]), Number(num[2])];
    const [d, m] = order === 'dmy' ? [a, b] : [b, a];
    const time = num[4] ? `${pad(Number(num[4]))}:${num[5]}` : undefined;
    const t = dayInstant(Number(num[3]), m, d, time, zone);
    if (t !== undefined) {
      const ambiguous = a <= 12 && b <= 12 && a !== b;
      return {
        ok: true,
        value: t,
        note: ambiguous ? `“${v}” read as ${isoDay(Number(num[3]), m, d)} (${order === 'dmy' ? 'day first' : 'month first'})` : undefined,
      };
    }
  }
  const words = readWordDate(v, zone);
  if (words) return words;
  return { ok: false, problem: `“${v}” is not a date we can read (use 2026-12-01, 01/12/2026 or 1 Dec 2026)` };
}

const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function readWordDate(v: string, zone: string): Read<number> | undefined {
  const tokens = fold(v)
    .replace(/[,]/g, ' ')
    .split(/\s+/)
    .filter((t) => t && !['de', 'del', 'of', 'le', 'the'].includes(t));
  if (tokens.length !== 3) return undefined;
  const monthAt = tokens.findIndex((t) => MONTHS.has(t));
  if (monthAt < 0) return undefined;
  const nums = tokens.filter((_, i) => i !== monthAt).map((t) => t.replace(/(st|nd|rd|th|er|º|°)$/, ''));
  if (!nums.every((n) => /^\d+$/.test(n))) return undefined;
  const [first, second] = nums;
  const [day, year] = first.length === 4 ? [second, first] : [first, second];
  if (year.length !== 4) return year.length === 2 ? { ok: false, problem: TWO_DIGIT(v) } : undefined;
  const m = MONTHS.get(tokens[monthAt])! + 1;
  const t = dayInstant(Number(year), m, Number(day), undefined, zone);
  return t === undefined ? undefined : { ok: true, value: t };
}

// ---- periods ---------------------------------------------------------------------------------

const UNIT_DAYS: ReadonlyArray<[RegExp, number, string]> = [
  [/^(d|day|days|dia|dias|tag|tage|tagen|jour|jours|j)$/, 1, 'day'],
  [/^(w|wk|wks|week|weeks|semana|semanas|woche|wochen|semaine|semaines)$/, 7, 'week'],
  [/^(m|mo|mos|mth|month|months|mes|meses|monat|monate|monaten|mois)$/, 30, 'month'],
  [/^(y|yr|yrs|year|years|ano|anos|jahr|jahre|jahren|an|ans|annee|annees)$/, 365, 'year'],
];
const ONE = /^(a|an|one|un|una|um|uma|ein|eine|einen|einem|une)$/;

/**
 * An authorization period: "60", "60 days", "60d", "2 months" (30 days each), "1 year" (365),
 * "1 año", "30 Tage", "un mois". Only a bare number of days is read without a note.
 */
export function readPeriod(value: string): Read<number> {
  const v = fold(value).replace(/\s+/g, ' ');
  const m = /^(\d+|[a-z]+)\s*([a-z]+)?$/.exec(v);
  let days: number | undefined;
  if (m) {
    const count = /^\d+$/.test(m[1]) ? Number(m[1]) : ONE.test(m[1]) ? 1 : undefined;
    const unit =
      m[2] === undefined ? (count !== undefined && /^\d+$/.test(m[1]) ? 1 : undefined) : UNIT_DAYS.find(([re]) => re.test(m[2]!))?.[1];
    if (count !== undefined && unit !== undefined) days = count * unit;
  }
  if (days === undefined || days < 1 || days > LIMITS.periodDaysMax) {
    return {
      ok: false,
      problem: `period “${value.trim()}” is not a number of days, weeks, months or years (1 to ${LIMITS.periodDaysMax} days)`,
    };
  }
  return { ok: true, value: days, note: /^\d+$/.test(v) ? undefined : `“${value.trim()}” read as ${days} days` };
}

// ---- statuses --------------------------------------------------------------------------------

/** What a sheet's status means here. "expired" is a date fact: the expiry says it, so nothing is marked. */
export type StatusReading = 'used' | 'unused' | 'expired';

/** The visible table: shown in the import dialog, so a team can see how its words are read. */
export const STATUS_TABLE: ReadonlyArray<{ reading: StatusReading; words: readonly string[] }> = [
  {
    reading: 'used',
    words: [
      'Used',
      'Live',
      'Running',
      'Active',
      'In use',
      'Paused',
      'Yes',
      'En uso',
      'Usado',
      'Activo',
      'Pausado',
      'Em uso',
      'Ativo',
      'Benutzt',
      'Verwendet',
      'Aktiv',
      'Läuft',
      'Pausiert',
      'Utilisé',
      'Actif',
      'En cours',
      'En pause',
    ],
  },
  {
    reading: 'unused',
    words: [
      'Unused',
      'New',
      'Ready',
      'Pending',
      'Not used',
      'No',
      'Sin usar',
      'Nuevo',
      'Listo',
      'Pendiente',
      'Não usado',
      'Novo',
      'Pronto',
      'Pendente',
      'Unbenutzt',
      'Neu',
      'Bereit',
      'Ausstehend',
      'Inutilisé',
      'Nouveau',
      'Prêt',
      'En attente',
    ],
  },
  { reading: 'expired', words: ['Expired', 'Caducado', 'Vencido', 'Expirado', 'Abgelaufen', 'Expiré'] },
];

const STATUS_WORDS: ReadonlyMap<string, StatusReading> = new Map(
  STATUS_TABLE.flatMap(({ reading, words }) => words.map((w) => [fold(w).replace(/[\s_-]+/g, ' '), reading] as const)),
);

/**
 * A status cell: `used`/`unused` to set, `expired` to leave alone, or undefined (with a note) when we do not
 * know the word; an unknown status never refuses the row, it only leaves the status as it was.
 */
export function readStatus(value: string): { reading?: StatusReading; note?: string } {
  const v = value.trim();
  const reading =
    STATUS_WORDS.get(fold(v).replace(/[\s_-]+/g, ' ')) ?? (/^(true|1|x|✓|y|si|sim|ja|oui)$/i.test(fold(v)) ? 'used' : undefined);
  if (!reading) return { note: `status “${v}” is not one we know (see the status table); the status is left as it was` };
  if (reading === 'expired') return { reading, note: `“${v}” read as expired: the expiry date says so, nothing is marked` };
  const literal = fold(v) === reading;
  return { reading, note: literal ? undefined : `“${v}” read as ${reading}` };
}
