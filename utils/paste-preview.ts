import { extractAdCodes, normalizeAdCode, type ExtractedCode } from './extract';
import { pasteDateOrder, rowFacts, type RowOptions } from './paste-row';

/** A pasted code with what its row said (see utils/paste-row.ts). */
export type PastedCode = ExtractedCode & { sentAt?: number };

/** What the popup's Add box will do with each thing it found, shown before anything is saved. */
export interface PastePreview {
  /** New codes, in order of appearance. */
  toSave: PastedCode[];
  /** Codes already in the vault (saving again only fills in missing details). */
  alreadySaved: PastedCode[];
  /** Strings that look like an attempt at a code but are not one, with the reason. */
  rejected: { text: string; reason: string }[];
}

const MAX_REJECTED = 20;
// Whitespace-separated tokens; bounded by the text itself, so the scan is linear.
const TOKEN = /\S+/g;
const BASE64ISH = /^[A-Za-z0-9+/]+=*$/;

function rejectionReason(token: string): string | undefined {
  const bare = token.replace(/^["'“”‘’«»`(]+|["'“”‘’«»`),.;:!?]+$/g, '');
  if (/^https?:\/\//i.test(bare) || bare.includes('@')) return undefined;
  const body = bare.startsWith('#') ? bare.slice(1) : bare;
  if (bare.startsWith('#')) {
    if (body.length < 8) return undefined; // hashtags such as #fyp are not attempts at a code
    if (!BASE64ISH.test(body)) return 'contains characters that never appear in ad codes (only letters, digits, + / and = do)';
    if (body.length < 40) return `too short for an ad code (${body.length} characters after #; codes have about 64)`;
    if (body.length > 120) return `too long for an ad code (${body.length} characters)`;
    return 'looks like a hashtag or reference number, not an ad code';
  }
  if (body.length >= 30 && BASE64ISH.test(body)) return 'no # and not labelled as an ad code; add the # if it is one';
  return undefined;
}

/**
 * The codes in pasted text. Besides what the extractor finds in running text, a line holding
 * nothing but one code-shaped string counts even without a label or `#`: pasting into a box
 * named "Paste ad codes" is the label, and a spreadsheet column arrives exactly like that.
 */
export function pastedCodes(text: string, rows?: RowOptions): PastedCode[] {
  const found: PastedCode[] = extractAdCodes(text);
  const known = new Set(found.map((c) => c.code));
  for (const line of text.split(/\r?\n/)) {
    const cell = line.trim().replace(/^["'“”‘’`]+|["'“”‘’`,;]+$/g, '');
    if (!cell || /\s/.test(cell)) continue;
    const code = normalizeAdCode(cell);
    if (code && !known.has(code)) {
      known.add(code);
      found.push({ code });
    }
  }
  return rows ? withRowFacts(text, found, rows) : found;
}

/** A short line, or a tab-separated one, is one code's row; a sentence in a pasted mail is not. */
const ROW_REST_MAX = 80;

function withRowFacts(text: string, found: PastedCode[], options: RowOptions): PastedCode[] {
  const lines = text.split(/\r?\n/);
  const rows = { ...options, numericOrder: pasteDateOrder(lines, options.numericOrder) };
  return found.map((c) => {
    const head = c.code.slice(1, 17);
    const line = lines.find((l) => l.includes(head));
    if (!line) return c;
    // The code itself is taken out first: "…a7d…" inside a code is not "7 days".
    const rest = line.replace(/#?[A-Za-z0-9+/=_-]{30,}/g, ' ');
    if (!line.includes('\t') && rest.trim().length > ROW_REST_MAX) return c;
    const facts = rowFacts(rest, rows);
    return {
      ...c,
      creatorHandle: c.creatorHandle ?? facts.creatorHandle,
      periodDays: c.periodDays ?? facts.periodDays,
      ...(facts.sentAt !== undefined ? { sentAt: facts.sentAt } : {}),
    };
  });
}

export function previewPaste(text: string, saved: ReadonlySet<string>, rows?: RowOptions): PastePreview {
  const found = pastedCodes(text, rows);
  const foundCodes = new Set(found.map((c) => c.code));
  const preview: PastePreview = {
    toSave: found.filter((c) => !saved.has(c.code)),
    alreadySaved: found.filter((c) => saved.has(c.code)),
    rejected: [],
  };
  const seen = new Set<string>();
  for (const [token] of text.matchAll(TOKEN)) {
    if (preview.rejected.length >= MAX_REJECTED) break;
    const reason = rejectionReason(token);
    if (!reason || seen.has(token)) continue;
    const normalized = normalizeAdCode(token);
    if (normalized && foundCodes.has(normalized)) continue;
    if ([...foundCodes].some((c) => c.includes(token.replace(/^#/, '')))) continue; // a piece of a wrapped code
    seen.add(token);
    preview.rejected.push({ text: token, reason });
  }
  return preview;
}
