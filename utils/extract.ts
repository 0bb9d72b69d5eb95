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
import { MIN_LABELLED_BODY, isPlausibleBody } from './extract/shape';
import { isSpace } from './extract/tokens';
import { findCodeOccurrences } from './extract/labels';
import { findHandles, findPeriods, findTikTokUrls, type Item, type ItemKind } from './extract/items';
import { assign, buildLayout, type Best, type Layout } from './extract/assign';
import type { Occurrence } from './extract/labels';

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

  for (const item of items) {
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
  const sharedPeriods = sharedPeriodsByMessage(items, occs, layout);
  const codeMessages = new Set(occs.map((o) => layout.messages[o.start]));
  const handles = distinct(
    items.flatMap((i) => {
      if (i.urlHandle) return [i.urlHandle];
      return i.kind === 'handle' && codeMessages.has(layout.messages[i.start]) ? [i.value as string] : [];
    }),
  );
  const messagesOf = new Map<string, number[]>();
  for (const o of occs) messagesOf.set(o.code, [...(messagesOf.get(o.code) ?? []), layout.messages[o.start]]);
  const sharedPeriodFor = (code: string) =>
    messagesOf.get(code)!.map((m) => sharedPeriods.get(m)).find((d) => d !== undefined);
  const sharedHandle = handles.length === 1 ? handles[0] : undefined;

  return order.map((code) => {
    const slot = best.get(code)!;
    const result: ExtractedCode = { code };
    const periodDays = (slot.period?.value as number | undefined) ?? sharedPeriodFor(code);
    if (periodDays !== undefined) result.periodDays = periodDays;
    const creatorHandle = slot.url?.urlHandle ?? (slot.handle?.value as string | undefined) ?? sharedHandle;
    if (creatorHandle !== undefined) result.creatorHandle = creatorHandle;
    if (slot.url) result.postUrl = slot.url.value as string;
    return result;
  });
}

/**
 * The period that speaks for every code of one message of the thread (by message index), if any: one said
 * of several codes ("all three are one year"), or the only period stated in the message when it sits
 * outside the lines of codes (a header "All codes below are valid for 60 days:") or the message holds one code.
 * A statement in another message (a quoted older reply) never counts.
 */
function sharedPeriodsByMessage(items: Item[], occs: Occurrence[], layout: Layout): Map<number, number> {
  interface PerMessage {
    codes: Set<string>;
    firstLine: number;
    lastLine: number;
    strong: Set<number>;
    saidOfAll: Set<number>;
    outside: boolean;
  }
  const byMessage = new Map<number, PerMessage>();
  for (const o of occs) {
    const m = layout.messages[o.start];
    const entry = byMessage.get(m) ?? { codes: new Set(), firstLine: Infinity, lastLine: -1, strong: new Set(), saidOfAll: new Set(), outside: false };
    entry.codes.add(o.code);
    entry.firstLine = Math.min(entry.firstLine, layout.newlines[o.start]);
    entry.lastLine = Math.max(entry.lastLine, layout.newlines[o.end]);
    byMessage.set(m, entry);
  }
  for (const item of items) {
    if (item.kind !== 'period' || !item.strong) continue;
    const entry = byMessage.get(layout.messages[item.start]);
    if (!entry) continue;
    const days = item.value as number;
    entry.strong.add(days);
    if (item.shared) entry.saidOfAll.add(days);
    const line = layout.newlines[item.start];
    if (line < entry.firstLine || line > entry.lastLine) entry.outside = true;
  }
  const out = new Map<number, number>();
  for (const [m, e] of byMessage) {
    if (e.saidOfAll.size === 1) out.set(m, [...e.saidOfAll][0]);
    else if (e.saidOfAll.size === 0 && e.strong.size === 1 && (e.codes.size === 1 || e.outside)) out.set(m, [...e.strong][0]);
  }
  return out;
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
  return isPlausibleBody(s, MIN_LABELLED_BODY) ? '#' + s : null;
}
