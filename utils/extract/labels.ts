/**
 * Finding codes: every `#`, and strings right after an "ad code:" style label (the `#` was dropped).
 */
import { lineEnd } from './prepare';
import { MIN_BODY, MIN_LABELLED_BODY, isB64, isPlausibleBody } from './shape';
import { isOtherPlatformCode } from './platforms';
import { b64RunEnd, isStartBoundary, readToken, type Token } from './tokens';

export interface Occurrence {
  code: string;
  start: number;
  end: number;
}

/**
 * Every `#` code. A short body (32–39 chars) only counts right after a label or right after another code
 * ("Spark code: #…", a list under it): alone, so short a string is as likely an id or a hashtag.
 */
function findHashCodes(text: string, mask: Uint8Array, labelEnds: number[], out: Occurrence[]): void {
  let label = -1; // index into labelEnds of the last label ending before i
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    if (mask[i] || !isStartBoundary(text, i)) continue;
    // "# aB3…": tolerate one space after the "#" (a hand-typed code), only for a complete code.
    const bodyStart = text[i + 1] === ' ' ? i + 2 : i + 1;
    if (bodyStart >= text.length || !isB64(text.charCodeAt(bodyStart))) continue;
    const token = readToken(text, bodyStart, mask, true);
    if (!token || !isPlausibleBody(token.body, MIN_LABELLED_BODY)) continue;
    if (!isPlausibleBody(token.body, MIN_BODY)) {
      while (label + 1 < labelEnds.length && labelEnds[label + 1] <= i) label++;
      const after = label >= 0 ? labelEnds[label] : -1;
      const previous = out.length ? out[out.length - 1].end : -1;
      if (!isNear(text, after, i) && !isNear(text, previous, i)) continue;
    }
    if (isOtherPlatformCode(text, i, bodyStart, true)) continue;
    out.push({ code: '#' + token.body, start: i, end: token.end });
  }
}

/** `from` (a label's end, or -1) is within LABEL_WINDOW chars and LABEL_MAX_NEWLINES line breaks of `to`. */
function isNear(text: string, from: number, to: number): boolean {
  if (from < 0 || to - from > LABEL_WINDOW) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') newlines++;
  return newlines <= LABEL_MAX_NEWLINES;
}

/**
 * What people call the code, in the languages creators write in. Followed (within LABEL_WINDOW chars) by the
 * code itself, a dropped `#` is put back. Only fixed phrases, so the regex stays linear.
 */
const CODE_LABEL_RE = new RegExp(
  [
    // English: ad code, Spark (Ads) code, TikTok post code, video code, authorization code, boost code …
    '(?:tik ?tok[ -]?(?:spark[ -]?)?(?:ads?[ -]|post[ -]|video[ -])?|' +
      'spark[ -]?(?:ads?[ -])?(?:authori[sz]ation[ -])?|' +
      '(?:ads?|video|post|boost|auth|authori[sz]ation|white[ -]?list(?:ing)?|allow[ -]?list(?:ing)?)[ -]?)codes?',
    // … and "code for the Spark ad", "code for my video"
    'codes? (?:for|of) (?:the |my |your |this )?(?:spark ads?|ads?|video|post|tik ?tok (?:post|video))',
    // Spanish / Portuguese: código de anuncio, código do anúncio, código de autorización …
    'c[oó]digos?[ -](?:(?:de|del|do|da|dos)[ -](?:la[ -])?)?' +
      '(?:an[uú]ncios?|v[ií]deos?|autoriza(?:ci[oó]n|[cç][aã]o)|publica(?:ci[oó]n|[cç][aã]o)|' +
      'publicidad|spark|tik ?tok|post)',
    // German: Anzeigencode, Werbecode, Videocode, Spark-Code, Autorisierungscode, Freigabecode …
    '(?:anzeigen|werbe|video|autorisierungs|freigabe|beitrags|spark[ -]?|tik ?tok[ -]?)code',
    // French: code publicitaire, code de la publicité, code d’annonce, code vidéo, code d’autorisation …
    "codes?[ -](?:(?:de la|de|du|d'|d’)[ -]?)?" +
      '(?:publicit(?:aire|é)s?|annonces?|vid[eé]os?|autorisation|spark|tik ?tok|publication)',
    // French "code pub", and a code sent "without the #" / "sin el #" / "ohne #" / "sans le #" / "senza #" …
    'codes? pub',
    '(?:without|sin|sem|ohne|sans|senza|zonder)(?: (?:the|el|la|o|a|das|den|le|il|lo|de|het))? (?:#|hash(?:tag)?)',
    // Dutch: advertentiecode, autorisatiecode, code van de advertentie …
    '(?:advertentie|autorisatie|reclame)[ -]?code|code (?:van|voor) (?:de |het |je |mijn )?(?:advertentie|video|post)',
    // Italian: codice annuncio, codice dell’annuncio, codice pubblicitario, codice video …
    "codic[ei][ -](?:(?:dell'|dell’|del|di|della)[ -]?)?" +
      '(?:annunci[oi]?|pubblicitari[oi]|video|autorizzazione|spark|tik ?tok|post)',
    // Polish: kod reklamowy, kod autoryzacji, kod do filmu …; Russian: рекламный код, код авторизации …
    'kod(?:y|u)?[ -](?:reklamow\\p{L}*|reklamy|autoryzac\\p{L}*|wideo|filmu|do filmu|spark|tik ?tok)',
    'рекламн\\p{L}* код|код(?:ы|а)? (?:авторизации|рекламы|видео|объявления|spark|tik ?tok)',
    // Turkish: reklam kodu, yetkilendirme kodu, video kodu …
    '(?:reklam|video|yetkilendirme|yetki|spark|tik ?tok)[ -]?kod(?:u|um|unu|lar|ları)?',
    // The "#" sign named when it was lost: "het hekje is weggevallen", "die Raute fehlt", "решётка не скопировалась"
    'hekje|raute|di[eè]se|cancelletto|almohadilla|kratk\\p{L}*|решётк\\p{L}*|решетк\\p{L}*',
  ]
    .map((alt) => `(?<!\\p{L})(?:${alt})(?!\\p{L})`)
    .concat([
      '(?:広告|動画|投稿|承認|認証|許可|スパーク|spark|tik ?tok)[ ]?コード',
      '(?:광고|영상|동영상|승인|인증|스파크|spark|tik ?tok)[ ]?코드',
      '(?:授权|授權|广告|廣告|投放|视频|視頻|推广|推廣)[ ]?(?:码|碼|代码|代碼)|#号|#號',
    ])
    .join('|'),
  'giu',
);

/** How far after a label the code may start, and across how many line breaks ("Ad code:⏎⏎aB3…"). */
const LABEL_WINDOW = 100;
const LABEL_MAX_NEWLINES = 2;

interface LabelMatch {
  start: number;
  end: number;
}

/**
 * The bare word "code" in any of our languages. Too weak to put back a lost `#` ("Tracking code: x9…"), but
 * enough to keep a short `#` code right after it ("Code (une semaine) : <#…>"): the `#` is evidence too.
 */
const CODE_WORD_RE = /(?<!\p{L})(?:codes?|c[oó]digos?|codice|kod|kodu|kody|код|kodum)(?!\p{L})|コード|코드|码|碼/giu;

function findLabels(text: string, mask: Uint8Array, re = CODE_LABEL_RE): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (const m of text.matchAll(re)) {
    if (!mask[m.index]) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function findLabelledCodes(text: string, mask: Uint8Array, labels: LabelMatch[], hashStarts: Set<number>, out: Occurrence[]): void {
  let scannedUntil = 0;
  for (const m of labels) {
    const from = Math.max(m.end, scannedUntil);
    const stop = Math.min(text.length, m.end + LABEL_WINDOW);
    const token = firstBareToken(text, from, stop, mask, hashStarts);
    scannedUntil = Math.max(scannedUntil, token ? token.end : stop);
    if (!token) continue;
    if (!isOtherPlatformCode(text, token.start, token.start, false)) {
      out.push({ code: '#' + token.body, start: token.start, end: token.end });
      collectListedCodes(text, token.end, mask, hashStarts, out);
    }
    scannedUntil = Math.max(scannedUntil, out.length ? out[out.length - 1].end : 0, token.end);
  }
}

/**
 * The first plausible code (without `#`) in text[from, stop); stops at a `#` code (found by findHashCodes),
 * not at any `#`: "Ad code (the # didn't copy): aB3…".
 */
function firstBareToken(text: string, from: number, stop: number, mask: Uint8Array, hashStarts: Set<number>): Token | null {
  let newlines = 0;
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && ++newlines > LABEL_MAX_NEWLINES) return null;
    if (c === 35 /* # */ && hashStarts.has(i)) return null;
    if (!isB64(c) || mask[i]) continue;
    if (isStartBoundary(text, i)) {
      const token = readToken(text, i, mask, false);
      if (token && isPlausibleBody(token.body, MIN_LABELLED_BODY)) return token;
    }
    i = b64RunEnd(text, i, text.length) - 1; // skip the rest of this word
  }
  return null;
}

/**
 * "Here are the ad codes:⏎aB3…⏎Zx9…": after a labelled code, each following line that holds just a code
 * (maybe with a bullet or a short caption) is one too. Stops at the first line that doesn't.
 */
function collectListedCodes(text: string, pos: number, mask: Uint8Array, hashStarts: Set<number>, out: Occurrence[]): void {
  for (let lines = 0; lines < 1000; lines++) {
    let start = lineEnd(text, pos) + 1;
    if (start >= text.length) return;
    if (text[start] === '\n') start++; // one blank line between items is fine
    const end = lineEnd(text, start);
    const token = firstBareToken(text, start, Math.min(end, start + 40), mask, hashStarts);
    if (!token || end - token.end > 40 || isOtherPlatformCode(text, token.start, token.start, false)) return;
    out.push({ code: '#' + token.body, start: token.start, end: token.end });
    pos = token.end;
  }
}

export function findCodeOccurrences(text: string, mask: Uint8Array): Occurrence[] {
  const found: Occurrence[] = [];
  const labels = findLabels(text, mask);
  const wordEnds = findLabels(text, mask, CODE_WORD_RE).map((l) => l.end);
  findHashCodes(
    text,
    mask,
    [...labels.map((l) => l.end), ...wordEnds].sort((a, b) => a - b),
    found,
  );
  findLabelledCodes(text, mask, labels, new Set(found.map((o) => o.start)), found);
  found.sort((a, b) => a.start - b.start);
  // A labelled bare code can't overlap a `#` code, but keep the list clean if it ever did.
  const out: Occurrence[] = [];
  for (const occ of found) {
    if (out.length && occ.start < out[out.length - 1].end) continue;
    out.push(occ);
  }
  return out;
}
