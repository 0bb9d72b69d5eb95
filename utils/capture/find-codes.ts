import type { FoundInText } from '../protocol';
import { elementAt, pieceAt, readText, type ReadText } from './read-text';
import type { CaptureUnit } from './types';

/** The background's extractor (findCodes message); tests pass the extractor itself. */
export type ExtractFn = (text: string) => Promise<FoundInText[]>;

/** A code found in a message, with what the text says about it. */
export interface FoundCode {
  /** Normalized (`#` + body). */
  code: string;
  periodDays?: number;
  creatorHandle?: string;
  postUrl?: string;
  /** Every occurrence sits inside a quote of an earlier message. */
  quotedOnly: boolean;
  /** Segment holding the end of the code's first own (unquoted) occurrence. */
  segment: Element;
  /** Already in the vault. */
  saved: boolean;
  /** Only quoted: the quote's "On Mon, Oct 5, 2026 … wrote:" line (its date is the code's), when the page has one. */
  attribution?: string;
  /** What the sender wrote beside the code ("Morning routine"), to tell codes apart in the bar. */
  context?: string;
  /** The code's text in the page, for highlighting it (undefined once the page has changed under it). */
  locate(): Range | undefined;
}

/** A Range over the code's characters, found again in the text nodes where it was read. */
function rangeOf(doc: Document, startNode: Text | undefined, endNode: Text | undefined, head: string, tail: string): Range | undefined {
  if (!startNode?.isConnected) return undefined;
  const from = startNode.nodeValue?.indexOf(head) ?? -1;
  if (from < 0) return undefined;
  const last = endNode?.isConnected ? endNode : startNode;
  const to = last.nodeValue?.indexOf(tail, last === startNode ? from : 0) ?? -1;
  const range = doc.createRange();
  // The # the sender wrote is part of the code as the user sees it.
  range.setStart(startNode, from > 0 && startNode.nodeValue![from - 1] === '#' ? from - 1 : from);
  // A tail not found again (the page changed): the head alone still shows where the code is.
  if (to >= 0) range.setEnd(last, to + tail.length);
  else range.setEnd(startNode, from + head.length);
  return range;
}

/** Cheap test before asking the background: a run of code characters (wrapped codes included). */
const MAYBE_CODE = /[A-Za-z0-9+/]{12,}/;

/** Enough of the body to find a code in the text even when the sender wrapped it later on. */
const PROBE = 12;

function occurrences(read: ReadText, code: string): { start: number; end: number }[] {
  const body = code.replace(/^#/, '');
  const head = body.slice(0, PROBE);
  const tail = body.slice(-PROBE);
  const found: { start: number; end: number }[] = [];
  for (let at = read.text.indexOf(head); at !== -1; at = read.text.indexOf(head, at + head.length)) {
    // A wrapped code's tail is still within a couple of line breaks of its head.
    const tailAt = read.text.indexOf(tail, at);
    const end = tailAt !== -1 && tailAt - at < body.length + 8 ? tailAt + tail.length - 1 : at + head.length - 1;
    found.push({ start: at, end });
  }
  return found;
}

/**
 * Codes in a unit (message or chat run), in order of appearance, each once. The wording
 * rules (period, handle, video URL per code) are the extractor's; this adds where each code
 * sits in the page, and whether it is only quoted from an earlier message.
 */
export async function findCodes(unit: CaptureUnit, extract: ExtractFn): Promise<{ codes: FoundCode[]; text: string }> {
  const read = readText(unit.segments);
  if (!MAYBE_CODE.test(read.text)) return { codes: [], text: read.text };
  const out: FoundCode[] = [];
  const seen = new Set<string>();
  for (const found of await extract(read.text)) {
    if (seen.has(found.code)) continue;
    seen.add(found.code);
    const places = occurrences(read, found.code).map((o) => ({
      ...o,
      startEl: elementAt(read, o.start),
      endEl: elementAt(read, o.end),
    }));
    const own = places.find((p) => !(p.startEl && unit.inQuote?.(p.startEl)));
    const chosen = own ?? places[0];
    const segment = unit.segments.find((s) => chosen?.endEl && s.contains(chosen.endEl)) ?? unit.segments[unit.segments.length - 1];
    const quotedOnly = places.length > 0 && !own;
    const body = found.code.slice(1);
    const [head, tail] = [body.slice(0, PROBE), body.slice(-PROBE)];
    const startNode = chosen && pieceAt(read, chosen.start)?.node;
    const endNode = chosen && pieceAt(read, chosen.end)?.node;
    const doc = segment.ownerDocument;
    const attribution = quotedOnly && chosen?.startEl ? unit.quoteAttribution?.(chosen.startEl, segment) : undefined;
    const context = found.context;
    out.push({
      code: found.code,
      periodDays: found.periodDays,
      creatorHandle: found.creatorHandle,
      postUrl: found.postUrl,
      quotedOnly,
      segment,
      saved: found.saved,
      attribution,
      context,
      locate: () => rangeOf(doc, startNode, endNode, head, tail),
    });
  }
  return { codes: out, text: read.text };
}
