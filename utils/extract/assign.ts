/**
 * Pairing context items with codes by proximity: a cost per gap (characters, line breaks, blank lines,
 * separators, message boundaries), computed in O(1) from prefix counts.
 */
import { EXCLUDED } from './prepare';
import { isSpace } from './tokens';
import type { Item } from './items';
import type { Occurrence } from './labels';

/**
 * Prefix counts over the text, so the cost between any two positions is O(1): line breaks, blank lines,
 * and separators ("/", "|", ";", "•", sentence ends) that usually divide one code's details from the next.
 */
export interface Layout {
  newlines: Int32Array;
  blankLines: Int32Array;
  separators: Int32Array;
  /** Reply / forward headers ("On … wrote:", "From: …", "-----Original Message-----"). */
  messages: Int32Array;
}

/** A line that starts another message of the thread. Single-line patterns only, to stay linear. */
const MESSAGE_HEADER_RES = [
  /(?:wrote|escribió|escreveu|schrieb|a écrit|ha scritto|書きました|schreef|napisał\(a\)|napisał|napisała|şunu yazdı|пишет|написал\p{L}*|작성|写道|寫道)[ \t]?[:：][ \t]*$/gimu,
  /^[ \t>]*(?:From|De|Von|Da|Van|Från|Fra|Od|От|差出人|送信者|发件人|寄件者)[ \t]?[:：][ \t]/gim,
  new RegExp(
    '^[ \\t>]*-{2,}[ \\t]*(?:Original Message|Forwarded message|Mensaje original|Mensagem original|' +
      "Ursprüngliche Nachricht|Message d'origine|Messaggio originale)",
    'gim',
  ),
  // "2026年10月5日(月) 10:12 藤田 彩 <aya@example.com>:" and other clients' one-line headers ending in an address.
  /<[^<>\s@]{1,64}@[^<>\s]{1,255}>[ \t]?[:：][ \t]*$/gim,
];

function lineEndAt(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

export function buildLayout(text: string, mask: Uint8Array): Layout {
  const n = text.length;
  const newlines = new Int32Array(n + 1);
  const blankLines = new Int32Array(n + 1);
  const separators = new Int32Array(n + 1);
  const headerAt = new Uint8Array(n + 1);
  for (const re of MESSAGE_HEADER_RES) {
    for (const m of text.matchAll(re)) headerAt[m.index] = 1;
  }
  // Where quoted text ("> …") starts after unquoted lines, an older message starts, header or not.
  let prevQuoted = false;
  for (let i = 0; i < n; i = lineEndAt(text, i) + 1) {
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j >= n || text[j] === '\n') continue; // blank lines keep the state
    const quoted = text[j] === '>';
    if (quoted && !prevQuoted) headerAt[i] = 1;
    prevQuoted = quoted;
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
  // Likewise a period: an old code's period in a quoted reply says nothing about the new code.
  if (item.kind !== 'url' && layout.messages[to] !== layout.messages[from]) return Infinity;
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
export function assign(item: Item, occs: Occurrence[], layout: Layout): Assignment | null {
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

export interface Best {
  value: string | number;
  cost: number;
  urlHandle?: string;
}
