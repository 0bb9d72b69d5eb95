import { allMatches, cleanText, firstMatch, within } from '../../capture/dom';
import type { CaptureUnit, MessageMeta, SiteAdapter } from '../../capture/types';
import { dateText } from '../../capture/date-text';
import { attributionOf } from '../../capture/quote-line';
import { GMAIL } from './selectors';

const inGmailQuote = within(GMAIL.quote);

/** Nearest match above `el`: Gmail keeps several thread views in the page (split view, history). */
function nearest(el: Element, selectors: readonly string[]): HTMLElement | null {
  for (let a = el.parentElement, depth = 0; a && depth < 14; a = a.parentElement, depth++) {
    const found = firstMatch(a, selectors);
    if (found) return found;
  }
  return null;
}

function threadUnit(message: HTMLElement, body: HTMLElement, pageUrl: () => string): CaptureUnit {
  const clipped = firstMatch<HTMLAnchorElement>(message, GMAIL.thread.clipped);
  return {
    key: message,
    segments: [body],
    inQuote: inGmailQuote,
    quoteAttribution: (el, segment) => attributionOf(el, segment, GMAIL.quoteAttribution),
    clippedLink: clipped?.href.startsWith('https://mail.google.com/') ? clipped.href : undefined,
    siteName: SITE_NAME,
    // Above the body, under the sender line: Gmail rewrites text inside the body at times.
    place: (host) => body.before(host),
    meta(): MessageMeta {
      const sender = firstMatch(message, GMAIL.thread.sender);
      const date = firstMatch(message, GMAIL.thread.date);
      return {
        senderName: cleanText(sender?.getAttribute('name') ?? sender?.textContent),
        senderEmail: cleanText(sender?.getAttribute('email')),
        subject: cleanText(nearest(message, GMAIL.thread.subject)?.textContent, 1000),
        sentAtText: dateText([date?.getAttribute('title')], Date.now()),
        url: pageUrl(),
        messageId: cleanText(message.getAttribute('data-legacy-message-id') ?? message.getAttribute('data-message-id')),
      };
    },
  };
}

function fullViewUnit(message: HTMLElement, body: HTMLElement, doc: Document, pageUrl: () => string): CaptureUnit {
  return {
    key: message,
    segments: [body],
    inQuote: inGmailQuote,
    quoteAttribution: (el, segment) => attributionOf(el, segment, GMAIL.quoteAttribution),
    place: (host) => body.prepend(host),
    meta(): MessageMeta {
      // "Maya Lopez <maya@example.com>"
      const from = cleanText(firstMatch(message, GMAIL.fullView.sender)?.textContent) ?? '';
      const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>/.exec(from);
      return {
        senderName: cleanText(m ? m[1] : from),
        senderEmail: m?.[2],
        subject: cleanText(firstMatch(doc, GMAIL.fullView.subject)?.textContent, 1000),
        sentAtText: dateText([firstMatch(message, GMAIL.fullView.date)?.textContent], Date.now()),
        url: pageUrl(),
      };
    },
  };
}

/** Gmail names the page in the clipped-message note. */
const SITE_NAME = 'Gmail';

export function gmailSite(pageUrl: () => string = () => location.href): SiteAdapter {
  return {
    kind: 'gmail',
    isActive: (url) => url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/'),
    // Gmail's app shell, or failing that any message we know how to read (a trimmed-down page,
    // a print or offline view): the messages themselves are what matter.
    isRecognised: (doc) =>
      !!firstMatch(doc, GMAIL.app) || !!firstMatch(doc, GMAIL.thread.message) || !!firstMatch(doc, GMAIL.fullView.message),
    findUnits(doc) {
      if (new URL(pageUrl()).searchParams.get('view') === 'lg') {
        return allMatches(doc, GMAIL.fullView.message).flatMap((message) => {
          const body = firstMatch(message, GMAIL.fullView.body);
          return body ? [fullViewUnit(message, body, doc, pageUrl)] : [];
        });
      }
      return allMatches(doc, GMAIL.thread.message).flatMap((message) => {
        const body = firstMatch(message, GMAIL.thread.body);
        return body ? [threadUnit(message, body, pageUrl)] : [];
      });
    },
  };
}
