import { allMatches, cleanText, firstMatch, within } from '../../capture/dom';
import type { CaptureUnit, SiteAdapter } from '../../capture/types';
import { dateText } from '../../capture/date-text';
import { afterOutlookHeader, attributionOf, outlookHeaderBefore } from '../../capture/quote-line';
import { OUTLOOK } from './selectors';

/** The smallest element above the body that also holds this message's date (its header). */
function messageRoot(body: Element): Element {
  for (let a = body.parentElement, depth = 0; a && depth < 12; a = a.parentElement, depth++) {
    if (firstMatch(a, OUTLOOK.date)) return a;
  }
  return body;
}

function nearest(el: Element, selectors: readonly string[]): HTMLElement | null {
  for (let a = el.parentElement, depth = 0; a && depth < 20; a = a.parentElement, depth++) {
    const found = firstMatch(a, selectors);
    if (found) return found;
  }
  return null;
}

const inOutlookQuote = within(OUTLOOK.quote);

/** Outlook prints dates the way the browser's locale does: 11/06/2026 is read in that order. */
const numericOrder = (lang: string) => (/^en(-US)?$/i.test(lang) ? 'mdy' : 'dmy');

export function outlookSite(pageUrl: () => string = () => location.href, language = () => navigator.language): SiteAdapter {
  return {
    kind: 'outlook',
    isActive: (url) => OUTLOOK.matches.some((m) => m.startsWith(`https://${url.hostname}/`)) && url.pathname.startsWith('/mail'),
    isRecognised: (doc) => !!firstMatch(doc, OUTLOOK.app),
    findUnits(doc) {
      // Nested matches (a document inside a UniqueMessageBody) are one message, not two.
      const bodies = allMatches(doc, OUTLOOK.body).filter((b, _, all) => !all.some((o) => o !== b && o.contains(b)));
      return bodies.map((body): CaptureUnit => {
        const root = messageRoot(body);
        return {
          key: root === body ? body : root,
          segments: [body],
          // Outlook's own quotes start after a "From: … Sent: …" block, which no selector can tell.
          inQuote: (el) => inOutlookQuote(el) || afterOutlookHeader(el, body),
          quoteAttribution: (el, segment) => attributionOf(el, segment, [], outlookHeaderBefore),
          place: (host) => body.before(host),
          meta() {
            const sender = firstMatch(root, OUTLOOK.sender);
            const senderText = cleanText(sender?.textContent) ?? '';
            const email = /[^\s<>()]+@[^\s<>()]+\.[a-z]{2,}/i.exec(`${sender?.getAttribute('title') ?? ''} ${senderText}`)?.[0];
            const date = firstMatch(root, OUTLOOK.date);
            return {
              senderName: cleanText(senderText.replace(/<[^>]*>|\S+@\S+/g, '')),
              senderEmail: email,
              subject: cleanText(nearest(root, OUTLOOK.subject)?.textContent, 1000),
              sentAtText: dateText([date?.getAttribute('title') || date?.textContent], Date.now(), numericOrder(language())),
              url: pageUrl(),
              messageId: body.id.replace(/^UniqueMessageBody_?/, '') || undefined,
            };
          },
        };
      });
    },
  };
}
