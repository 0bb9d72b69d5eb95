/**
 * The "On Mon, Oct 5, 2026 … wrote:" line above a quoted earlier message, found in the page: a code only in
 * the quote was sent on that line's date (the background reads it, utils/quote-attribution.ts). Only mail
 * readers import this, so the chat scripts stay smaller.
 */
import { OUTLOOK_FROM, OUTLOOK_SENT } from '../quote-attribution';
import { readText } from './read-text';

/** Lines mail programs write above a quote, in the languages utils/quote-attribution.ts reads. */
const WROTE = /(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s*:?\s*$/i;

/** A header block is a few short lines; longer text is a message that happens to start with "From:". */
const HEADER_MAX_CHARS = 1500;
/** Siblings looked at per level: Word-made mail puts every quoted paragraph beside the header. */
const SIBLINGS_MAX = 200;

/** The "Sent: …" line when `el` is an Outlook header block ("From: … / Sent: … / To: …"), else undefined. */
function headerDateLine(el: Element): string | undefined {
  const raw = el.textContent ?? '';
  if (raw.length > HEADER_MAX_CHARS || !OUTLOOK_FROM.test(raw)) return undefined;
  // Its lines are split by <br> or paragraphs, which textContent loses.
  const lines = readText([el])
    .text.split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return OUTLOOK_FROM.test(lines[0] ?? '') ? lines.slice(1, 6).find((l) => OUTLOOK_SENT.test(l)) : undefined;
}

/**
 * Outlook quotes by appending the earlier mail after its header block, not inside one element: the block's
 * "Sent: Monday, October 5, 2026 3:12 PM" line when one comes before `a` (Word-made mail puts the quoted
 * paragraphs beside it, so every earlier sibling counts).
 */
export function outlookHeaderBefore(a: Element): string | undefined {
  let p = a.previousElementSibling;
  for (let n = 0; p && n < SIBLINGS_MAX; n++, p = p.previousElementSibling) {
    const line = headerDateLine(p);
    if (line) return line;
  }
  return undefined;
}

/** Whether `el` (inside `stop`) comes after an Outlook header block, i.e. sits in the earlier mail it introduces. */
export function afterOutlookHeader(el: Element, stop: Element): boolean {
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) if (outlookHeaderBefore(a)) return true;
  return false;
}

/**
 * The attribution line of the innermost quote around `el`: the element just before the quote (or one of
 * its ancestors) that the site marks as one (Gmail's div.gmail_attr), that reads "… wrote:", or that
 * `before` finds for that ancestor (Outlook's header block, see outlookHeaderBefore).
 */
export function attributionOf(
  el: Element,
  stop: Element,
  selectors: readonly string[],
  before?: (a: Element) => string | undefined,
): string | undefined {
  const marked = selectors.join(',');
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) {
    let p = a.previousElementSibling;
    // Gmail leaves empty spacers (div.yj6qo, <br>) between the line and the quote.
    for (let skip = 0; p && skip < 3 && !p.textContent?.trim(); skip++) p = p.previousElementSibling;
    const line = p?.textContent?.replace(/\s+/g, ' ').trim();
    if (p && line && line.length <= 400 && ((marked && p.matches(marked)) || WROTE.test(line))) return line;
    const found = before?.(a);
    if (found) return found;
  }
  return undefined;
}
