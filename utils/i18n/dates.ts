import { TZDate } from '@date-fns/tz';

/**
 * Dates shown to the user are computed in one chosen IANA zone (settings.timeZone), never
 * in whatever zone the machine happens to be in, so a calendar day means the same thing in the
 * calendar, the table, exports and notifications.
 */

/** 'local' (the browser's zone) or an unknown name resolves to a real IANA zone. */
export function resolveZone(setting: string | undefined): string {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  if (!setting || setting === 'local') return local;
  return isValidZone(setting) ? setting : local;
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the browser knows, for the settings picker. */
export function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

export interface DayParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function dayParts(ts: number, zone: string): DayParts {
  const d = new TZDate(ts, zone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of the instant in the zone: the key the calendar groups by. */
export function dayKey(ts: number, zone: string): string {
  const { year, month, day } = dayParts(ts, zone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** 'HH:MM' (24 h) of the instant in the zone, for <input type="time">. */
export function timeKey(ts: number, zone: string): string {
  const d = new TZDate(ts, zone);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The instant a wall-clock date and time denote in the zone. On a DST gap the clock time
 * does not exist; TZDate moves it forward, as calendars do.
 */
export function zonedInstant(date: string, time: string, zone: string): number | undefined {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time || '00:00');
  if (!dm || !tm) return undefined;
  const [y, mo, d] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
  const [h, mi] = [Number(tm[1]), Number(tm[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  const out = new TZDate(y, mo - 1, d, h, mi, zone);
  // Rejects 2026-02-31 and friends instead of silently rolling into March.
  if (out.getMonth() !== mo - 1 || out.getDate() !== d) return undefined;
  return out.getTime();
}

/** Adds whole calendar days in the zone (keeps the wall-clock time across DST). */
export function addZonedDays(ts: number, days: number, zone: string): number {
  const d = new TZDate(ts, zone);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/** Start (00:00) of the day containing ts, in the zone. */
export function startOfZonedDay(ts: number, zone: string): number {
  const d = new TZDate(ts, zone);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The 6×7 grid of day keys for a month view, weeks starting on `weekStartsOn` (0 = Sunday). */
export function monthGrid(year: number, month: number, weekStartsOn = 1): { key: string; inMonth: boolean; day: number }[] {
  // Pure calendar arithmetic in UTC: a grid of dates has no time zone.
  const first = Date.UTC(year, month - 1, 1);
  const lead = (new Date(first).getUTCDay() - weekStartsOn + 7) % 7;
  const cells = [];
  for (let i = 0; i < 42; i++) {
    const d = new Date(first + (i - lead) * 86_400_000);
    cells.push({
      key: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
      inMonth: d.getUTCMonth() === month - 1,
      day: d.getUTCDate(),
    });
  }
  return cells;
}

/**
 * Whole calendar days from the day containing `from` to the day containing `to`, in the zone:
 * the one rule for "days left" everywhere (popup, dashboard, code picker, notifications).
 */
export function calendarDaysBetween(from: number, to: number, zone: string): number {
  return daysBetweenKeys(dayKey(from, zone), dayKey(to, zone));
}

/** Whole days between two day keys (b − a), immune to DST because keys carry no clock. */
export function daysBetweenKeys(a: string, b: string): number {
  const toUtc = (k: string) => Date.UTC(Number(k.slice(0, 4)), Number(k.slice(5, 7)) - 1, Number(k.slice(8, 10)));
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language, zone and style: making an Intl.DateTimeFormat costs far more than
 * using one, and a list formats the same way for every row (the popup's first paint, the dashboard's table).
 */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function formatDate(ts: number, zone: string, locale: string, style: 'medium' | 'long' | 'short' = 'medium'): string {
  return dateFormat(locale, { dateStyle: style, timeZone: zone }).format(ts);
}

export function formatDateTime(ts: number, zone: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(ts);
}

export function formatMonth(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
}

/** Short weekday names in display order, starting at `weekStartsOn`. */
export function weekdayNames(locale: string, weekStartsOn = 1): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(Date.UTC(2023, 0, 1 + ((i + weekStartsOn) % 7))));
}
