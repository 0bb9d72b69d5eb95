/**
 * Finds TikTok Spark Ads "ad codes" in the text of a message (email body, DM …) and, for each code, the
 * authorization period, creator handle and post URL the message states for it.
 *
 * Pure string code: no DOM, no browser APIs. Everything is linear in the input size: regexes have no nested
 * unbounded quantifiers, and every hand-written scan is bounded (a code body is at most MAX_BODY chars).
 *
 * A code is `#` + a base64-like body (A–Z a–z 0–9 + /, optional `=` padding). Long CamelCase hashtags share
 * that alphabet, so a body must also *look random*: see `wordiness`.
 */
import { findPeriodMentions } from './extract-periods';

export interface ExtractedCode {
  /** Canonical `#` + body (no whitespace, quotes or trailing punctuation). */
  code: string;
  /** 7 | 30 | 60 | 365 when the message states the authorization period for this code. */
  periodDays?: number;
  /** Lower-case `@handle` of the creator's TikTok account. */
  creatorHandle?: string;
  /** https tiktok.com video (or short) link that goes with this code. */
  postUrl?: string;
}

/** Body length bounds, padding not counted. Real codes are ~60–90 chars; 40 keeps shorter ones. */
const MIN_BODY = 40;
const MAX_BODY = 120;

// ---------------------------------------------------------------------------------------------------------
// Character classes and the "does this look random?" score

const UPPER = 0;
const LOWER = 1;
const DIGIT = 2;
const SYMBOL = 3;

/** 0 upper, 1 lower, 2 digit, 3 `+` or `/`, -1 anything else. */
function charClass(c: number): number {
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c === 43 || c === 47) return SYMBOL;
  return -1;
}

function isB64(c: number): boolean {
  return charClass(c) >= 0;
}

/**
 * Log-likelihood ratio "made of words" vs "uniform random base64", from a character-class bigram model plus
 * vowel frequency. In random base64 an upper-case letter is followed by another upper-case letter 41% of the
 * time and letters are vowels ~23% of the time; in CamelCase hashtags ("SummerVibes2026") a capital is
 * followed by lower case ~80% of the time, digits come in runs and ~40% of letters are vowels.
 * Measured: random 64-char bodies score ≈ −29 (0.01% above 0); long hashtags score ≥ +8.
 */
const RANDOM_P = [26 / 64, 26 / 64, 10 / 64, 2 / 64];
const WORDY_P = [
  [0.14, 0.78, 0.07, 0.01], // after upper
  [0.17, 0.8, 0.025, 0.005], // after lower
  [0.35, 0.1, 0.545, 0.005], // after digit
  [0.3, 0.3, 0.3, 0.1], // after + or /
];
const TRANSITION_LLR = WORDY_P.map((row) => row.map((p, j) => Math.log(p / RANDOM_P[j])));
const VOWEL_LLR = Math.log(0.4 / (12 / 52));
const CONSONANT_LLR = Math.log(0.6 / (40 / 52));
const VOWELS = new Set('aeiouyAEIOUY');

function wordiness(s: string): number {
  let score = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const k = charClass(s.charCodeAt(i));
    if (k < 0) continue;
    if (prev >= 0) score += TRANSITION_LLR[prev][k];
    if (k <= LOWER) score += VOWELS.has(s[i]) ? VOWEL_LLR : CONSONANT_LLR;
    prev = k;
  }
  return score;
}

/** Above this a body reads as words (a hashtag), not as a code. */
const HASHTAG_WORDINESS = 4;

const BODY_SHAPE_RE = /^[A-Za-z0-9+/]{1,200}={0,2}$/;

/** `body` without `#`, padding allowed. */
function isPlausibleBody(body: string): boolean {
  if (!BODY_SHAPE_RE.test(body)) return false;
  const core = body.replace(/=+$/, '');
  if (core.length < MIN_BODY || core.length > MAX_BODY) return false;
  const counts = [0, 0, 0, 0];
  const distinct = new Set<string>();
  for (let i = 0; i < core.length; i++) {
    counts[charClass(core.charCodeAt(i))]++;
    distinct.add(core[i]);
  }
  // Mixed case plus a digit or + /: rules out hex hashes, upper-case order ids, all-lower hashtags.
  if (counts[UPPER] < 2 || counts[LOWER] < 2 || counts[DIGIT] + counts[SYMBOL] < 1) return false;
  // Keyboard mash / repeated patterns ("AaAa1AaAa1…") are not random enough.
  if (distinct.size < 16) return false;
  return wordiness(core) < HASHTAG_WORDINESS;
}

/** True for a canonical code (`#` + plausible body), as returned by `normalizeAdCode` / `extractAdCodes`. */
export function isPlausibleAdCode(code: string): boolean {
  return typeof code === 'string' && code.length > 1 && code[0] === '#' && isPlausibleBody(code.slice(1));
}

/**
 * A fragment next to a code that is more likely text than the rest of the code: a word ("Thanks", "Jane",
 * "TikTok"), a number, a period ("30d") or a version ("v2"). Short random fragments can look like this too
 * (a 3-char tail is a "word" ~20% of the time); we prefer losing such a tail to gluing words onto codes.
 */
function isWordLike(s: string): boolean {
  if (/[+/]/.test(s)) return false;
  if (/^(?:\d+|[A-Z]?[a-z]+|[A-Z]{1,5}|\d{1,3}[A-Za-z]{1,6}|[A-Za-z]{1,2}\d{1,2})$/.test(s)) return true;
  // "TikTok", "iPhone", "McDonalds": [A-Z] and [a-z] never overlap, so this can't backtrack.
  if (/^[a-z]{0,2}(?:[A-Z][a-z]+){1,3}$/.test(s)) return true;
  return s.length >= 4 && wordiness(s) >= 2;
}

/**
 * The text a wrapped piece would be appended to reads like words ("#fyp", "#SummerVibes", a long CamelCase
 * hashtag) rather than like the first part of a code. Short first parts are only rejected when they are
 * plainly words: a code that starts near the end of a line may leave just a few random chars there.
 */
function isWordyPrefix(s: string): boolean {
  if (s.length >= 24) return wordiness(s) > 2;
  return s.length >= 3 && /^(?:[a-z]+|[a-z]{0,2}(?:[A-Z][a-z]+){1,4})$/.test(s);
}

// ---------------------------------------------------------------------------------------------------------
// Text preparation: undo what mail clients and HTML did to the text, keeping it a plain string.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', plus: '+', sol: '/', equals: '=', num: '#',
  hash: '#', colon: ':', lpar: '(', rpar: ')', commat: '@', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', zwj: '', zwnj: '', shy: '',
};

function decodeEntities(text: string): string {
  const once = (s: string) =>
    s.replace(/&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/g, (m, dec, hex, name) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? m;
      const cp = dec !== undefined ? Number(dec) : parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : m;
    });
  if (!text.includes('&')) return text;
  const decoded = once(text);
  // Double-escaped HTML ("&amp;#43;") shows up when a mail was escaped twice.
  return decoded.includes('&') && text.includes('&amp;') ? once(decoded) : decoded;
}

/**
 * Raw quoted-printable (a mail shown without decoding): "=\n" soft line breaks, "=3D" for "=", "=C3=A9" for
 * "é". Only decoded when both a soft break and an escape are present; otherwise a code ending in "=" at the
 * end of a line would lose its padding. Stray soft breaks inside codes are also handled in `readToken`.
 */
function decodeQuotedPrintable(text: string): string {
  if (!/=\n/.test(text) || !/=(?:3D|20|09|[C-F][0-9A-F]=[89AB][0-9A-F])/.test(text)) return text;
  return text
    .replace(/=[ \t]{0,20}\n/g, '')
    .replace(/(?:=[0-9A-F]{2}){1,64}/g, (run) => {
      try {
        return decodeURIComponent(run.replace(/=/g, '%'));
      } catch {
        return run;
      }
    });
}

const FULLWIDTH: Record<string, string> = { '＃': '#', '＠': '@', '＋': '+', '／': '/', '＝': '=' };

/** Normalizes line breaks, invisible characters, odd spaces and full-width forms; decodes entities and QP. */
function prepareText(input: string): string {
  let text = input.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  text = decodeQuotedPrintable(text);
  text = decodeEntities(text);
  return text
    .replace(/[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[＃＠＋／＝]/g, (c) => FULLWIDTH[c]);
}

// ---------------------------------------------------------------------------------------------------------
// Regions where a base64-looking string is never a code: URLs, data: URIs, PGP / S/MIME / PEM armor.
// (Raw MIME base64 parts need no mask: their lines have no "#" and no label right before them.)

const EXCLUDED = 1;
const IN_CODE = 2;

const URL_RE = /(?:\b(?:https?|ftp):\/\/|\bwww\.|\bdata:[a-z]{1,20}\/)[^\s<>"'`“”‘’«»]+/gi;

function buildExclusionMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(URL_RE)) mask.fill(EXCLUDED, m.index, m.index + m[0].length);

  // -----BEGIN PGP MESSAGE----- … -----END PGP MESSAGE----- (also S/MIME, certificates). Unclosed: to the end.
  for (let i = text.indexOf('-----BEGIN '); i !== -1; i = text.indexOf('-----BEGIN ', i + 1)) {
    if (text.startsWith('-----BEGIN PGP SIGNED MESSAGE-----', i)) {
      // Clear-signed: the message itself is readable text (it may hold a code); only its signature is armor.
      continue;
    }
    const endMarker = text.indexOf('-----END ', i);
    const end = endMarker === -1 ? text.length : lineEnd(text, endMarker);
    mask.fill(EXCLUDED, i, end);
    if (endMarker === -1) break;
    i = end - 1;
  }

  return mask;
}

/** Index of the `\n` ending the line that contains `i` (or text.length). */
function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

// ---------------------------------------------------------------------------------------------------------
// Reading one code body, re-joining pieces a mail client wrapped onto the next line or split with a space.

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12;
}

/** Letters in Latin/Greek/Cyrillic scripts: a code glued to one of them is part of a word, not a code. */
function isAlphabeticNonAscii(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f);
}

/** May a code (its `#`, or its first char when the `#` was dropped) start right after text[i - 1]? */
function isStartBoundary(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  if (isSpace(c)) return true;
  if (c >= 0x80) return !isAlphabeticNonAscii(c);
  return '([{<"\'`*_~|:;,!?>-'.includes(text[i - 1]);
}

/**
 * May a code end at `i`? Whitespace, closing quotes/brackets, sentence punctuation, emoji and CJK are fine;
 * "_", "-", ".", ":" followed by more word characters mean the string continues (base64url, JWT
 * "xxx.yyy.zzz", "token=abc&…", "#access_token=…"), so it is not a code.
 */
function isEndBoundary(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (isSpace(c)) return true;
  if (c >= 0x80) return !isAlphabeticNonAscii(c);
  const ch = text[i];
  if (')]}>"\'`*~|,;!?<([{'.includes(ch)) return true; // "#…(30 days)" too
  if ('.:-_'.includes(ch)) {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
    return !(charClass(next) >= 0 || next === 95 || next === 45);
  }
  return false;
}

/** End of the run of base64 body chars starting at i, reading at most `max` chars. */
function b64RunEnd(text: string, i: number, max: number): number {
  const stop = Math.min(text.length, i + max);
  while (i < stop && isB64(text.charCodeAt(i))) i++;
  return i;
}

interface Padding {
  count: number;
  end: number;
  /** The last `=` was a literal one (not "=3D"), so it may be a quoted-printable soft line break. */
  literalLast: boolean;
}

function readPadding(text: string, i: number): Padding {
  let count = 0;
  let literalLast = false;
  while (count < 3 && text[i] === '=') {
    if (text[i + 1] === '3' && text[i + 2] === 'D') {
      i += 3;
      literalLast = false;
    } else {
      i += 1;
      literalLast = true;
    }
    count++;
  }
  return { count, end: i, literalLast };
}

/** Index of the `\n` if only spaces/tabs separate i from the end of its line, else -1. */
function newlineAfterBlanks(text: string, i: number): number {
  const stop = Math.min(text.length, i + 16);
  while (i < stop && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '\n' ? i : -1;
}

type JoinMode = 'wrap' | 'soft' | 'space';

interface Piece {
  start: number;
  body: string;
  padded: boolean;
  aloneOnLine: boolean;
}

/**
 * The next piece of a wrapped/split code, starting at `from` (the next line, after its `> ` quote prefix,
 * or after the single space). Null when there is nothing that could be one.
 */
function peekPiece(text: string, from: number, mode: JoinMode, mask: Uint8Array, room: number): Piece | null {
  let j = from;
  if (mode !== 'space') {
    if (text[j] === '\n') return null; // blank line: a new paragraph
    const stop = Math.min(text.length, j + 24);
    while (j < stop && (text[j] === ' ' || text[j] === '\t' || text[j] === '>')) j++;
  }
  if (j >= text.length || mask[j] || !(isB64(text.charCodeAt(j)) || text[j] === '=')) return null;
  const runEnd = b64RunEnd(text, j, room + 1);
  if (runEnd - j > room) return null;
  const pad = readPadding(text, runEnd);
  if (pad.count > 2 || !isEndBoundary(text, pad.end)) return null;
  return {
    start: j,
    body: text.slice(j, runEnd),
    padded: pad.count > 0,
    aloneOnLine: newlineAfterBlanks(text, pad.end) !== -1 || pad.end >= text.length,
  };
}

/**
 * Should `next` be glued onto the code read so far (`soFar`, without padding)? `hashed`: the code started
 * with "#", so a base64 string on the next line can't be a second code (that one would have its own "#").
 */
function shouldJoin(soFar: string, next: Piece, mode: JoinMode, hashed: boolean): boolean {
  // Just the padding, on the next line or after a space ("…xyz⏎==").
  if (next.body === '') return next.padded;
  const nextLooksLikeCode = next.padded || !isWordLike(next.body);
  // "=" can't sit inside base64, so "…abc=⏎def…" is a quoted-printable soft break unless "def" is a word.
  if (mode === 'soft') return nextLooksLikeCode;
  // "#SummerVibes⏎…" is a hashtag, not the first half of a code. Without a "#" (or with a space between)
  // the first piece must not be a word at all: "…my ad code is⏎aB3…" must not become "isaB3…".
  const strict = mode === 'space' || !hashed;
  if (strict ? isWordLike(soFar) || (soFar.length >= 24 && wordiness(soFar) > 2) : isWordyPrefix(soFar)) return false;
  const soFarPlausible = isPlausibleBody(soFar);
  // Two complete codes in a list of bare codes ("Ad codes:⏎aB3…⏎Zx9…"). After a "#" code, a second one
  // would carry its own "#", so a long base64 piece there is the rest of the first.
  if (!hashed && soFarPlausible && isPlausibleBody(next.body)) return false;
  if (mode === 'space') {
    // "#<full code> x9Kq" is more likely a code and some text than a split code: need a real second half.
    return nextLooksLikeCode && (!soFarPlausible || next.padded || next.body.length >= 6);
  }
  if (nextLooksLikeCode) return true;
  if (!next.aloneOnLine) return false;
  // A word-like tail on its own line completes a code that is too short alone…
  if (!soFarPlausible) return isPlausibleBody(soFar + next.body);
  // …or a 1–3 char tail brings an unpadded body to a multiple of 4 (base64 of whole bytes): "…aB3⏎xY".
  return next.body.length <= 3 && soFar.length % 4 !== 0 && (soFar.length + next.body.length) % 4 === 0;
}

interface Token {
  start: number;
  end: number;
  body: string;
}

/** Most pieces a code is re-joined from (a 120-char code wrapped at 15 columns). */
const MAX_PIECES = 8;

/**
 * Reads a code body whose first char is text[start]. Returns null when the string is too long, badly
 * padded, or glued to other text. Work is bounded by MAX_BODY plus a few look-ahead chars per piece.
 */
function readToken(text: string, start: number, mask: Uint8Array, hashed: boolean): Token | null {
  let body = '';
  let pos = start;
  for (let piece = 0; piece < MAX_PIECES; piece++) {
    const runEnd = b64RunEnd(text, pos, MAX_BODY + 1 - body.length);
    body += text.slice(pos, runEnd);
    if (body.length > MAX_BODY || body.length === 0) return null;
    const pad = readPadding(text, runEnd);
    const nl = newlineAfterBlanks(text, pad.end);
    const room = MAX_BODY - body.length;

    let mode: JoinMode | null = null;
    let from = -1;
    if (pad.count === 1 && pad.literalLast && nl !== -1) {
      mode = 'soft';
      from = nl + 1;
    } else if (pad.count === 0 && nl !== -1) {
      mode = 'wrap';
      from = nl + 1;
    } else if (pad.count === 0 && text[runEnd] === ' ') {
      mode = 'space';
      from = runEnd + 1;
    }
    if (mode) {
      const next = peekPiece(text, from, mode, mask, room);
      if (next && shouldJoin(body, next, mode, hashed)) {
        pos = next.start;
        continue;
      }
    }
    if (pad.count > 2 || !isEndBoundary(text, pad.end)) return null;
    return { start, end: pad.end, body: body + '='.repeat(pad.count) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Finding codes: every `#`, and strings right after an "ad code:" style label (the `#` was dropped).

interface Occurrence {
  code: string;
  start: number;
  end: number;
}

function findHashCodes(text: string, mask: Uint8Array, out: Occurrence[]): void {
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    if (mask[i] || !isStartBoundary(text, i)) continue;
    // "# aB3…": tolerate one space after the "#" (a hand-typed code), only for a complete code.
    const bodyStart = text[i + 1] === ' ' ? i + 2 : i + 1;
    if (bodyStart >= text.length || !isB64(text.charCodeAt(bodyStart))) continue;
    const token = readToken(text, bodyStart, mask, true);
    if (token && isPlausibleBody(token.body)) out.push({ code: '#' + token.body, start: i, end: token.end });
  }
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
    // Italian: codice annuncio, codice dell’annuncio, codice pubblicitario, codice video …
    "codic[ei][ -](?:(?:dell'|dell’|del|di|della)[ -]?)?" +
      '(?:annunci[oi]?|pubblicitari[oi]|video|autorizzazione|spark|tik ?tok|post)',
  ]
    .map((alt) => `(?<!\\p{L})(?:${alt})(?!\\p{L})`)
    .concat(['(?:広告|動画|投稿|承認|認証|許可|スパーク|spark|tik ?tok)[ ]?コード'])
    .join('|'),
  'giu',
);

/** How far after a label the code may start, and across how many line breaks ("Ad code:⏎⏎aB3…"). */
const LABEL_WINDOW = 100;
const LABEL_MAX_NEWLINES = 2;

function findLabelledCodes(text: string, mask: Uint8Array, out: Occurrence[]): void {
  let scannedUntil = 0;
  for (const m of text.matchAll(CODE_LABEL_RE)) {
    if (mask[m.index]) continue;
    const from = Math.max(m.index + m[0].length, scannedUntil);
    const stop = Math.min(text.length, m.index + m[0].length + LABEL_WINDOW);
    const token = firstBareToken(text, from, stop, mask);
    scannedUntil = Math.max(scannedUntil, token ? token.end : stop);
    if (!token) continue;
    out.push({ code: '#' + token.body, start: token.start, end: token.end });
    collectListedCodes(text, token.end, mask, out);
    scannedUntil = Math.max(scannedUntil, out[out.length - 1].end);
  }
}

/** The first plausible code (without `#`) in text[from, stop); stops at a `#` (found by findHashCodes). */
function firstBareToken(text: string, from: number, stop: number, mask: Uint8Array): Token | null {
  let newlines = 0;
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && ++newlines > LABEL_MAX_NEWLINES) return null;
    if (c === 35 /* # */) return null;
    if (!isB64(c) || mask[i]) continue;
    if (isStartBoundary(text, i)) {
      const token = readToken(text, i, mask, false);
      if (token && isPlausibleBody(token.body)) return token;
    }
    i = b64RunEnd(text, i, text.length) - 1; // skip the rest of this word
  }
  return null;
}

/**
 * "Here are the ad codes:⏎aB3…⏎Zx9…": after a labelled code, each following line that holds just a code
 * (maybe with a bullet or a short caption) is one too. Stops at the first line that doesn't.
 */
function collectListedCodes(text: string, pos: number, mask: Uint8Array, out: Occurrence[]): void {
  for (let lines = 0; lines < 1000; lines++) {
    let start = lineEnd(text, pos) + 1;
    if (start >= text.length) return;
    if (text[start] === '\n') start++; // one blank line between items is fine
    const end = lineEnd(text, start);
    const token = firstBareToken(text, start, Math.min(end, start + 40), mask);
    if (!token || end - token.end > 40) return;
    out.push({ code: '#' + token.body, start: token.start, end: token.end });
    pos = token.end;
  }
}

function findCodeOccurrences(text: string, mask: Uint8Array): Occurrence[] {
  const found: Occurrence[] = [];
  findHashCodes(text, mask, found);
  findLabelledCodes(text, mask, found);
  found.sort((a, b) => a.start - b.start);
  // A labelled bare code can't overlap a `#` code, but keep the list clean if it ever did.
  const out: Occurrence[] = [];
  for (const occ of found) {
    if (out.length && occ.start < out[out.length - 1].end) continue;
    out.push(occ);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Context around codes: post URLs, creator handles, periods.

type ItemKind = 'period' | 'handle' | 'url';

interface Item {
  kind: ItemKind;
  start: number;
  end: number;
  value: string | number;
  /** Weak items (a period with no cue word) only attach to a code in the same paragraph. */
  strong: boolean;
  /** Weak period that reads as a caption, so it may sit on another line than its code. */
  caption?: boolean;
  /** Handle in a post URL: it goes wherever the URL goes. */
  urlHandle?: string;
}

/** tiktok.com links, with or without scheme; group 1 the host, group 2 the path (query and fragment too). */
const TIKTOK_URL_RE =
  /(?<![A-Za-z0-9.@/-])(?:https?:\/\/)?((?:[a-z0-9-]{1,30}\.){0,3}tiktok\.com)(\/[^\s<>"'`()[\]{}“”‘’«»]{0,400})/gi;

const VIDEO_PATH_RE = /^\/@([A-Za-z0-9._]{1,30})\/(?:video|photo)\/\d{5,25}/;
const SHORT_PATH_RE = /^\/(?:t\/)?[A-Za-z0-9]{5,20}\/?/;
const PROFILE_PATH_RE = /^\/@([A-Za-z0-9._]{1,30})\/?(?=$|[?#])/;

function findTikTokUrls(text: string, items: Item[]): void {
  if (!/tiktok\.com/i.test(text)) return;
  let count = 0;
  for (const m of text.matchAll(TIKTOK_URL_RE)) {
    if (++count > MAX_ITEMS) break;
    const host = m[1].toLowerCase();
    const path = m[2].replace(/[.,;:!?'"»”’)]+$/, '');
    const start = m.index;
    const end = start + m[0].length;
    const video = VIDEO_PATH_RE.exec(path);
    if (video) {
      const handle = '@' + video[1].toLowerCase().replace(/\.+$/, '');
      items.push({ kind: 'url', start, end, value: `https://${host}${video[0]}`, strong: true, urlHandle: handle });
      continue;
    }
    const profile = PROFILE_PATH_RE.exec(path);
    if (profile) {
      const handle = '@' + profile[1].toLowerCase().replace(/\.+$/, '');
      items.push({ kind: 'handle', start, end, value: handle, strong: true });
      continue;
    }
    const isShortHost = host.startsWith('vm.') || host.startsWith('vt.');
    const short = SHORT_PATH_RE.exec(path);
    if (short && (isShortHost || path.startsWith('/t/'))) {
      items.push({ kind: 'url', start, end, value: `https://${host}${short[0]}`, strong: true });
    }
  }
}

/** TikTok usernames: letters, digits, `_` and `.`, up to 24 chars, not ending in `.`. Not an e-mail's `@`. */
const HANDLE_RE = /(?<![A-Za-z0-9_.+\-@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,22}[A-Za-z0-9_])?)(?![A-Za-z0-9_@])/g;
/** A whole word from `words` (Latin script), as a regex source. */
const anyWord = (words: string[]) => `(?<!\\p{L})(?:${words.join('|')})(?!\\p{L})`;

/** Words right before a handle that say it is the creator's TikTok account. */
const HANDLE_CUE_RE = new RegExp(
  anyWord([
    'tik ?tok', 'account', 'acct', 'creator', 'creador[a]?', 'criador[a]?', 'cr[ée]at(?:eur|rice)',
    'creat(?:ore|rice)', 'handle', 'user ?name', 'usuario', 'usu[aá]rio', '(?:benutzer|nutzer)name',
    'profile?', 'perfil', 'cuenta', 'conta', 'konto', 'compte',
  ]) + '|アカウント|ユーザー名|クリエイター',
  'giu',
);
/** Other platforms: "IG: @x" or "@x on Instagram" is not the TikTok account. */
const OTHER_PLATFORMS = [
  'instagram', 'insta', 'ig', 'twitter', 'x', 'youtube', 'yt', 'snap(?:chat)?', 'facebook', 'fb', 'threads',
];
/** …and words that say it is something else (another platform, a colleague). */
const HANDLE_OTHER_RE = new RegExp(
  anyWord([
    ...OTHER_PLATFORMS, 'linkedin', 'e-?mail', 'slack', 'discord', 'pinterest', 'twitch',
    'manager', 'team', 'support', 'agency', 'cc',
  ]),
  'giu',
);
/** Right after the handle: "(TikTok)", ", TikTok", "on TikTok", "auf TikTok" … or "on Instagram". */
const AFTER_HANDLE = '^[ \\t]{0,2}[)\\]]?[ \\t]{0,2}';
const ON = '(?:on|en|no|na|auf|sur|su|in|at)[ \\t]+';
const HANDLE_ON_TIKTOK_RE = new RegExp(
  `${AFTER_HANDLE}(?:\\(tik ?tok\\)|[,–—-][ \\t]{0,2}tik ?tok|${ON}tik ?tok)`,
  'i',
);
const HANDLE_ON_OTHER_RE = new RegExp(`${AFTER_HANDLE}${ON}(?:${OTHER_PLATFORMS.join('|')})(?!\\p{L})`, 'iu');

function lastMatchEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

function isTikTokHandleMention(text: string, at: number, end: number): boolean {
  const after = text.slice(end, Math.min(text.length, end + 24));
  if (HANDLE_ON_TIKTOK_RE.test(after)) return true;
  if (HANDLE_ON_OTHER_RE.test(after)) return false;
  let from = Math.max(0, at - 48);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= from) from = nl + 1;
  const before = text.slice(from, at);
  const cue = lastMatchEnd(HANDLE_CUE_RE, before);
  return cue !== -1 && cue >= lastMatchEnd(HANDLE_OTHER_RE, before);
}

function findHandles(text: string, mask: Uint8Array, items: Item[]): void {
  if (!text.includes('@')) return;
  let count = 0;
  for (const m of text.matchAll(HANDLE_RE)) {
    if (mask[m.index]) continue;
    if (++count > MAX_ITEMS) break;
    const end = m.index + m[0].length;
    if (!isTikTokHandleMention(text, m.index, end)) continue;
    items.push({ kind: 'handle', start: m.index, end, value: '@' + m[1].toLowerCase(), strong: true });
  }
}

function findPeriods(text: string, mask: Uint8Array, items: Item[]): void {
  const mentions = findPeriodMentions(
    text,
    (s) => mask[s] !== 0,
    (i) => mask[i] === IN_CODE,
  );
  for (const p of mentions) {
    const strong = p.cue === 'auth';
    const caption = !strong && isCaption(text, p);
    items.push({ kind: 'period', start: p.start, end: p.end, value: p.days, strong, caption });
  }
}

const CAPTION_OPEN = '([（【「–—-:：|,';
const CAPTION_CLOSE = ')]）】」–—-:：|,/';

/**
 * "(30 days)", "– 30 days", a line that is just "30 days": a label, not prose like "I've been on TikTok for
 * a year". Bare periods on another line than the code only count when they look like this.
 */
function isCaption(text: string, p: { start: number; end: number }): boolean {
  let i = p.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i--;
  let j = p.end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  const opens = i < 0 || text[i] === '\n' || CAPTION_OPEN.includes(text[i]);
  const closes = j >= text.length || text[j] === '\n' || CAPTION_CLOSE.includes(text[j]);
  return opens && closes;
}

/** More URLs / handles than this in one message is not a real message; stop looking. */
const MAX_ITEMS = 2000;

// ---------------------------------------------------------------------------------------------------------
// Pairing context items with codes by proximity.

/**
 * Prefix counts over the text, so the cost between any two positions is O(1): line breaks, blank lines,
 * and separators ("/", "|", ";", "•", sentence ends) that usually divide one code's details from the next.
 */
interface Layout {
  newlines: Int32Array;
  blankLines: Int32Array;
  separators: Int32Array;
  /** Reply / forward headers ("On … wrote:", "From: …", "-----Original Message-----"). */
  messages: Int32Array;
}

/** A line that starts another message of the thread. Single-line patterns only, to stay linear. */
const MESSAGE_HEADER_RES = [
  /(?:wrote|escribió|escreveu|schrieb|a écrit|ha scritto|書きました)[ \t]?[:：][ \t]*$/gim,
  /^[ \t>]*(?:From|De|Von|Da|差出人|送信者)[ \t]?[:：][ \t]/gim,
  new RegExp(
    '^[ \\t>]*-{2,}[ \\t]*(?:Original Message|Forwarded message|Mensaje original|Mensagem original|' +
      "Ursprüngliche Nachricht|Message d'origine|Messaggio originale)",
    'gim',
  ),
];

function buildLayout(text: string, mask: Uint8Array): Layout {
  const n = text.length;
  const newlines = new Int32Array(n + 1);
  const blankLines = new Int32Array(n + 1);
  const separators = new Int32Array(n + 1);
  const headerAt = new Uint8Array(n + 1);
  for (const re of MESSAGE_HEADER_RES) {
    for (const m of text.matchAll(re)) headerAt[m.index] = 1;
  }
  const messages = new Int32Array(n + 1);
  let lineIsBlank = true;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    let nl = 0;
    let blank = 0;
    let sep = 0;
    if (ch === '\n') {
      nl = 1;
      if (lineIsBlank && i > 0) blank = 1;
      lineIsBlank = true;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '>') {
      lineIsBlank = false;
    }
    if (mask[i] === EXCLUDED) {
      // the slashes and dots of a URL separate nothing
    } else if ('/|;•。'.includes(ch) || (/[.!?]/.test(ch) && (i + 1 >= n || isSpace(text.charCodeAt(i + 1))))) {
      sep = 1; // "/", "|", ";", bullets, sentence ends
    }
    newlines[i + 1] = newlines[i] + nl;
    blankLines[i + 1] = blankLines[i] + blank;
    separators[i + 1] = separators[i] + sep;
    messages[i + 1] = messages[i] + headerAt[i];
  }
  return { newlines, blankLines, separators, messages };
}

const NEWLINE_COST = 25;
const BLANK_LINE_COST = 200;
const SEPARATOR_COST = 30;
/** Strong items further than this (in cost units) from every code are not about any code. */
const MAX_STRONG_COST = 3000;
/** Weak items (a bare "(30 days)") must be in the same paragraph as the code, at most this far away. */
const MAX_WEAK_CHARS = 160;
const MAX_WEAK_NEWLINES = 3;

function gapCost(layout: Layout, from: number, to: number, item: Item): number {
  const { strong } = item;
  // A handle in another message of the thread is most likely someone else's (the brand's signature).
  if (item.kind === 'handle' && layout.messages[to] !== layout.messages[from]) return Infinity;
  const nl = layout.newlines[to] - layout.newlines[from];
  const blank = layout.blankLines[to] - layout.blankLines[from];
  const sep = layout.separators[to] - layout.separators[from];
  if (!strong && (blank > 0 || to - from > MAX_WEAK_CHARS)) return Infinity;
  // On the code's own line a bare period may sit across a "|" or "/" (a table row); on another line it must
  // be a caption with nothing like a sentence end in between.
  if (!strong && nl > 0 && (nl > MAX_WEAK_NEWLINES || sep > 0 || !item.caption)) return Infinity;
  const cost = to - from + NEWLINE_COST * nl + BLANK_LINE_COST * blank + SEPARATOR_COST * sep;
  return strong && cost > MAX_STRONG_COST ? Infinity : cost;
}

interface Assignment {
  occurrence: number;
  cost: number;
}

/** Nearest code occurrence before / after the item, whichever is cheaper to reach. */
function assign(item: Item, occs: Occurrence[], layout: Layout): Assignment | null {
  // Binary search: first occurrence starting at or after the item's end.
  let lo = 0;
  let hi = occs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occs[mid].start < item.end) lo = mid + 1;
    else hi = mid;
  }
  const next = lo < occs.length ? lo : -1;
  const prev = lo - 1 >= 0 && occs[lo - 1].end <= item.start ? lo - 1 : -1;
  const costNext = next === -1 ? Infinity : gapCost(layout, item.end, occs[next].start, item);
  const costPrev = prev === -1 ? Infinity : gapCost(layout, occs[prev].end, item.start, item);
  if (costNext === Infinity && costPrev === Infinity) return null;
  return costNext <= costPrev ? { occurrence: next, cost: costNext } : { occurrence: prev, cost: costPrev };
}

interface Best {
  value: string | number;
  cost: number;
  urlHandle?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/**
 * All distinct ad codes in a message body, in order of first appearance, each with the period, handle and
 * post URL the message states for it. Never throws on string input.
 */
export function extractAdCodes(text: string): ExtractedCode[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const norm = prepareText(text);
  const mask = buildExclusionMask(norm);
  const occs = findCodeOccurrences(norm, mask);
  if (occs.length === 0) return [];
  for (const occ of occs) mask.fill(IN_CODE, occ.start, occ.end);

  const items: Item[] = [];
  findTikTokUrls(norm, items);
  findHandles(norm, mask, items);
  findPeriods(norm, mask, items);

  const layout = buildLayout(norm, mask);
  const best = new Map<string, Partial<Record<ItemKind, Best>>>();
  const order: string[] = [];
  for (const occ of occs) {
    if (!best.has(occ.code)) {
      best.set(occ.code, {});
      order.push(occ.code);
    }
  }

  // A period statement in a header or footer line of its own ("All codes below are valid for 60 days:")
  // speaks for every code; one between codes belongs to its neighbour only.
  const firstCodeLine = layout.newlines[occs[0].start];
  const lastCodeLine = layout.newlines[occs[occs.length - 1].end];
  let sharedPeriodStatement = false;
  for (const item of items) {
    if (item.kind === 'period' && item.strong) {
      const line = layout.newlines[item.start];
      if (line < firstCodeLine || line > lastCodeLine) sharedPeriodStatement = true;
    }
    const a = assign(item, occs, layout);
    if (!a) continue;
    const slot = best.get(occs[a.occurrence].code)!;
    const current = slot[item.kind];
    if (!current || a.cost < current.cost) {
      slot[item.kind] = { value: item.value, cost: a.cost, urlHandle: item.urlHandle };
    }
  }

  // Message-wide statements: "All codes are valid for 60 days", "My TikTok is @jane" once for several codes.
  const distinct = <T>(values: T[]) => [...new Set(values)];
  const strongPeriods = distinct(items.filter((i) => i.kind === 'period' && i.strong).map((i) => i.value));
  const codeMessages = new Set(occs.map((o) => layout.messages[o.start]));
  const handles = distinct(
    items.flatMap((i) => {
      if (i.urlHandle) return [i.urlHandle];
      return i.kind === 'handle' && codeMessages.has(layout.messages[i.start]) ? [i.value as string] : [];
    }),
  );
  const periodIsShared = strongPeriods.length === 1 && (order.length === 1 || sharedPeriodStatement);
  const sharedPeriod = periodIsShared ? (strongPeriods[0] as number) : undefined;
  const sharedHandle = handles.length === 1 ? handles[0] : undefined;

  return order.map((code) => {
    const slot = best.get(code)!;
    const result: ExtractedCode = { code };
    const periodDays = (slot.period?.value as number | undefined) ?? sharedPeriod;
    if (periodDays !== undefined) result.periodDays = periodDays;
    const creatorHandle = slot.url?.urlHandle ?? (slot.handle?.value as string | undefined) ?? sharedHandle;
    if (creatorHandle !== undefined) result.creatorHandle = creatorHandle;
    if (slot.url) result.postUrl = slot.url.value as string;
    return result;
  });
}

/** Quotes, brackets and markdown marks people put around a pasted code. */
const WRAPPER_CHARS = `"'\`“”„‘’‚«»‹›「」『』()[]{}<>*_~`;
const TRAILING_PUNCTUATION = '.,;:!?…';

function stripWrappers(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (WRAPPER_CHARS.includes(s[start]) || isSpace(s.charCodeAt(start)))) start++;
  while (
    end > start &&
    (WRAPPER_CHARS.includes(s[end - 1]) || TRAILING_PUNCTUATION.includes(s[end - 1]) || isSpace(s.charCodeAt(end - 1)))
  ) {
    end--;
  }
  return s.slice(start, end);
}

/**
 * Canonical `#` + body for one pasted code (with or without `#`, quoted, wrapped over lines, with `> `
 * quote prefixes, zero-width chars, entities, QP soft breaks or URL-encoded), or null when the result is
 * not a plausible ad code. Idempotent: normalizeAdCode(normalizeAdCode(x)!) === normalizeAdCode(x).
 */
export function normalizeAdCode(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 2000) return null;
  let s = stripWrappers(prepareText(raw));
  if (/^%23/i.test(s)) s = s.replace(/%(?:23|2B|2F|3D)/gi, (e) => decodeURIComponent(e));
  s = s
    .replace(/=[ \t]*\n[ \t>]*/g, '') // quoted-printable soft line break
    .replace(/[ \t]*\n[ \t>]*/g, '') // hard wrap, with "> " quote prefixes
    .replace(/\s+/g, '')
    .replace(/=3D/g, '=');
  if (s.startsWith('#')) s = s.slice(1);
  s = stripWrappers(s);
  return isPlausibleBody(s) ? '#' + s : null;
}
