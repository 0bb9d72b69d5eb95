/**
 * Reads the sent date that mail pages print for a message ("Fri, Nov 20, 2026, 10:14 AM",
 * "vie, 20 nov 2026, 10:14", "2026年11月20日(金) 10:14", …) as local time, epoch ms.
 *
 * The expiry of a code is computed from this date, so a wrong date is worse than none:
 * anything ambiguous or implausible returns undefined and the caller falls back to the
 * capture time.
 */

export interface MailDateOptions {
  /** Now, epoch ms: dates more than a day in the future or before 2016 are refused. */
  now: number;
  /** How to read all-numeric dates such as 11/06/2026; without it, ambiguous ones are refused. */
  numericOrder?: 'mdy' | 'dmy';
}

/** Month names and abbreviations (lower case, no accents, no dots) in en, es, pt, de, fr, it. */
const MONTHS: Record<string, number> = {};
[
  'jan january ene enero janeiro januar janv janvier gen gennaio',
  'feb february febrero fev fevereiro februar fevr fevrier febbraio',
  'mar march marzo marco marz mars',
  'apr april abr abril avr avril aprile',
  'may mayo mai maio mag maggio',
  'jun june junio junho juni juin giu giugno',
  'jul july julio julho juli juil juillet lug luglio',
  'aug august ago agosto aout',
  'sep sept september septiembre set setembro septembre settembre',
  'oct october octubre out outubro okt oktober octobre ott ottobre',
  'nov november noviembre novembro novembre',
  'dec december dic diciembre dez dezembro dezember dec decembre dicembre',
].forEach((names, month) => names.split(' ').forEach((n) => (MONTHS[n] = month)));

const EARLIEST = Date.UTC(2016, 0, 1);
const DAY_MS = 86_400_000;

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009\u200e\u200f]/g, ' ');
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Time of day, with AM/PM in the spellings Gmail and Outlook use (12 h clock optional). */
function readTime(s: string): { hour: number; minute: number; rest: string } | undefined {
  const m = /(午前|午後)?\s*(?<!\d)(\d{1,2})(?::|h(?=\d))(\d{2})(?::\d{2})?\s*(a\.?\s?m\.?|p\.?\s?m\.?|午前|午後)?/.exec(s);
  if (!m) return undefined;
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const marker = (m[1] ?? m[4] ?? '').replace(/[.\s]/g, '');
  if (marker) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = marker === 'pm' || marker === '午後';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length) };
}

function readDate(s: string, order?: 'mdy' | 'dmy'): Omit<Parts, 'hour' | 'minute'> | undefined {
  // 2026年11月20日 / 2026/11/20 / 2026-11-20: year first is never ambiguous.
  const ymd = /(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})/.exec(s);
  if (ymd) return { year: +ymd[1], month: +ymd[2] - 1, day: +ymd[3] };

  const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s);
  if (numeric) {
    const a = +numeric[1];
    const b = +numeric[2];
    const year = +numeric[3];
    if (a > 12 && b <= 12) return { year, month: b - 1, day: a };
    if (b > 12 && a <= 12) return { year, month: a - 1, day: b };
    if (a === b) return { year, month: a - 1, day: a };
    if (!order) return undefined;
    return order === 'mdy' ? { year, month: a - 1, day: b } : { year, month: b - 1, day: a };
  }

  const words = s.match(/[a-z]+|\d+/g) ?? [];
  let year: number | undefined;
  const numbers: number[] = [];
  const months: { at: number; month: number }[] = [];
  words.forEach((w, at) => {
    if (/^\d+$/.test(w)) {
      if (w.length === 4 && year === undefined) year = +w;
      else if (w.length <= 2) numbers.push(+w);
    } else if (MONTHS[w] !== undefined) months.push({ at, month: MONTHS[w] });
  });
  // "mar" is both March and the es/fr/it weekday that leads the string: a leading word
  // yields to a later month name.
  const named = months.length > 1 ? months.filter((m) => m.at !== 0) : months;
  if (named.length !== 1 || year === undefined || numbers.length !== 1) return undefined;
  return { year, month: named[0].month, day: numbers[0] };
}

function toEpoch(p: Parts, { now }: MailDateOptions): number | undefined {
  const d = new Date(p.year, p.month, p.day, p.hour, p.minute);
  // Round trip catches Feb 30 and friends, which Date would silently roll over.
  if (d.getFullYear() !== p.year || d.getMonth() !== p.month || d.getDate() !== p.day) return undefined;
  const t = d.getTime();
  if (t < EARLIEST || t > now + DAY_MS) return undefined;
  return t;
}

export function parseMailDate(text: string | null | undefined, options: MailDateOptions): number | undefined {
  if (!text || text.length > 200) return undefined;
  const s = fold(text).replace(/\s+/g, ' ').trim();
  const time = readTime(s);
  if (time) {
    const date = readDate(time.rest, options.numericOrder);
    if (date) return toEpoch({ ...date, hour: time.hour, minute: time.minute }, options);
  }
  // Last resort for formats we do not know, but only when the engine reads a full date
  // (and never for 11/06/2026, which Date.parse would read the US way without a word).
  if (/\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(s)) return undefined;
  const t = Date.parse(text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+at\s+/i, ' '));
  if (Number.isNaN(t) || !/\d{4}/.test(text) || t < EARLIEST || t > options.now + DAY_MS) return undefined;
  return t;
}
