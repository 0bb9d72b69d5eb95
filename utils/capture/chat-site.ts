import type { CaptureKind } from '../code-record';
import { parseMailDate } from '../mail-date';
import { allMatches, cleanText, firstMatch, toHandle } from './dom';
import type { CaptureUnit, SiteAdapter } from './types';

/** Selectors of a web chat (Instagram DMs, TikTok messages); see utils/sites/. */
export interface ChatSiteConfig {
  activePaths: readonly string[];
  app: readonly string[];
  conversation: readonly string[];
  row: readonly string[];
  text: readonly string[];
  partner: readonly string[];
  /** "Nov 20, 2026, 9:41 AM" lines the chat puts between groups of bubbles. */
  timeDivider: readonly string[];
}

/** The last time divider before `segment` in page order, read as a date (undefined if unsure). */
function sentBefore(conversation: Element, segment: Element, config: ChatSiteConfig): number | undefined {
  let last: Element | undefined;
  for (const d of allMatches(conversation, config.timeDivider)) {
    if (d.compareDocumentPosition(segment) & Node.DOCUMENT_POSITION_FOLLOWING) last = d;
    else break;
  }
  return parseMailDate(last?.textContent, { now: Date.now() });
}

/** "/maya.creates/", "/@maya.creates", "@maya.creates", "maya.creates" → "@maya.creates". */
function handleOf(el: Element): string | undefined {
  const href = el.getAttribute('href');
  const fromHref = href && /^\/@?([A-Za-z0-9._]{1,64})\/?(?:[?#]|$)/.exec(href)?.[1];
  return toHandle(fromHref || el.textContent?.trim().replace(/^@/, ''));
}

/**
 * A chat thread is one unit: its bubbles are read in order as one text, because creators
 * often send a code in pieces or wrap it between bubbles. Controls go after the bubble
 * where a code ends. In a one-to-one thread the other party is taken as the creator.
 */
export function chatSite(kind: CaptureKind, hostname: string, config: ChatSiteConfig, pageUrl: () => string = () => location.href): SiteAdapter {
  return {
    kind,
    isActive: (url) => url.hostname === hostname && config.activePaths.some((p) => url.pathname.startsWith(p)),
    isRecognised: (doc) => !!firstMatch(doc, config.app),
    findUnits(doc) {
      const conversation = firstMatch(doc, config.conversation);
      if (!conversation) return [];
      const rows = allMatches(conversation, config.row);
      const segments = rows.flatMap((row) => allMatches(row, config.text).filter((t) => !t.querySelector(config.text.join(','))));
      if (!segments.length) return [];
      const rowSelector = config.row.join(',');
      const unit: CaptureUnit = {
        key: conversation,
        segments,
        quoteSelectors: [],
        noun: 'chat',
        place: (host, segment) => (segment.closest(rowSelector) ?? segment).after(host),
        meta(segment) {
          const partners = allMatches(doc, config.partner);
          const handles = [...new Set(partners.map(handleOf).filter((h): h is string => !!h))];
          const partnerHandle = handles.length === 1 ? handles[0] : undefined;
          return {
            partnerHandle,
            senderName: partnerHandle && cleanText(partners[0].getAttribute('aria-label')?.replace(/^Open the profile page of\s*/i, '') ?? partners[0].textContent),
            url: pageUrl(),
            sentAt: segment ? sentBefore(conversation, segment, config) : undefined,
          };
        },
      };
      return [unit];
    },
  };
}
