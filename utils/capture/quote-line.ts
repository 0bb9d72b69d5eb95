/**
 * The "On Mon, Oct 5, 2026 … wrote:" line above a quoted earlier message, found in the page: a code only in
 * the quote was sent on that line's date (the background reads it, utils/quote-attribution.ts). Only mail
 * readers import this, so the chat scripts stay smaller.
 */

/** Lines mail programs write above a quote, in the languages utils/quote-attribution.ts reads. */
const WROTE = /(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s*:?\s*$/i;

/**
 * The attribution line of the innermost quote around `el`: the element just before the quote (or one of
 * its ancestors) that the site marks as one (Gmail's div.gmail_attr) or that reads "… wrote:".
 */
export function attributionOf(el: Element, stop: Element, selectors: readonly string[]): string | undefined {
  const marked = selectors.join(',');
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) {
    let p = a.previousElementSibling;
    // Gmail leaves empty spacers (div.yj6qo, <br>) between the line and the quote.
    for (let skip = 0; p && skip < 3 && !p.textContent?.trim(); skip++) p = p.previousElementSibling;
    const line = p?.textContent?.replace(/\s+/g, ' ').trim();
    if (p && line && line.length <= 400 && ((marked && p.matches(marked)) || WROTE.test(line))) return line;
  }
  return undefined;
}
