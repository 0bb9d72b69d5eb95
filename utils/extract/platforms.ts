/**
 * Other platforms' ad codes look like ours: an Instagram/Facebook partnership ad code is base64url (often
 * `adcode-…`, or starting `Q9jT`), a Snapchat one is `adcode_…`. They must never be returned as TikTok codes.
 *
 * Every check reads a bounded window around the code, so the cost per code is constant.
 */

/** Names of the platforms whose codes are not ours, and Meta's own name for such a code. */
const OTHER_PLATFORM_RE =
  /(?<![\p{L}\p{N}])(?:instagram|facebook|meta|snapchat|partnership (?:ad )?codes?|branded content)(?![\p{L}\p{N}])/giu;
/** Short names too ("IG ad code:"), only trusted for a code without `#` (a `#` code is TikTok's shape). */
const OTHER_PLATFORM_SHORT_RE = /(?<![\p{L}\p{N}])(?:insta|IG|Ig|ig|FB|Fb|fb|snap|Snap|SNAP)(?![\p{L}\p{N}])/gu;
const TIKTOK_RE = /tik ?tok/giu;
const OTHER_LINK_RE = /(?:instagram\.com|facebook\.com|fb\.com|fb\.me|instagr\.am|snapchat\.com)\//i;
const TIKTOK_LINK_RE = /tiktok\.com\//i;

/** How far before a code its label may name the platform, and after it a link may point to one. */
const LOOK_BEHIND = 120;
const LOOK_AHEAD = 240;

/** Most messages name no other platform: look once per text, then skip the per-code checks. */
let lastText: string | undefined;
let lastAnswer = false;
const ANY_OTHER_RE = /instagram|facebook|meta|snapchat|partnership|branded|insta|ig|fb|snap/i;

function mentionsOtherPlatform(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastAnswer = ANY_OTHER_RE.test(text);
  }
  return lastAnswer;
}

function lastIndexOf(re: RegExp, s: string): number {
  let at = -1;
  for (const m of s.matchAll(re)) at = m.index;
  return at;
}

/**
 * The words that introduce the code at `start`: its own line up to the code, or, when the code stands on a
 * line of its own, the line above (a label "Here is my Instagram partnership ad code:"). Cut at a sentence end.
 */
function introduction(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  let lineStart = window.lastIndexOf('\n') + 1;
  if (lineStart > 0 && /^[\s>*•\-–—:"'“‘(<[]*$/.test(window.slice(lineStart))) {
    lineStart = window.lastIndexOf('\n', lineStart - 2) + 1;
  }
  const intro = window.slice(lineStart);
  const sentenceEnd = Math.max(intro.lastIndexOf('. '), intro.lastIndexOf('! '), intro.lastIndexOf('? '));
  return sentenceEnd === -1 ? intro : intro.slice(sentenceEnd + 2);
}

/**
 * True when the code whose first char (its `#`, or the body's first char) is at `start` and whose body starts
 * at `bodyStart` belongs to another platform: `adcode-`/`adcode_` right before it, a bare `Q9jT…`, a label
 * naming Instagram/Facebook/Snapchat or "partnership ad code" (unless TikTok is named after it), or, for a
 * code without `#`, an Instagram/Facebook link right after it with no TikTok link in between.
 */
export function isOtherPlatformCode(text: string, start: number, bodyStart: number, hashed: boolean): boolean {
  if (/adcode[-_]$/i.test(text.slice(Math.max(0, start - 7), start))) return true;
  if (!hashed && text.startsWith('Q9jT', bodyStart)) return true;
  if (!mentionsOtherPlatform(text)) return false;
  const intro = introduction(text, start);
  const other = Math.max(lastIndexOf(OTHER_PLATFORM_RE, intro), hashed ? -1 : lastIndexOf(OTHER_PLATFORM_SHORT_RE, intro));
  if (other !== -1 && other > lastIndexOf(TIKTOK_RE, intro)) return true;
  if (hashed) return false;
  const after = text.slice(bodyStart, Math.min(text.length, bodyStart + LOOK_AHEAD));
  const link = after.search(OTHER_LINK_RE);
  if (link === -1) return false;
  const tiktok = after.search(TIKTOK_LINK_RE);
  return tiktok === -1 || tiktok > link;
}
