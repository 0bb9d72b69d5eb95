/**
 * What tells one code from another in the Save bar: the words the sender wrote beside it ("Morning
 * routine", "Gym bag check"), read from the code's own line or the line above. Pure; it runs in the
 * background, beside the extractor (the findCodes reply carries it), so the mail-page scripts stay small.
 */

/** Longest label the bar shows; the full line stays in the row's tooltip. */
const MAX = 42;
const URL = /\bhttps?:\/\/\S+/g;
// A code-shaped run (the code itself, or a wrapped piece of it).
const CODE_RUN = /#?[A-Za-z0-9+/=]{24,}/g;
/** Words that only say "here is a code", never which one. */
const FILLER = /^(?:here(?:'s| is| are)?|code|ad code|spark(?: ads?)? code|the code|your code|c[oó]digo|code pub|werbecode)\b/i;

/** Cuts at the first aside (brackets, colon, dash, comma) and at a word boundary. */
function tidy(line: string): string | undefined {
  let t = line.replace(URL, ' ').replace(CODE_RUN, ' ');
  // "1) Morning routine" / "- Desk setup": list markers are not words.
  t = t.replace(/^\s*(?:\d{1,2}[).:]|[-–•*])\s*/, '');
  t = t.split(/\s*(?:[(:\u2014–]|\s-\s|,\s)/)[0].replace(/\s+/g, ' ').trim();
  if (!t || FILLER.test(t) && t.length < 24) return undefined;
  if (!/[\p{L}]{3}/u.test(t)) return undefined;
  if (t.length <= MAX) return t;
  const cut = t.slice(0, MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX / 2)).trim()}…`;
}

/** The label for the code at [start, end) of a message's text, or undefined when nothing beside it names it. */
export function codeContext(text: string, start: number, end: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const own = tidy(`${text.slice(lineStart, start)} ${text.slice(end, lineEnd)}`);
  if (own) return own;
  // The line above, skipping blank ones: "Desk setup (link), 365 days:" then the code.
  let at = lineStart - 1;
  for (let tries = 0; tries < 3 && at > 0; tries++) {
    const from = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(from, at);
    if (line.trim()) return tidy(line);
    at = from - 1;
  }
  return undefined;
}

/** The words beside a code's first appearance in the text (its head and tail, as a wrapped code may be split). */
export function contextOf(text: string, code: string): string | undefined {
  const body = code.slice(1);
  const start = text.indexOf(body.slice(0, 12));
  if (start < 0) return undefined;
  const tailAt = text.indexOf(body.slice(-12), start);
  const end = tailAt >= 0 && tailAt - start < body.length + 8 ? tailAt + 12 : start + 12;
  return codeContext(text, start > 0 && text[start - 1] === '#' ? start - 1 : start, end);
}
