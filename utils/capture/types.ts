import type { CaptureKind } from '../code-record';
import type { SentAtText } from '../vault/schema';

/** What a page tells us about one message (or chat thread), read when the user saves. */
export interface MessageMeta {
  senderName?: string;
  senderEmail?: string;
  subject?: string;
  /** Sent date, epoch ms; undefined when the page's date could not be read for sure. */
  sentAt?: number;
  /** The date as the page printed it; the background reads it (and it wins over `sentAt` when it reads for sure). */
  sentAtText?: SentAtText;
  /** Link back to the thread or message. */
  url?: string;
  messageId?: string;
  /** In a one-to-one chat: the other party, who is the creator when a code arrives. */
  partnerHandle?: string;
}

/**
 * One place codes can arrive in: a mail message, or a run of chat bubbles. `segments` are
 * read in order as one text, so a code split across bubbles or lines is still found.
 */
export interface CaptureUnit {
  /** Stable element the controls belong to; the UI is removed when it leaves the page. */
  key: Element;
  segments: Element[];
  /** Where the control bar goes for codes found in `segment`. */
  place(host: HTMLElement, segment: Element): void;
  /** `segment`: where the code is, for pages that date each part (chat time dividers). */
  meta(segment?: Element): MessageMeta;
  /** Whether `el` sits in a quoted earlier message (mail sites; chats have none). */
  inQuote?(el: Element): boolean;
  /** The "On … wrote:" line of the quote around `el` (inside `segment`), for mail sites; see capture/quote-line.ts. */
  quoteAttribution?(el: Element, segment: Element): string | undefined;
  /** Link that opens the whole message when the page clipped it. */
  clippedLink?: string;
  /** The site's name as users know it ("Gmail"), for the bar's wording; the bar itself names no site. */
  siteName?: string;
  /** How the bar names the place: "3 ad codes in this message" / "…in this chat". */
  noun?: 'message' | 'chat';
}

export interface SiteAdapter {
  kind: CaptureKind;
  /** False on pages of the site where codes never arrive (feed, settings…). */
  isActive(url: URL): boolean;
  /** True when the page has the structure the selectors were written for. */
  isRecognised(doc: Document): boolean;
  findUnits(doc: Document): CaptureUnit[];
}
