/**
 * Authorization-period phrases ("30 days", "a week", "dos meses", "einen Monat", "1ヶ月" …) and whether the
 * words around a phrase are about the code's authorization or about something else (payment terms,
 * shipping deadlines …).
 *
 * Pure string code. No regex here nests quantifiers, and cue words are only searched in short windows
 * around each phrase, so the work is linear in the text length.
 */

import { scanPeriodPhrases, type AllowedPeriod, type RawPeriod } from './period-phrases';

export { parsePeriodPhrase, type AllowedPeriod } from './period-phrases';

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

// ---------------------------------------------------------------------------------------------------------
// Cue words. The nearest cue around a phrase decides what the phrase is about.

/**
 * Whole words from space-separated lists, as one regex alternation: `word*` is a stem (any ending), `_` a space.
 * Lists keep the shipped bundle small (no "\\p{L}*" and "|" spelled out per word).
 */
const wordsRe = (...lists: string[]) =>
  '(?<!\\p{L})(?:' +
  lists.join(' ').trim().split(/\s+/).map((w) => w.replace(/\*$/, '\\p{L}*').replace(/_/g, ' ')).join('|') +
  ')(?!\\p{L})';

/** Words that say a period is about the authorization / the code's validity. */
const AUTH_CUE_RE = new RegExp(
  wordsRe(
    // English
    `authori[sz]* autori[zcs]* auth valid* expir* period duration lasts? good_for active whitelist* allowlist* usage
    rights? licen[cs]e* spark boost* code codes access available set went_(?:for|with) going_(?:for|with) opted_for
    chose picked selected`,
    // "I set it to", "elegí", "escolhi", "gewählt", "choisi", "impostato", "gekozen": the creator chose the period
    `eleg[ií]* seleccion* configur* escolh* coloquei gew[aä]hlt ausgew[aä]hlt eingestellt choisi* r[eé]gl[eé]*
    s[eé]lectionn* impostat* scelt[oa] selezionat* mess[oa] gekozen ingesteld gezet aangezet ingeschakeld`,
    // Spanish / Portuguese
    `autoriza* vale dura v[aá]lid* vigencia vence* caduca* expira* duraci[oó]n dura[cç][aã]o per[ií]odo prazo c[oó]digos?`,
    // German
    'autorisier* freigabe* freigegeben g[uü]ltig* l[aä]uft ablauf* laufzeit zeitraum dauer gilt gelten \\p{L}*code',
    // French / Italian
    'autoris* valables? validit[eé] expiration dur[eé]e p[eé]riode autorizz* validit[aà] scad* durata codice',
    // Dutch
    'geldig* geautoriseerd autorisatie looptijd verloopt vervalt duur advertentiecode',
    // Polish / Russian / Turkish
    `autoryz* wa[żz]n* kod* okres* ustawi* wybra* авториз* срок* действ* код* период* постав* выбра* yetki* ge[çc]erli*
    s[üu]resi? onay*`,
  ) +
    // Japanese, Korean, Chinese (no word boundaries in these scripts)
    '|承認|許可|有効|期限|期間|認証|広告|コード|失効|権限|設定|選択|選び' +
    '|승인|기간|유효|코드|권한|설정|인증|허가|授权|授權|有效|期间|码|碼|设置|設置|设定',
  'giu',
);

/** Words that say a period is a payment term or a deadline, not an authorization. */
const OTHER_CUE_RE = new RegExp(
  wordsRe(
    `pay pays paying payment payments payout paid invoic* net ship* deliver* refund* return* reply respond within
    deadline due sale discount off ago`,
    'pago pagar pagaremos pagamos factura fatura pagamento dentro_de em_at[eé] env[ií]o entrega',
    'zahlung* zahlen bezahl* rechnung innerhalb lieferung versand',
    'paiement payer pay[eé] facture sous livraison pagare pagato fattura entro consegna',
    `descuento desconto rabatt r[eé]duction sconto korting betaling betalen binnen factuur levering verzending
    geleden hace atr[aá]s vor il_y_a fa`,
    `w_ci[aą]gu p[łl]atno* faktur* zni[żz]k* rabat* odpowied* termin* temu в_течение оплат* сч[её]т* скидк* ответ*
    назад доставк* i[çc]inde [öo]deme* indirim* d[öo]n[üu]ş yan[ıi]t* [öo]nce teslim* kargo`,
  ) +
    '|支払|以内|請求|振込|納品|発送|前|割引|オフ' +
    '|이내|내에|결제|할인|회신|답장|까지|전에|배송|지급|内|付款|发票|發票|折|回复|回覆|发货|發貨|支付',
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
    'è di|sono di|è|sono|is|zijn|staat op|op|na|на|jest|są|это|' +
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
    'deux|trois|quatre|due|tre|quattro|twee|drie|\\d)|' +
    // Polish, Russian, Turkish: "oba kody", "wszystkie", "оба кода", "все", "her iki", "kod da"
    'oba|obie|wszystkie|ka[żz]d[yae]|все|оба|обе|каждый|тот же|hepsi|ikisi|her iki|kod da)(?!\\p{L})' +
    '|모두|전부|둘 다|都|全部|すべて|全て|全部|いずれも|どれも|同じ|両方|[\\d一二三四五]本とも|[\\d一二三四五]つとも',
  'iu',
);

/** What a campaign, promotion or contest lasts is not the code's authorization ("la campaña dura 30 días"). */
const CAMPAIGN_RE =
  /(?<!\p{L})(?:campaigns?|campa[ñn]as?|campanhas?|kampagnen?|campagnes?|campagn[ae]|promo\p{L}*|aktion|actie|contest|giveaway|sorteo|concours|concorso|kampani\p{L}*|kampanya\p{L}*|кампани\p{L}*|акци\p{L}*)(?!\p{L})|キャンペーン|캠페인|活动|活動/giu;
/** …unless the code or its authorization is the subject, named after the campaign word. */
const SUBJECT_RE =
  /(?<!\p{L})(?:codes?|c[oó]digos?|codice|autori\p{L}*|authori\p{L}*|freigabe|spark|kod\p{L}*|код\p{L}*|yetki\p{L}*|autoryz\p{L}*|авториз\p{L}*)(?!\p{L})|コード|承認|코드|승인|授权|授權|码|碼/giu;

function lastIndex(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index;
  return at;
}

/** Japanese states a period with what follows it: "7日間です", "一年間に設定しました". */
const JA_STATEMENT_AFTER_RE = /^[ \t]?(?:です|でお願い|に設定|にしました|で設定|にして|で承認|有効)/;
/** Nothing but bullets, quote marks or space before the phrase on its line: "60 days on this one.", "Seven days only." */
const LINE_LEAD_RE =
  /^[ \t>*•·\-–—("'“‘«「]*(?:(?:only|just|s[oó]|solo|solamente|nur|seulement|juste|alleen|maar|tylko|только|всего|sadece)[ \t]+)?$/iu;

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
