/**
 * Period phrases: "30 days", "a week", "dos meses", "zwei Monate", "na 30 dni", "на 60 дней", "iki ay", "30日間",
 * "30天", "两个月", "30일", "한 달" … mapped onto the periods TikTok offers. Whether a phrase is about the
 * authorization is decided by the cue words in periods.ts.
 *
 * Pure string code: flat alternations only (no nested quantifiers), so the scan is linear in the text length.
 */

/** The periods TikTok offers when a creator authorizes a post. */
export type AllowedPeriod = 7 | 30 | 60 | 365;

type UnitKind = 'day' | 'week' | 'month' | 'year';

/** Space-separated word lists → a lookup (lists keep the shipped bundle small: no quotes or values per word). */
function table<V>(lists: [V, string][]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [value, words] of lists) for (const w of words.trim().split(/\s+/)) out[w] = value;
  return out;
}
const words = (list: string) => new Set(list.split(' '));

/** Number words that can precede a period unit, per language (lower case). */
const NUMBER_WORDS = table<number>([
  // en ("a"/"an"/"the" only before English units, see ENGLISH_UNITS; "the" only as "the full year"); es, pt, it, fr; de; nl ("een" only before Dutch
  // units, see DUTCH_UNITS; "Eén" is how "één" is capitalized); pl; tr ("bir" is also "a"); ru
  [1, `a an the one un una uno um uma une ein eine einen einem einer een één eén jeden jedna jedno bir один одна одну`],
  [2, 'two dos dois duas deux due zwei twee dwa dwie iki два две'],
  [4, 'four'],
  [7, 'seven siete sete sept sette sieben zeven siedem yedi семь'],
  [8, 'eight'],
  [12, 'twelve doce doze douze dodici zwölf zwoelf twaalf dwanaście двенадцать'],
  [30, 'thirty treinta trinta trente trenta dreißig dreissig dertig trzydzieści otuz тридцать'],
  [60, 'sixty sesenta sessenta soixante sessanta sechzig zestig sześćdziesiąt altmış шестьдесят'],
  // Spelled-out 365 is rare; the year forms cover it.
]);

/** Lower-case unit spellings → kind. Longer spellings must come first in the regex (see UNIT_ALTERNATION). */
const UNITS = table<UnitKind>([
  // en; es/pt; de; fr; it; nl; pl; tr (suffixed: "60 günlük", "1 yıllık", "7 günlüğüne"); ru ("7 дн." is common)
  ['day', `days day dys d días dias día dia tagen tage tag tägigen tägige tägiger tägig jours jour j giorni giorno gg
    dagen dag dni dzień dnia gün günlük günlüğüne день дня дней дн`],
  ['week', `weeks week wks wk w semanas semana wochen woche semaines semaine settimane settimana weken
    tydzień tygodnie tygodni hafta haftalık неделя недели неделю недель`],
  ['month', `months month mths mth mos mo meses mês mes monaten monate monats monat mois mesi mese maanden maand
    miesiąc miesiące miesięcy miesiąca ay aylık месяц месяца месяцев`],
  ['year', `years year yrs yr y años año anos ano jahren jahre jahres jahr années année ans an anni anno jaren jaar
    rok lata yıl yıllık sene senelik год года`],
]);

/** Abbreviations that only count after digits ("60d", "30 j"), never after a word ("a d", "un mo"). */
const DIGIT_ONLY_UNITS = words('d w y j gg mo mos yr yrs wk wks mth mths dys');
/** "a"/"an" are English articles; "a semana" is Portuguese for "the week", not "one week". */
const ENGLISH_UNITS = words('day days week weeks month months year years');
/** "een" is Dutch for "a"/"one"; only before Dutch units (an English "een" does not exist, but keep it tight). */
const DUTCH_UNITS = words('dagen dag week weken maanden maand jaar jaren');
const DUTCH_ONLY_NUMBERS = words('een één eén');
/** "ay" is Turkish for month and "bir" for one: Turkish units only after digits or Turkish numbers, and back. */
const TURKISH_UNITS = words('gün günlük günlüğüne hafta haftalık ay aylık yıl yıllık sene senelik');
const TURKISH_ONLY_NUMBERS = words('bir iki yedi otuz altmış');
/** Turkish units that take more suffixes ("günlüktü", "yıllığına"); not "ay" ("ayrı" is "separate"). */
const TURKISH_STEMS = table<UnitKind>([
  ['day', 'gün günlük günlüğ'], ['week', 'hafta haftalık haftalığ'], ['month', 'aylık aylığ'],
  ['year', 'yıl yıllık yıllığ sene senelik seneliğ'],
]);

/** "a full year", "ein ganzes Jahr", "een heel jaar": a filler word between the number and the unit. */
const FILLER_WORDS = 'full|whole|entire|ganze[ns]?|volle[ns]?|hele|heel';

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const UNIT_ALTERNATION = Object.keys(UNITS).sort(byLengthDesc).join('|');
const TURKISH_STEM_ALTERNATION = Object.keys(TURKISH_STEMS).sort(byLengthDesc).join('|');
// "İki ay": a capital dotted İ does not case-fold to "i" in a regex, so spell it out.
const NUMBER_WORD_ALTERNATION = [...Object.keys(NUMBER_WORDS), 'İki'].sort(byLengthDesc).join('|');
/** Lower case, with Turkish "İ" (which lower-cases to "i" + a combining dot) read as "i". */
const lowerWord = (w: string) => w.toLowerCase().replace(/\u0307/g, '');

/**
 * "30 days", "30-day", "a week", "zwei Monate", "60d", "un an" …
 * The look-behind keeps "x60d" or "in2days" inside a longer word (or a code body) from matching.
 */
const LATIN_PERIOD_RE = new RegExp(
  '(?<![\\p{L}\\p{N}_+/])' + // not inside a word, number or code body
    `(?:(\\d{1,3})|(${NUMBER_WORD_ALTERNATION}))` + // 1: digits, 2: number word
    '([ \\t]{0,2}[-‐‑–][ \\t]{0,2}|[ \\t]{1,2})?' + // 3: gap ("30 days", "30-day", "30days")
    `(?:(${FILLER_WORDS})[ \\t]{1,2})?` + // 4: "a full year"
    // 5: unit, or 6: a Turkish unit with a suffix stacked on it ("60 günlüktü", "1 yıllığına"), bounded
    `(?:(${UNIT_ALTERNATION})|(${TURKISH_STEM_ALTERNATION})\\p{L}{1,6})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/** Japanese counters: "7日", "30日間", "1ヶ月", "2か月", "1年", "一週間". No word boundaries in Japanese. */
const JA_PERIOD_RE = new RegExp(
  '(?<![0-9一二三四五六七八九十百千])(\\d{1,3}|十二|三十|六十|一|二|七)[ \\t]?' +
    '(日間|日|週間|ヶ月間|ヶ月|か月間|か月|カ月間|カ月|ヵ月間|ヵ月|ケ月間|ケ月|箇月間|箇月|年間|年)',
  'g',
);

const JA_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 七: 7, 十二: 12, 三十: 30, 六十: 60 };

function jaUnitKind(unit: string): UnitKind {
  if (unit.startsWith('日')) return 'day';
  if (unit.startsWith('週')) return 'week';
  if (unit.startsWith('年')) return 'year';
  return 'month';
}

/** Maps "n units" onto TikTok's offered periods; anything else (3 months, 14 days) is not a period we know. */
function toAllowedPeriod(n: number, kind: UnitKind): AllowedPeriod | null {
  switch (kind) {
    case 'day':
      return n === 7 || n === 30 || n === 60 || n === 365 ? n : null;
    case 'week':
      return n === 1 ? 7 : n === 4 ? 30 : n === 8 ? 60 : n === 52 ? 365 : null;
    case 'month':
      return n === 1 ? 30 : n === 2 ? 60 : n === 12 ? 365 : null;
    case 'year':
      return n === 1 ? 365 : null;
  }
}

/** Parses a short phrase such as "2 months" or "un año" (the whole phrase); null when it is no allowed period. */
export function parsePeriodPhrase(phrase: string): AllowedPeriod | null {
  const ascii = phrase.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const found = scanPeriodPhrases(ascii);
  return found.length === 1 ? found[0].days : null;
}

export interface RawPeriod {
  start: number;
  end: number;
  days: AllowedPeriod;
}

/**
 * Polish and Russian say "one" with the bare unit: "na rok", "ważny miesiąc", "(tydzień)", "на год", "на месяц".
 * Not after a number ("2026 год" is a year), and not "za tydzień" ("in a week", a deadline).
 */
const BARE_UNIT_RE = /(?<![\p{L}\p{N}_+/])(?<!\p{N}[ \t])(za[ \t]+)?(tydzień|miesiąc|rok|неделю|неделя|месяц|год)(?![\p{L}\p{N}_])/giu;

/**
 * Chinese counters the Japanese scan doesn't know: "30天", "七天", "两个月", "一个月", "一周", "一星期"
 * ("一年", "30日" are read by JA_PERIOD_RE). A bare "月" after a digit is a month name ("1月20日"), never a period.
 */
const ZH_PERIOD_RE = /(?<![0-9一二三四五六七八九十百千两兩第])(\d{1,3}|十二|三十|六十|一|二|两|兩|七)[ \t]?(天|个月|個月|个星期|個星期|星期|周|週(?!間))/g;
const ZH_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 兩: 2, 七: 7, 十二: 12, 三十: 30, 六十: 60 };

function zhUnitKind(unit: string): UnitKind {
  if (unit === '天') return 'day';
  return unit.endsWith('月') ? 'month' : 'week';
}

/** Korean: "30일", "60일간", "1주일", "일주일", "2개월", "한 달", "두 달", "1년". "10월 6일" is a date. */
const KO_PERIOD_RE = /(?<![0-9])(\d{1,3})[ \t]?(일간|일|주일|주간|주|개월간|개월|달간|달|년간|년)|(?<![가-힣])(한|두|열두)[ \t]?(달)|(?<![가-힣])일주일/g;
const KO_NATIVE_NUMBERS: Record<string, number> = { 한: 1, 두: 2, 열두: 12 };

function koUnitKind(unit: string): UnitKind {
  if (unit.startsWith('일')) return 'day';
  if (unit.startsWith('주')) return 'week';
  if (unit.startsWith('년')) return 'year';
  return 'month';
}

export function scanPeriodPhrases(text: string, limit = Infinity): RawPeriod[] {
  const out: RawPeriod[] = [];
  const push = (start: number, length: number, days: AllowedPeriod | null) => {
    if (days !== null && out.length < limit) out.push({ start, end: start + length, days });
  };
  const latinEnds = new Set<number>();
  for (const m of text.matchAll(LATIN_PERIOD_RE)) {
    if (out.length >= limit) break;
    const [whole, digits, word, gap, filler, unitRaw, stemRaw] = m;
    const unit = lowerWord(unitRaw ?? stemRaw);
    const kind = unitRaw !== undefined ? UNITS[unit] : TURKISH_STEMS[unit];
    latinEnds.add(m.index + whole.length);
    if (word !== undefined) {
      const w = lowerWord(word);
      if (DIGIT_ONLY_UNITS.has(unit)) continue;
      if ((w === 'a' || w === 'an' || w === 'the') && !ENGLISH_UNITS.has(unit)) continue;
      if (DUTCH_ONLY_NUMBERS.has(w) && !DUTCH_UNITS.has(unit)) continue;
      if (TURKISH_ONLY_NUMBERS.has(w) !== (TURKISH_UNITS.has(unit) || stemRaw !== undefined)) continue;
      // "a" needs a space before the unit: "a week", not "aweek"; every word number does.
      if (!gap) continue;
      // "the full year" is one year; "the year" alone is not a period.
      if (w === 'the' && !filler) continue;
    }
    // "60d" / "1y" / "2w" are fine, but "1 y 2" is Spanish for "1 and 2"; French "30 j" is common though.
    if (digits !== undefined && unit.length === 1 && unit !== 'j' && gap) continue;
    const n = digits !== undefined ? Number(digits) : NUMBER_WORDS[lowerWord(word)];
    push(m.index, whole.length, toAllowedPeriod(n, kind));
  }
  for (const m of text.matchAll(BARE_UNIT_RE)) {
    const [whole, za, unitRaw] = m;
    if (za || latinEnds.has(m.index + whole.length)) continue;
    push(m.index, whole.length, toAllowedPeriod(1, UNITS[unitRaw.toLowerCase()]));
  }
  for (const m of text.matchAll(JA_PERIOD_RE)) {
    const [whole, num, unit] = m;
    // "11月30日" is a date (30th of November), not 30 days.
    if (unit === '日' && m.index > 0 && text[m.index - 1] === '月') continue;
    const n = /^\d/.test(num) ? Number(num) : JA_NUMBERS[num];
    push(m.index, whole.length, toAllowedPeriod(n, jaUnitKind(unit)));
  }
  for (const m of text.matchAll(ZH_PERIOD_RE)) {
    const [whole, num, unit] = m;
    push(m.index, whole.length, toAllowedPeriod(/^\d/.test(num) ? Number(num) : ZH_NUMBERS[num], zhUnitKind(unit)));
  }
  for (const m of text.matchAll(KO_PERIOD_RE)) {
    const [whole, digits, unit, native] = m;
    if (digits !== undefined) {
      // "10월 6일" / "6일 (화)": a day of the month.
      if (unit === '일' && /월[ \t]?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
      push(m.index, whole.length, toAllowedPeriod(Number(digits), koUnitKind(unit)));
    } else {
      push(m.index, whole.length, native !== undefined ? toAllowedPeriod(KO_NATIVE_NUMBERS[native], 'month') : 7);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
