/**
 * Reading one code body, re-joining pieces a mail client wrapped onto the next line or split with a space.
 * Every scan is bounded by MAX_BODY plus a few look-ahead chars per piece.
 */
import { MAX_BODY, charClass, isB64, isPlausibleBody, isWordLike, isWordyPrefix, wordiness } from './shape';

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12;
}

/** Letters in Latin/Greek/Cyrillic scripts: a code glued to one of them is part of a word, not a code. */
function isAlphabeticNonAscii(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f);
}

/** May a code (its `#`, or its first char when the `#` was dropped) start right after text[i - 1]? */
export function isStartBoundary(text: string, i: number): boolean {
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
export function isEndBoundary(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (isSpace(c)) return true;
  if (c >= 0x80) return !isAlphabeticNonAscii(c);
  const ch = text[i];
  if (')]}>"\'`*~|,;!?<([{'.includes(ch)) return true; // "#…(30 days)" too
  // "#…​.Thanks": a sentence end glued to the next word (a JWT's next part is base64url, never one word).
  if (ch === '.' && /^\.[A-Z][a-z]{1,15}(?![A-Za-z0-9_.\-+/=])/.test(text.slice(i, i + 18))) return true;
  if ('.:-_'.includes(ch)) {
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
    return !(charClass(next) >= 0 || next === 95 || next === 45);
  }
  return false;
}

/** End of the run of base64 body chars starting at i, reading at most `max` chars. */
export function b64RunEnd(text: string, i: number, max: number): number {
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

export interface Token {
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
export function readToken(text: string, start: number, mask: Uint8Array, hashed: boolean): Token | null {
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
