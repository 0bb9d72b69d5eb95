import type { CaptureKind } from '../code-record';
import { dateText } from './date-text';
import { allMatches, cleanText, firstMatch, toHandle } from './dom';
import type { CaptureUnit, MessageMeta, SiteAdapter } from './types';

/** Selectors of a web chat, as data (see utils/sites/<site>/selectors.ts). Each list: today's first, then fallbacks. */
export interface ChatSelectors {
  /** Present on every page of the app where the chat can show (a drawer counts). */
  app: readonly string[];
  /** The open chat's message list. */
  conversation: readonly string[];
  /** One message (bubble, run or row). */
  row: readonly string[];
  /** The text of one message, inside a row. */
  text: readonly string[];
  /** Lines between rows that date the rows after them ("January 4, 2026 00:02"). */
  timeDivider?: readonly string[];
  /** The other party in the chat header: exactly one means a one-to-one chat. */
  partner?: readonly string[];
}

/** What one row says about itself; what it leaves out carries forward from the rows above. */
export interface RowFacts {
  /** Display name of the sender. */
  senderName?: string;
  /** Sender's TikTok-style handle, when the page shows one. */
  senderHandle?: string;
  /** Sent by the signed-in user: no sender carries forward from it or over it. */
  self?: boolean;
  /** Epoch ms, when the row carries its own exact time. */
  sentAt?: number;
  /** The row's own time label as printed ("9:41 AM"); the background reads it. */
  dateLabel?: string;
  /** The page's stable id of the message (Slack ts, WhatsApp data-id…). */
  id?: string;
}

export interface ChatReader {
  kind: CaptureKind;
  selectors: ChatSelectors;
  isActive(url: URL): boolean;
  /** Reads one row; `now` is passed in so relative labels ("Yesterday") stay testable. */
  rowFacts?(row: Element, now: number): RowFacts;
  /** Reads a time divider's text in the page (default: the text goes to the background, which reads it). */
  dividerTime?(text: string, now: number): number | undefined;
  /** The list is `column-reverse`: newest message first in the DOM, drawn at the bottom. */
  newestFirst?: boolean;
}

/** "/maya.creates/", "/@maya.creates", "@maya.creates" → "@maya.creates". Plain names are not handles. */
export function handleOf(el: Element): string | undefined {
  const href = el.getAttribute('href');
  const fromHref = href && /^\/@?([A-Za-z0-9._]{1,64})\/?(?:[?#]|$)/.exec(href)?.[1];
  if (fromHref) return toHandle(fromHref);
  const text = el.textContent?.trim() ?? '';
  return text.startsWith('@') ? toHandle(text) : undefined;
}

interface Walked {
  senderName?: string;
  senderHandle?: string;
  self?: boolean;
  sentAt?: number;
  /** Date texts since the last exact time, newest first: the first the background can read wins, else `sentAt`. */
  dateTexts: string[];
  id?: string;
}

/**
 * Rows and dividers in reading order (oldest first), carrying sender and time forward: chats
 * name the sender once per run and date a whole group of messages with one divider or label.
 */
function factsAt(conversation: Element, row: Element, reader: ChatReader, now: number): Walked {
  const { selectors } = reader;
  const rowSel = selectors.row.find((s) => conversation.querySelector(s));
  const divSel = selectors.timeDivider?.find((s) => conversation.querySelector(s));
  if (!rowSel) return { dateTexts: [] };
  const items = [...conversation.querySelectorAll([rowSel, divSel].filter(Boolean).join(','))];
  if (reader.newestFirst) items.reverse();
  const walked: Walked = { dateTexts: [] };
  for (const item of items) {
    if (divSel && item.matches(divSel) && !item.matches(rowSel)) {
      // A divider that cannot be dated for sure resets the time: better none than a wrong one.
      const text = cleanText(item.textContent) ?? '';
      walked.sentAt = reader.dividerTime?.(text, now);
      walked.dateTexts = reader.dividerTime ? [] : [text];
      continue;
    }
    const f = reader.rowFacts?.(item, now) ?? {};
    if (f.self) {
      walked.self = true;
      walked.senderName = f.senderName;
      walked.senderHandle = undefined;
    } else if (f.senderName || f.senderHandle) {
      walked.self = false;
      walked.senderName = f.senderName;
      walked.senderHandle = f.senderHandle;
    }
    if (f.dateLabel) walked.dateTexts = [f.dateLabel, ...walked.dateTexts];
    if (f.sentAt !== undefined) {
      walked.sentAt = f.sentAt;
      walked.dateTexts = [];
    }
    walked.id = f.id;
    if (item === row || item.contains(row)) break;
  }
  return walked;
}

/**
 * A chat is one unit: its messages are read in order as one text, because creators often send
 * a code in pieces over several bubbles. The control goes after the message where a code ends
 * (before it in the DOM when the list is drawn bottom-up), and each code is saved with that
 * message's sender and time. Virtualised lists re-render rows as you scroll: the unit changes,
 * the controller re-reads it and places each control again, once.
 */
export function chatSite(reader: ChatReader, pageUrl: () => string = () => location.href, now: () => number = Date.now): SiteAdapter {
  const { selectors } = reader;
  const rowSelector = selectors.row.join(',');
  return {
    kind: reader.kind,
    isActive: (url) => reader.isActive(url),
    isRecognised: (doc) => !!firstMatch(doc, selectors.app),
    findUnits(doc) {
      const conversation = firstMatch(doc, selectors.conversation);
      if (!conversation) return [];
      const rows = allMatches(conversation, selectors.row);
      // The innermost matches only: a text element can hold another (nested dir="auto" divs).
      const innermost = (found: HTMLElement[]) => found.filter((t) => !found.some((o) => o !== t && t.contains(o)));
      let segments = rows.flatMap((row) => innermost(allMatches(row, selectors.text)));
      if (reader.newestFirst) segments = segments.reverse();
      if (!segments.length) return [];
      // The list entry that matched (not the nearest of any fallback: WhatsApp nests [data-id] in its role="row").
      const rowSel = selectors.row.find((sel) => conversation.querySelector(sel)) ?? rowSelector;
      const rowOf = (segment: Element) => segment.closest(rowSel) ?? segment;
      const unit: CaptureUnit = {
        key: conversation,
        segments,
        noun: 'chat',
        place: (host, segment) => {
          // Under the message as the user sees it: in a column-reverse container that is before it in the DOM.
          const row = rowOf(segment);
          const parent = row.parentElement;
          const reversed = parent && doc.defaultView?.getComputedStyle(parent).flexDirection === 'column-reverse';
          if (reversed) row.before(host);
          else row.after(host);
        },
        meta(segment): MessageMeta {
          const partners = selectors.partner ? allMatches(doc, selectors.partner) : [];
          const handles = [...new Set(partners.map(handleOf).filter((h): h is string => !!h))];
          const partnerHandle = handles.length === 1 ? handles[0] : undefined;
          const row = segment && rowOf(segment);
          const at = now();
          const facts: Partial<Walked> = row ? factsAt(conversation, row, reader, at) : {};
          return {
            // The creator is whoever sent the code; in a one-to-one chat, the other party.
            partnerHandle: facts.senderHandle ?? partnerHandle,
            senderName: facts.senderName ?? (facts.self ? undefined : facts.senderHandle),
            url: pageUrl(),
            sentAt: facts.sentAt,
            sentAtText: dateText(facts.dateTexts ?? [], at),
            messageId: facts.id,
          };
        },
      };
      return [unit];
    },
  };
}
