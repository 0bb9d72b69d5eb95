/**
 * Reads the sent date that mail and chat pages print for a message ("Wed, Aug 20, 2025, 1:19 PM",
 * "20 авг. 2025 г., 13:19", "2025年8月20日 下午1:19", "Yesterday 9:41 AM", …) as epoch ms, the wall-clock
 * minute taken in the page's time zone (`timeZone`, default: this browser's).
 *
 * The expiry of a code is computed from this date, so a wrong date is worse than none: anything ambiguous,
 * contradictory or implausible returns undefined, and the caller asks the user instead of guessing.
 * Runs in the background (page scripts send the printed text): no dependencies, only the built-in Intl.
 */

export interface MailDateOptions {
  /** Now, epoch ms: dates more than a day in the future or before 2016 are refused; "Today 9:41" is read from it. */
  now: number;
  /** How to read all-numeric dates such as 11/06/2026; without it (and no weekday to decide), ambiguous ones are refused. */
  numericOrder?: 'mdy' | 'dmy';
  /** The zone the page prints its times in (`zoneClock('Europe/Berlin')` from mail-date-zone.ts); default: the browser's. */
  zone?: ZoneClock;
}

/** Wall clock ↔ epoch in one time zone. Kept out of this file so the mail-page scripts stay small. */
export interface ZoneClock {
  /** Epoch ms of a wall-clock minute, or undefined when that minute does not exist or exists twice (DST). */
  toEpoch(d: Day, hour: number, minute: number): number | undefined;
  /** The calendar day of `t` in the zone. */
  dayOf(t: number): Day;
}

/** Month names and abbreviations (lower case, no accents, no dots) in en, es, pt, de, fr, it, nl; pl, tr, ru as Gmail abbreviates them. */
const MONTHS: Record<string, number> = {};
[
  'jan january ene enero janeiro januar janv janvier gen gennaio januari sty oca янв января',
  'feb february febrero fev fevereiro februar fevr fevrier febbraio februari lut sub фев февр февраля',
  'mar march marzo marco marz mars mrt maart мар марта',
  'apr april abr abril avr avril aprile kwi nis апр апреля',
  'may mayo mai maio mag maggio mei maj мая',
  'jun june junio junho juni juin giu giugno cze haz июн июня',
  'jul july julio julho juli juil juill juillet lug luglio lip tem июл июля',
  'aug august ago agosto aout augustus sie agu авг августа',
  'sep sept september septiembre set setembro septembre settembre wrz eyl сен сент сентября',
  'oct october octubre out outubro okt oktober octobre ott ottobre paz eki окт октября',
  'nov november noviembre novembro novembre lis kas ноя нояб ноября',
  'dec december dic diciembre dez dezembro dezember decembre dicembre gru ara дек декабря',
].forEach((names, month) => names.split(' ').forEach((n) => (MONTHS[n] = month)));

/** Weekday abbreviations (0 = Sunday) printed before dates and in chat dividers. */
const WEEKDAYS: Record<string, number> = {};
[
  // … and tr, pl, ru, whose Outlook dates need the weekday to decide day/month order
  'sun sunday dom so dim zo paz nie niedz вс',
  'mon monday lun seg mo ma pzt pon пн',
  'tue tuesday mar ter di sal wt вт',
  'wed wednesday mie qua mi mer wo car sr ср',
  'thu thursday jue qui do jeu gio per czw чт',
  'fri friday vie sex fr ven vr cum pt пт',
  'sat saturday sab sa sam za cmt sob сб',
].forEach((names, day) => names.split(' ').forEach((n) => (WEEKDAYS[n] = day)));

/** "Today 9:41 AM", "Yesterday …" in the languages of the product. */
const TODAY = /^(?:today|hoy|hoje|heute|aujourd.hui|oggi|vandaag|今日|今天|오늘)$/;
const YESTERDAY = /^(?:yesterday|ayer|ontem|gestern|hier|ieri|gisteren|昨日|昨天|어제)$/;
/** Words between the day and the time: "Yesterday at 9:41", "Hoy a las 9:41", "Gestern um 9:41", "Hier à 9h41". */
const CONNECTORS = /[,.]|(?<!\p{L})(?:at|a las|as|às|um|à|alle|om|o)(?!\p{L})/gu;

const EARLIEST = Date.UTC(2016, 0, 1);
const DAY_MS = 86_400_000;

function fold(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u200e\u200f]/g, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

export interface Day {
  year: number;
  month: number;
  day: number;
}

interface Time {
  hour: number;
  minute: number;
  /** The text with the time taken out. */
  rest: string;
}

/** "13:19", "9h41", fr-CA "15 h 12". AM / PM: "PM", "p. m." after the time; 午後, 下午, 오후, 晚上 … before it (or after, in TikTok Shop's chat). */
const CJK_MERIDIEM = '午前|午後|上午|下午|早上|凌晨|晚上|中午|오전|오후';
const PM = /^(?:pm|午後|下午|晚上|中午|오후)$/;
const TIME_RE = new RegExp(
  `(?:(${CJK_MERIDIEM})\\s*)?(?<!\\d)(\\d{1,2})(?::| ?h ?(?=\\d{2}))(\\d{2})(?::\\d{2})?(?!\\d)(?:\\s*(a\\.? ?m\\.?|p\\.? ?m\\.?|${CJK_MERIDIEM})(?![a-z]))?`,
);

/** Time of day, with AM/PM in the spellings mail and chat pages use (12 h clock optional). */
function readTime(s: string): Time | undefined {
  const m = TIME_RE.exec(s);
  if (!m) return undefined;
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  if (m[1] && m[4]) return undefined;
  const marker = (m[1] ?? m[4] ?? '').replace(/[.\s]/g, '');
  if (marker) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = PM.test(marker);
    // 中午 ("noon") 12:30 is 12:30; 晚上/下午 1:00 is 13:00.
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, rest: s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length) };
}

/** The weekday named in the text, -1 when none, -2 when two different ones are named. */
function readWeekday(words: string[]): number {
  let found = -1;
  for (const w of words) {
    const d = WEEKDAYS[w];
    if (d === undefined) continue;
    if (found !== -1 && found !== d) return -2;
    found = d;
  }
  return found;
}

function weekdayOf(d: Day): number {
  return new Date(Date.UTC(d.year, d.month, d.day)).getUTCDay();
}

function readDate(s: string, order?: 'mdy' | 'dmy'): Day | undefined {
  // 2026年11月20日 / 2026년 11월 20일 / 2026/11/20 / 2026-11-20: year first is never ambiguous.
  const ymd = /(\d{4})\s*[年년/.-]\s*(\d{1,2})\s*[月월/.-]\s*(\d{1,2})/.exec(s);
  if (ymd) return { year: +ymd[1], month: +ymd[2] - 1, day: +ymd[3] };

  const words = s.match(/\p{L}+|\d+/gu) ?? [];
  const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s);
  if (numeric) {
    const a = +numeric[1];
    const b = +numeric[2];
    const year = +numeric[3];
    const mdy = { year, month: a - 1, day: b };
    const dmy = { year, month: b - 1, day: a };
    const readings = a === b ? [mdy] : [mdy, dmy].filter((d) => d.month <= 11 && d.day >= 1 && d.day <= 31);
    // A printed weekday decides the order ("Mon 11/06/2026"); one that fits no reading means we misread.
    const weekday = readWeekday(words.filter((w) => !/^\d/.test(w)));
    if (weekday === -2) return undefined;
    if (weekday >= 0) {
      const fits = readings.filter((d) => weekdayOf(d) === weekday);
      return fits.length === 1 ? fits[0] : undefined;
    }
    if (readings.length === 1) return readings[0];
    if (!order) return undefined;
    return order === 'mdy' ? mdy : dmy;
  }

  let year: number | undefined;
  const numbers: number[] = [];
  const months: { at: number; month: number }[] = [];
  words.forEach((w, at) => {
    if (/^\d+$/.test(w)) {
      if (w.length === 4 && year === undefined) year = +w;
      else if (w.length <= 2) numbers.push(+w);
    } else if (MONTHS[w] !== undefined) months.push({ at, month: MONTHS[w] });
  });
  // "mar" is March and the es/fr/it Tuesday ("mar., 6 oct. 2026"); Turkish "Paz" is Sunday and Polish October
  // ("14 Mar 2021 Paz"). With two month names, one that is no weekday wins; else the one next to the day number.
  // Weekday names printed with the date are checked against it below, so a wrong pick is refused, not used.
  const named = months.length > 1 ? pickMonth(months, words) : months;
  if (named.length !== 1 || year === undefined || numbers.length !== 1) return undefined;
  const date = { year, month: named[0].month, day: numbers[0] };
  // A weekday printed with a worded date must agree with it too ("Wed, Aug 20, 2025").
  const weekday = readWeekday(words.filter((w, at) => at !== named[0].at && !/^\d/.test(w)));
  if (weekday >= 0 && weekdayOf(date) !== weekday && date.day <= 31) return undefined;
  return date;
}

function pickMonth(months: { at: number; month: number }[], words: string[]): { at: number; month: number }[] {
  const notWeekdays = months.filter((m) => WEEKDAYS[words[m.at]] === undefined);
  if (notWeekdays.length > 0) return notWeekdays;
  const day = words.findIndex((w) => /^\d{1,2}$/.test(w));
  if (day === -1) return months;
  const distance = (m: { at: number }) => Math.abs(m.at - day);
  const nearest = Math.min(...months.map(distance));
  const near = months.filter((m) => distance(m) === nearest);
  // "mar, 1 mar 2022": both are Tuesday/March, one each side of the day; a leading word is the weekday.
  return near.length > 1 ? near.filter((m) => m.at !== 0) : near;
}

/** The browser's own zone, through Date (no Intl needed). */
const LOCAL: ZoneClock = {
  toEpoch(d, hour, minute) {
    const t = new Date(d.year, d.month, d.day, hour, minute);
    // Round trip catches Feb 30 (Date rolls it over) and a minute skipped by a DST change.
    const same = t.getFullYear() === d.year && t.getMonth() === d.month && t.getDate() === d.day;
    return same && t.getHours() === hour && t.getMinutes() === minute ? t.getTime() : undefined;
  },
  dayOf(t) {
    const d = new Date(t);
    return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate() };
  },
};

function toEpoch(d: Day, hour: number, minute: number, { now, zone = LOCAL }: MailDateOptions): number | undefined {
  const t = zone.toEpoch(d, hour, minute);
  return t === undefined || t < EARLIEST || t > now + DAY_MS ? undefined : t;
}

/** The calendar day `daysBack` days before now's day, in the page's zone. */
function dayBefore({ now, zone = LOCAL }: MailDateOptions, daysBack: number): Day {
  const today = zone.dayOf(now);
  const d = new Date(Date.UTC(today.year, today.month, today.day - daysBack));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/**
 * Chat dividers without a year: "Today 9:41 AM", "Yesterday 9:41 AM", "Mon 9:41 AM" (the last 7 days),
 * "9:41 AM" (today). A time later than now on the day it names is refused rather than moved.
 */
function readRelative(time: Time, options: MailDateOptions): number | undefined {
  const rest = time.rest.replace(CONNECTORS, ' ').replace(/\s+/g, ' ').trim();
  let daysBack: number;
  if (rest === '' || TODAY.test(rest)) daysBack = 0;
  else if (YESTERDAY.test(rest)) daysBack = 1;
  else {
    const weekday = WEEKDAYS[rest];
    if (weekday === undefined) return undefined;
    daysBack = (weekdayOf(dayBefore(options, 0)) - weekday + 7) % 7;
    if (daysBack === 0) return undefined; // today, or a week ago? A page says "Today" for today: refuse.
  }
  const t = toEpoch(dayBefore(options, daysBack), time.hour, time.minute, options);
  if (t === undefined || t > options.now + 60_000) return undefined;
  return t;
}

export function parseMailDate(text: string | null | undefined, options: MailDateOptions): number | undefined {
  if (!text || text.length > 200) return undefined;
  // ISO with its zone ("2026-11-20T10:14:00Z"): the string says which instant it is.
  if (/^\d{4}-\d\d-\d\dt[\d:.]+(z|[+-][\d:]{4,5})$/i.test(text.trim())) {
    const t = Date.parse(text.trim());
    return t >= EARLIEST && t <= options.now + DAY_MS ? t : undefined;
  }
  const s = fold(text).replace(/\s+/g, ' ').trim();
  const time = readTime(s);
  if (time) {
    const date = readDate(time.rest, options.numericOrder);
    if (date) return toEpoch(date, time.hour, time.minute, options);
    if (!/\d{4}/.test(time.rest) && !/\d{1,2}[/.-]\d{1,2}/.test(time.rest)) return readRelative(time, options);
  }
  return undefined;
}
