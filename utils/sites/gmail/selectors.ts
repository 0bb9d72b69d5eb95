/**
 * Gmail, as data. Each list is tried in order: today's class names first, then sturdier
 * fallbacks. Gmail renames classes now and then; when it does, fix this file only.
 */
export const GMAIL = {
  matches: ['https://mail.google.com/mail/*'],
  /** Present on every Gmail page we understand. */
  app: ['div[role="main"]', 'div.nH.bkK', 'body > div.bodycontainer'],
  thread: {
    /** Expanded messages only; collapsed ones (div.kv, div.kQ) have no body and are skipped. */
    /** The thread shell of each message: div.adn[data-message-id="#msg-f:…"]. */
    message: ['div.adn[data-message-id]', 'div.adn[data-legacy-message-id]', 'div[data-message-id]'],
    /**
     * Gmail keeps an empty, hidden twin of each body (div.ii.gt[style="display:none"] >
     * div.a3s.aiL.undefined): it must never count, whichever comes first.
     */
    body: ['div.ii.gt:not([style*="display"]) > div.a3s:not(.undefined)', 'div.a3s:not(.undefined)', 'div.ii.gt:not([style*="display"]) > div'],
    sender: ['span.gD[email]', 'h3 span[email][name]', 'span[email][name]'],
    date: ['span.g3[title]', 'td.gH span[title]', 'span[title][alt]'],
    subject: ['h2.hP', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]'],
    clipped: ['div.iX a[href*="view=lg"]', 'a[href*="view=lg"]'],
  },
  /** "View entire message" opens a plain page with the same message unclipped. */
  fullView: {
    message: ['table.message'],
    body: ['table.message > tbody > tr:nth-child(2) td', 'table.message div'],
    sender: ['table.message > tbody > tr:first-child td:first-child'],
    date: ['table.message > tbody > tr:first-child td[align="right"]', 'table.message td[align="right"]'],
    subject: ['div.maincontent > table:first-child font b', 'div.maincontent b', 'title'],
  },
  /**
   * Earlier messages quoted in a reply (expanded or behind the "…" button). Gmail trims repeated
   * content into div.HOEnZb > div.adm > div.ajR (the "•••" toggle) then div.im.
   */
  /** The "On Fri, Nov 20, 2026 at 10:14 AM Maya <…> wrote:" line above a quote: the quoted message's date. */
  quoteAttribution: ['div.gmail_attr', '.gmail_quote_attribution'],
  quote: ['blockquote', '.gmail_quote', '.gmail_extra', 'div.adL', 'div.yj6qo', 'div.im', 'div.adm', 'div.HOEnZb'],
} as const;
