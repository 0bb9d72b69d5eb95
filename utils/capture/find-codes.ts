import type { FoundInText } from '../protocol';
import { elementAt, readText, type ReadText } from './read-text';
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
  const quote = unit.quoteSelectors.join(',');
  const out: FoundCode[] = [];
  const seen = new Set<string>();
  for (const found of await extract(read.text)) {
    if (seen.has(found.code)) continue;
    seen.add(found.code);
    const places = occurrences(read, found.code).map((o) => ({
      startEl: elementAt(read, o.start),
      endEl: elementAt(read, o.end),
    }));
    const own = places.find((p) => !(quote && p.startEl?.closest(quote)));
    const chosen = own ?? places[0];
    const segment = unit.segments.find((s) => chosen?.endEl && s.contains(chosen.endEl)) ?? unit.segments[unit.segments.length - 1];
    out.push({
      code: found.code,
      periodDays: found.periodDays,
      creatorHandle: found.creatorHandle,
      postUrl: found.postUrl,
      quotedOnly: places.length > 0 && !own,
      segment,
      saved: found.saved,
    });
  }
  return { codes: out, text: read.text };
}
