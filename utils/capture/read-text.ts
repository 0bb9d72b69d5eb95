import { HOST_ATTR } from './dom';

/** Text of a message as a reader sees its lines, with a map back to the DOM. */
export interface ReadText {
  text: string;
  /** Start offset of each piece, the element it came from and its text node (none for added breaks), in order. */
  pieces: { start: number; el: Element; node?: Text }[];
}

const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|IMG|VIDEO|AUDIO|IFRAME|BUTTON|INPUT|SELECT|TEXTAREA)$/;
/** Video links often hide behind words ("my video"); the URL is what we need. */
const TIKTOK_LINK = /^https:\/\/(www\.|m\.|vm\.|vt\.)?tiktok\.com\//i;
/** The background reads at most this much of one message (see findCodes in protocol-schemas). */
const MAX_CHARS = 200_000;

/**
 * A text node as it renders: the line breaks in HTML source are spaces unless the element
 * keeps them (pre, pre-wrap: chat bubbles, plain-text mail), where they are real lines.
 */
function textOf(node: Text, parent: Element): string {
  const s = node.nodeValue ?? '';
  if (!s.includes('\n')) return s;
  if (!s.trim()) return ' ';
  const view = parent.ownerDocument.defaultView;
  const ws = view?.getComputedStyle(parent).whiteSpace ?? '';
  return /pre|break-spaces/.test(ws) || parent.closest('pre') ? s : s.replace(/\s*\n\s*/g, ' ');
}

/**
 * Walks the segments' text nodes once (linear), adding line breaks where blocks and <br>
 * are, so a code wrapped over two lines reads as the sender wrote it. Our own controls and
 * hidden elements are skipped.
 */
export function readText(segments: readonly Element[]): ReadText {
  let text = '';
  const pieces: ReadText['pieces'] = [];
  const add = (s: string, el: Element, node?: Text) => {
    if (!s || text.length >= MAX_CHARS) return;
    pieces.push(node ? { start: text.length, el, node } : { start: text.length, el });
    text += s.slice(0, MAX_CHARS - text.length);
  };
  const newline = (el: Element) => {
    if (text && !text.endsWith('\n')) add('\n', el);
  };
  const walk = (el: Element) => {
    if (SKIP.test(el.tagName.toUpperCase()) || el.hasAttribute(HOST_ATTR)) return;
    if ((el as HTMLElement).hidden) return;
    const block = BLOCK.test(el.tagName.toUpperCase());
    if (block) newline(el);
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = textOf(n as Text, el);
        // Source formatting between blocks is not a line of its own.
        if (t === ' ' && (!text || /\s$/.test(text))) continue;
        add(t, el, n as Text);
      }
      else if (n.nodeType === 1) {
        const child = n as Element;
        if (child.tagName === 'BR') add('\n', el);
        else walk(child);
      }
    }
    const href = el.tagName === 'A' ? el.getAttribute('href') : null;
    if (href && TIKTOK_LINK.test(href) && !el.textContent?.includes(href)) add(` (${href}) `, el);
    if (block) newline(el);
  };
  for (const s of segments) {
    walk(s);
    newline(s);
  }
  return { text, pieces };
}

/** The piece the character at `offset` came from (binary search over pieces). */
export function pieceAt(read: ReadText, offset: number): ReadText['pieces'][number] | undefined {
  const { pieces } = read;
  let lo = 0;
  let hi = pieces.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo];
}

/** The element the character at `offset` came from. */
export function elementAt(read: ReadText, offset: number): Element | undefined {
  return pieceAt(read, offset)?.el;
}
