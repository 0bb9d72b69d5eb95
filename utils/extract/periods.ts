/**
 * Authorization-period phrases ("30 days", "a week", "dos meses", "einen Monat", "1ヶ月" …) and whether the
 * words around a phrase are about the code's authorization or about something else (payment terms,
 * shipping deadlines …).
 *
 * Pure string code. No regex here nests quantifiers, and cue words are only searched in short windows
 * around each phrase, so the work is linear in the text length.
 */

/** The periods TikTok offers when a creator authorizes a post. */
export type AllowedPeriod = 7 | 30 | 60 | 365;

export interface PeriodMention {
  /** Index of the phrase in the text that was scanned. */
  start: number;
  end: number;
  days: AllowedPeriod;
  /**
   * `auth`: the nearest cue word talks about authorization / validity / expiry / the code.
   * `plain`: no cue either way (e.g. "Video 1 (30 days): #…"); only usable when it sits right next to a code.
   * Phrases whose nearest cue is about payment or a deadline ("we pay within 30 days") are not returned.
   */
  cue: 'auth' | 'plain';
  /** Said of several codes at once ("all three are one year", "same as before: 60 days", "todos duran un mes"). */
  shared: boolean;
}

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
  // Dutch ("een" only before Dutch units, see DUTCH_UNITS)
  een: 1, 'één': 1, twee: 2, zeven: 7, twaalf: 12, dertig: 30, zestig: 60,
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
};

/** Abbreviations that only count after digits ("60d", "30 j"), never after a word ("a d", "un mo"). */
const DIGIT_ONLY_UNITS = new Set([
  'd', 'w', 'y', 'j', 'gg', 'mo', 'mos', 'yr', 'yrs', 'wk', 'wks', 'mth', 'mths', 'dys',
]);
/** "a"/"an" are English articles; "a semana" is Portuguese for "the week", not "one week". */
const ENGLISH_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
/** "een" is Dutch for "a"/"one"; only before Dutch units (an English "een" does not exist, but keep it tight). */
const DUTCH_UNITS = new Set(['dagen', 'dag', 'week', 'weken', 'maanden', 'maand', 'jaar', 'jaren']);
const DUTCH_ONLY_NUMBERS = new Set(['een', 'één']);

/** "a full year", "ein ganzes Jahr", "een heel jaar": a filler word between the number and the unit. */
const FILLER_WORDS = 'full|whole|entire|ganze[ns]?|volle[ns]?|hele|heel';

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const UNIT_ALTERNATION = Object.keys(UNITS).sort(byLengthDesc).join('|');
const NUMBER_WORD_ALTERNATION = Object.keys(NUMBER_WORDS).sort(byLengthDesc).join('|');

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

interface RawPeriod {
  start: number;
  end: number;
  days: AllowedPeriod;
}

function scanPeriodPhrases(text: string, limit = Infinity): RawPeriod[] {
  const out: RawPeriod[] = [];
  for (const m of text.matchAll(LATIN_PERIOD_RE)) {
    if (out.length >= limit) break;
    const [whole, digits, word, gap, unitRaw] = m;
    const unit = unitRaw.toLowerCase();
    const kind = UNITS[unit];
    if (word !== undefined) {
      const w = word.toLowerCase();
      if (DIGIT_ONLY_UNITS.has(unit)) continue;
      if ((w === 'a' || w === 'an') && !ENGLISH_UNITS.has(unit)) continue;
      if (DUTCH_ONLY_NUMBERS.has(w) && !DUTCH_UNITS.has(unit)) continue;
      // "a" needs a space before the unit: "a week", not "aweek"; every word number does.
      if (!gap) continue;
    }
    // "60d" / "1y" / "2w" are fine, but "1 y 2" is Spanish for "1 and 2"; French "30 j" is common though.
    if (digits !== undefined && unit.length === 1 && unit !== 'j' && gap) continue;
    const n = digits !== undefined ? Number(digits) : NUMBER_WORDS[word.toLowerCase()];
    const days = toAllowedPeriod(n, kind);
    if (days !== null) out.push({ start: m.index, end: m.index + whole.length, days });
  }
  for (const m of text.matchAll(JA_PERIOD_RE)) {
    if (out.length >= limit) break;
    const [whole, num, unit] = m;
    // "11月30日" is a date (30th of November), not 30 days.
    if (unit === '日' && m.index > 0 && text[m.index - 1] === '月') continue;
    const n = /^\d/.test(num) ? Number(num) : JA_NUMBERS[num];
    const days = toAllowedPeriod(n, jaUnitKind(unit));
    if (days !== null) out.push({ start: m.index, end: m.index + whole.length, days });
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------
// Cue words. The nearest cue around a phrase decides what the phrase is about.

/** Words that say a period is about the authorization / the code's validity. */
const AUTH_CUE_RE = new RegExp(
  [
    // English
    '(?<!\\p{L})(?:authori[sz]\\p{L}*|autori[zcs]\\p{L}*|auth|valid\\p{L}*|expir\\p{L}*|period|duration|' +
      'lasts?|good for|active|whitelist\\p{L}*|allowlist\\p{L}*|usage|rights?|licen[cs]e\\p{L}*|spark|' +
      'boost\\p{L}*|code|codes|access|available|set|went (?:for|with)|going (?:for|with)|opted for|chose|picked|selected)(?!\\p{L})',
    // "I set it to", "elegí", "escolhi", "gewählt", "choisi", "impostato", "gekozen": the creator chose the period
    '(?<!\\p{L})(?:eleg[ií]\\p{L}*|seleccion\\p{L}*|configur\\p{L}*|escolh\\p{L}*|coloquei|gew[aä]hlt|ausgew[aä]hlt|' +
      'eingestellt|choisi\\p{L}*|r[eé]gl[eé]\\p{L}*|s[eé]lectionn\\p{L}*|impostat\\p{L}*|scelt[oa]|selezionat\\p{L}*|' +
      'mess[oa]|gekozen|ingesteld|gezet)(?!\\p{L})',
    // Spanish / Portuguese
    '(?<!\\p{L})(?:autoriza\\p{L}*|vale|dura|v[aá]lid\\p{L}*|vigencia|vence\\p{L}*|caduca\\p{L}*|expira\\p{L}*|' +
      'duraci[oó]n|dura[cç][aã]o|per[ií]odo|prazo|c[oó]digos?)(?!\\p{L})',
    // German
    '(?<!\\p{L})(?:autorisier\\p{L}*|freigabe\\p{L}*|freigegeben|g[uü]ltig\\p{L}*|l[aä]uft|ablauf\\p{L}*|' +
      'laufzeit|zeitraum|dauer|gilt|gelten|\\p{L}*code)(?!\\p{L})',
    // French / Italian
    '(?<!\\p{L})(?:autoris\\p{L}*|valables?|validit[eé]|expiration|dur[eé]e|p[eé]riode|autorizz\\p{L}*|' +
      'validit[aà]|scad\\p{L}*|durata|codice)(?!\\p{L})',
    // Dutch
    '(?<!\\p{L})(?:geldig\\p{L}*|geautoriseerd|autorisatie|looptijd|verloopt|vervalt|duur|advertentiecode)(?!\\p{L})',
    // Japanese
    '承認|許可|有効|期限|期間|認証|広告|コード|失効|権限|設定|選択|選び',
  ].join('|'),
  'giu',
);

/** Words that say a period is a payment term or a deadline, not an authorization. */
const OTHER_CUE_RE = new RegExp(
  [
    '(?<!\\p{L})(?:pay|pays|paying|payment|payments|payout|paid|invoic\\p{L}*|net|ship\\p{L}*|deliver\\p{L}*|' +
      'refund\\p{L}*|return\\p{L}*|reply|respond|within|deadline|due|' +
      'sale|discount|off|ago)(?!\\p{L})',
    '(?<!\\p{L})(?:pago|pagar|pagaremos|pagamos|factura|fatura|pagamento|dentro de|em at[eé]|' +
      'env[ií]o|entrega)(?!\\p{L})',
    '(?<!\\p{L})(?:zahlung\\p{L}*|zahlen|bezahl\\p{L}*|rechnung|innerhalb|lieferung|versand)(?!\\p{L})',
    '(?<!\\p{L})(?:paiement|payer|pay[eé]|facture|sous|livraison|pagare|pagato|fattura|entro|consegna)(?!\\p{L})',
    '(?<!\\p{L})(?:descuento|desconto|rabatt|r[eé]duction|sconto|korting|betaling|betalen|binnen|factuur|levering|verzending|' +
      'geleden|hace|atr[aá]s|vor|il y a|fa)(?!\\p{L})',
    '支払|以内|請求|振込|納品|発送|前|割引|オフ',
  ].join('|'),
  'giu',
);

/** How far (in characters) to look for cue words before / after a period phrase. */
const CUE_BEFORE = 80;
const CUE_AFTER = 50;

/**
 * The look-back window stops at the previous sentence end, blank line or barrier (a code): cues from another
 * sentence don't count. A single line break doesn't stop it: plain-text mail wraps sentences ("…within⏎30 days").
 */
function windowBefore(text: string, start: number, barrier: Barrier): [number, number] {
  const from = Math.max(0, start - CUE_BEFORE);
  let sawNewline = false;
  for (let i = start - 1; i >= from; i--) {
    const c = text[i];
    if (barrier(i) || c === '。' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ''))) {
      return [i + 1, start];
    }
    if (c === '\n') {
      if (sawNewline) return [i + 1, start];
      sawNewline = true;
    } else if (c !== ' ' && c !== '\t' && c !== '>') {
      sawNewline = false;
    }
  }
  return [from, start];
}

/** The look-ahead stops at the end of the clause: in "30 days, paid within 7 days" the "paid" belongs to 7. */
function windowAfter(text: string, end: number, barrier: Barrier): [number, number] {
  const limit = Math.min(text.length, end + CUE_AFTER);
  for (let i = end; i < limit; i++) {
    if (barrier(i) || /[\n,;()。、.!?]/.test(text[i])) return [end, i];
  }
  return [end, limit];
}

/** Positions cue windows must not cross (the caller passes "inside a code"). */
type Barrier = (i: number) => boolean;

interface Cue {
  kind: 'auth' | 'other';
  distance: number;
}

function nearestCue(text: string, from: number, to: number, before: boolean): Cue | null {
  const slice = text.slice(from, to);
  let best: Cue | null = null;
  for (const [re, kind] of [
    [AUTH_CUE_RE, 'auth'],
    [OTHER_CUE_RE, 'other'],
  ] as const) {
    for (const m of slice.matchAll(re)) {
      const distance = before ? slice.length - (m.index + m[0].length) : m.index;
      if (!best || distance < best.distance || (distance === best.distance && kind === 'auth')) {
        best = { kind, distance };
      }
    }
  }
  return best;
}

/**
 * Words right before a phrase that make a bare statement of it ("it's 30d", "I set it to 60 days", "they are
 * one year", "c'est 30 jours", "es de 60 días", "ist ein Jahr"). Only used when no cue word says otherwise:
 * "the campaign is 30 days" stays a campaign.
 */
const STATEMENT_RE = new RegExp(
  '(?<!\\p{L})(?:it[\'’]?s|it is|that[\'’]?s|one[\'’]s|is|are|was|were|be|set(?: (?:it|them|each|all))?(?: (?:to|for|at))?|' +
    'es de|son de|es|son|está en|puse|são de|é de|é|são|coloquei|ist|sind|auf|c[\'’]est|est de|sont de|est|sont|' +
    'è di|sono di|è|sono|is|zijn|staat op|op|' +
    // "I set it to", "lo puse en", "coloquei em", "eingestellt auf", "réglé sur", "impostato a", "ingesteld op"
    '(?:configur|impostat|ingesteld|eingestellt|r[eé]gl[eé]|mis|puest|coloc)\\p{L}*(?: (?:a|en|em|para|auf|sur|à|op|per|su))?)' +
    // "it's only for", "c'est pour", "é só por", "ist nur für", "è solo per", "is alleen voor"
    '(?:[ \\t](?:only|just|s[oó]|solo|nur|seulement|solamente|alleen))?' +
    '(?:[ \\t](?:for|pour|por|para|per|f[uü]r|voor))?[ \\t]{1,2}$',
  'iu',
);

/** Words that make a statement cover several codes: "all three", "each one", "both", "same as before". */
const SHARED_RE = new RegExp(
  '(?<!\\p{L})(?:all|each|every|both|same|todos|todas|cada|ambos|ambas|mesmo|mesma|alle|jede[rns]?|beide|gleiche|' +
    'tous|toutes|chaque|m[eê]me|tutti|tutte|ogni|entrambi|stesso|stessa|allemaal|allebei|elke?|dezelfde|zelfde|' +
    // "the three", "los tres", "os dois", "die drei", "les trois", "i tre", "de drie"
    '(?:the|los|las|os|as|die|les|i|le|de)[ \\t](?:two|three|four|five|dos|tres|cuatro|dois|duas|tr[eê]s|quatro|zwei|drei|vier|' +
    'deux|trois|quatre|due|tre|quattro|twee|drie|\\d))(?!\\p{L})' +
    '|すべて|全て|全部|いずれも|どれも|同じ|両方|[\\d一二三四五]本とも|[\\d一二三四五]つとも',
  'iu',
);

/** What a campaign, promotion or contest lasts is not the code's authorization ("la campaña dura 30 días"). */
const CAMPAIGN_RE =
  /(?<!\p{L})(?:campaigns?|campa[ñn]as?|campanhas?|kampagnen?|campagnes?|campagn[ae]|promo\p{L}*|aktion|actie|contest|giveaway|sorteo|concours|concorso)(?!\p{L})|キャンペーン/giu;
/** …unless the code or its authorization is the subject, named after the campaign word. */
const SUBJECT_RE =
  /(?<!\p{L})(?:codes?|c[oó]digos?|codice|autori\p{L}*|authori\p{L}*|freigabe|spark)(?!\p{L})|コード|承認/giu;

function lastIndex(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index;
  return at;
}

/** Japanese states a period with what follows it: "7日間です", "一年間に設定しました". */
const JA_STATEMENT_AFTER_RE = /^[ \t]?(?:です|でお願い|に設定|にしました|で設定|にして|で承認|有効)/;
/** Nothing but bullets, quote marks or space before the phrase on its line: "60 days on this one.", "Seven days only." */
const LINE_LEAD_RE = /^[ \t>*•·\-–—("'“‘«「]*$/;

/** Classifies one phrase by its nearest cue word; `null` when it is about something other than authorization. */
function classify(text: string, p: RawPeriod, barrier: Barrier): Omit<PeriodMention, keyof RawPeriod> | null {
  const [bFrom, bTo] = windowBefore(text, p.start, barrier);
  const [aFrom, aTo] = windowAfter(text, p.end, barrier);
  const before = nearestCue(text, bFrom, bTo, true);
  const after = nearestCue(text, aFrom, aTo, false);
  const cue = !before ? after : !after ? before : after.distance < before.distance ? after : before;
  if (cue && cue.kind === 'other') return null;
  const sentence = text.slice(bFrom, bTo);
  if (lastIndex(CAMPAIGN_RE, sentence) > lastIndex(SUBJECT_RE, sentence)) return null;
  const lead = text.slice(Math.max(bFrom, p.start - 24), p.start);
  const shared = SHARED_RE.test(sentence);
  if (cue) return { cue: 'auth', shared };
  // A sentence or line that opens with the period ("Seven days only, as agreed.") states it.
  const nl = lead.lastIndexOf('\n');
  const opensSentence = (nl !== -1 || lead.length < 24) && LINE_LEAD_RE.test(lead.slice(nl + 1));
  const stated = shared || opensSentence || STATEMENT_RE.test(lead) || JA_STATEMENT_AFTER_RE.test(text.slice(p.end, p.end + 8));
  return { cue: stated ? 'auth' : 'plain', shared };
}

/** More phrases than this in one message is not a real message; stop looking so huge inputs stay fast. */
const MAX_MENTIONS = 2000;

/**
 * All authorization-period phrases in `text`, in order, with payment/deadline phrases removed.
 * `skip(start)` lets the caller ignore phrases inside codes or URLs; cue windows never cross a position
 * where `barrier(i)` is true (so the words of one code's line don't classify a phrase about another).
 */
export function findPeriodMentions(
  text: string,
  skip: (start: number) => boolean = () => false,
  barrier: Barrier = () => false,
): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (const p of scanPeriodPhrases(text, MAX_MENTIONS)) {
    if (skip(p.start)) continue;
    const how = classify(text, p, barrier);
    if (how) out.push({ ...p, ...how });
  }
  return out;
}
