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

/** Number words that can precede a period unit, per language (lower case). */
const NUMBER_WORDS: Record<string, number> = {
  // English ("a"/"an" only count before English units, see ENGLISH_UNITS)
  a: 1, an: 1, one: 1, two: 2, four: 4, seven: 7, eight: 8, twelve: 12, thirty: 30, sixty: 60,
  // Spanish / Portuguese / Italian / French share several words
  un: 1, una: 1, uno: 1, um: 1, uma: 1, une: 1,
  dos: 2, dois: 2, duas: 2, deux: 2, due: 2,
  siete: 7, sete: 7, sept: 7, sette: 7,
  doce: 12, doze: 12, douze: 12, dodici: 12,
  treinta: 30, trinta: 30, trente: 30, trenta: 30,
  sesenta: 60, sessenta: 60, soixante: 60, sessanta: 60,
  // German
  ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, zwei: 2, sieben: 7, 'zwölf': 12, zwoelf: 12,
  'dreißig': 30, dreissig: 30, sechzig: 60,
  // Dutch ("een" only before Dutch units, see DUTCH_UNITS; "Eén" is how "één" is capitalized)
  een: 1, 'één': 1, 'eén': 1, twee: 2, zeven: 7, twaalf: 12, dertig: 30, zestig: 60,
  // Polish
  jeden: 1, jedna: 1, jedno: 1, dwa: 2, dwie: 2, siedem: 7, 'dwanaście': 12, 'trzydzieści': 30, 'sześćdziesiąt': 60,
  // Turkish ("bir" is also "a")
  bir: 1, iki: 2, yedi: 7, otuz: 30, 'altmış': 60,
  // Russian
  'один': 1, 'одна': 1, 'одну': 1, 'два': 2, 'две': 2, 'семь': 7, 'двенадцать': 12, 'тридцать': 30, 'шестьдесят': 60,
  // Spanish / Portuguese / French / Italian / German spelled-out 365 is rare; the year forms cover it.
};

/** Lower-case unit spellings → kind. Longer spellings must come first in the regex (see UNIT_ALTERNATION). */
const UNITS: Record<string, UnitKind> = {
  // day
  days: 'day', day: 'day', dys: 'day', d: 'day',
  'días': 'day', dias: 'day', 'día': 'day', dia: 'day',
  tagen: 'day', tage: 'day', tag: 'day', 'tägigen': 'day', 'tägige': 'day', 'tägiger': 'day', 'tägig': 'day',
  jours: 'day', jour: 'day', j: 'day',
  giorni: 'day', giorno: 'day', gg: 'day',
  // week
  weeks: 'week', week: 'week', wks: 'week', wk: 'week', w: 'week',
  semanas: 'week', semana: 'week', wochen: 'week', woche: 'week',
  semaines: 'week', semaine: 'week', settimane: 'week', settimana: 'week',
  // month
  months: 'month', month: 'month', mths: 'month', mth: 'month', mos: 'month', mo: 'month',
  meses: 'month', 'mês': 'month', mes: 'month',
  monaten: 'month', monate: 'month', monats: 'month', monat: 'month',
  mois: 'month', mesi: 'month', mese: 'month',
  // year
  years: 'year', year: 'year', yrs: 'year', yr: 'year', y: 'year',
  'años': 'year', 'año': 'year', anos: 'year', ano: 'year',
  jahren: 'year', jahre: 'year', jahres: 'year', jahr: 'year',
  'années': 'year', 'année': 'year', ans: 'year', an: 'year',
  anni: 'year', anno: 'year',
  // Dutch
  dagen: 'day', dag: 'day', weken: 'week', maanden: 'month', maand: 'month', jaren: 'year', jaar: 'year',
  // Polish
  dni: 'day', 'dzień': 'day', dnia: 'day', 'tydzień': 'week', tygodnie: 'week', tygodni: 'week',
  'miesiąc': 'month', 'miesiące': 'month', 'miesięcy': 'month', 'miesiąca': 'month', rok: 'year', lata: 'year',
  // Turkish (the suffixed forms: "60 günlük", "1 yıllık", "7 günlüğüne")
  'gün': 'day', 'günlük': 'day', 'günlüğüne': 'day', hafta: 'week', 'haftalık': 'week', ay: 'month', 'aylık': 'month',
  'yıl': 'year', 'yıllık': 'year', sene: 'year', 'senelik': 'year',
  // Russian ("7 дн." is a common abbreviation)
  'день': 'day', 'дня': 'day', 'дней': 'day', 'дн': 'day', 'неделя': 'week', 'недели': 'week', 'неделю': 'week',
  'недель': 'week', 'месяц': 'month', 'месяца': 'month', 'месяцев': 'month', 'год': 'year', 'года': 'year',
};

/** Abbreviations that only count after digits ("60d", "30 j"), never after a word ("a d", "un mo"). */
const DIGIT_ONLY_UNITS = new Set([
  'd', 'w', 'y', 'j', 'gg', 'mo', 'mos', 'yr', 'yrs', 'wk', 'wks', 'mth', 'mths', 'dys',
]);
/** "a"/"an" are English articles; "a semana" is Portuguese for "the week", not "one week". */
const ENGLISH_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
/** "een" is Dutch for "a"/"one"; only before Dutch units (an English "een" does not exist, but keep it tight). */
const DUTCH_UNITS = new Set(['dagen', 'dag', 'week', 'weken', 'maanden', 'maand', 'jaar', 'jaren']);
const DUTCH_ONLY_NUMBERS = new Set(['een', 'één', 'eén']);
/** "ay" (Turkish month) and "rok" (Polish year) are also ordinary words elsewhere: only after Turkish/Polish numbers or digits. */
const TURKISH_UNITS = new Set(['gün', 'günlük', 'günlüğüne', 'hafta', 'haftalık', 'ay', 'aylık', 'yıl', 'yıllık', 'sene', 'senelik']);
const TURKISH_ONLY_NUMBERS = new Set(['bir', 'iki', 'yedi', 'otuz', 'altmış']);

/** "a full year", "ein ganzes Jahr", "een heel jaar": a filler word between the number and the unit. */
const FILLER_WORDS = 'full|whole|entire|ganze[ns]?|volle[ns]?|hele|heel';

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const UNIT_ALTERNATION = Object.keys(UNITS).sort(byLengthDesc).join('|');
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
    `(?:(?:${FILLER_WORDS})[ \\t]{1,2})?` + // "a full year"
    `(${UNIT_ALTERNATION})(?![\\p{L}\\p{N}_])`, // 4: unit
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
const BARE_UNIT_RE = /(?<![\p{L}\p{N}_+/])(?<!\p{N}[ \t])(za[ \t]+)?(tydzień|miesiąc|rok|неделю|месяц|год)(?![\p{L}\p{N}_])/giu;
const BARE_UNITS: Record<string, UnitKind> = {
  'tydzień': 'week', 'miesiąc': 'month', rok: 'year', 'неделю': 'week', 'месяц': 'month', 'год': 'year',
};

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
    const [whole, digits, word, gap, unitRaw] = m;
    const unit = lowerWord(unitRaw);
    const kind = UNITS[unit];
    latinEnds.add(m.index + whole.length);
    if (word !== undefined) {
      const w = lowerWord(word);
      if (DIGIT_ONLY_UNITS.has(unit)) continue;
      if ((w === 'a' || w === 'an') && !ENGLISH_UNITS.has(unit)) continue;
      if (DUTCH_ONLY_NUMBERS.has(w) && !DUTCH_UNITS.has(unit)) continue;
      if (TURKISH_ONLY_NUMBERS.has(w) !== TURKISH_UNITS.has(unit)) continue;
      // "a" needs a space before the unit: "a week", not "aweek"; every word number does.
      if (!gap) continue;
    }
    // "60d" / "1y" / "2w" are fine, but "1 y 2" is Spanish for "1 and 2"; French "30 j" is common though.
    if (digits !== undefined && unit.length === 1 && unit !== 'j' && gap) continue;
    const n = digits !== undefined ? Number(digits) : NUMBER_WORDS[lowerWord(word)];
    push(m.index, whole.length, toAllowedPeriod(n, kind));
  }
  for (const m of text.matchAll(BARE_UNIT_RE)) {
    const [whole, za, unitRaw] = m;
    if (za || latinEnds.has(m.index + whole.length)) continue;
    push(m.index, whole.length, toAllowedPeriod(1, BARE_UNITS[unitRaw.toLowerCase()]));
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
