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
import { IN_CODE, buildExclusionMask, prepareText } from './extract/prepare';
import { isPlausibleBody } from './extract/shape';
import { isSpace } from './extract/tokens';
import { findCodeOccurrences } from './extract/labels';
import { findHandles, findPeriods, findTikTokUrls, type Item, type ItemKind } from './extract/items';
import { assign, buildLayout, type Best } from './extract/assign';

export { isPlausibleAdCode } from './extract/shape';

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
