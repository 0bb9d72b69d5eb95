/**
 * WhatsApp Web, as data. Its classes are atomic and identical for both sides since 2026 (no
 * `.message-in/.message-out`); what stays is `data-pre-plain-text`, data-testid and icons.
 */
export const WHATSAPP = {
  matches: ['https://web.whatsapp.com/*'],
  app: ['#main', '#app', '[data-scrolltracepolicy="wa.web.conversation.messages"]'],
  conversation: ['#main [data-scrolltracepolicy="wa.web.conversation.messages"]', '#main [role="application"]', '#main'],
  /** 2026: #main div[role="row"] > div[data-id][data-testid^="conv-msg-"]; Dec 2025: div._amjv[data-id]. */
  row: ['div[role="row"]', 'div[data-id]'],
  text: ['[data-pre-plain-text] span.selectable-text', '[data-pre-plain-text] [data-testid="selectable-text"]', '[data-pre-plain-text]'],
  /** "[8:19 PM, 6/13/2026] Name: " (locale order; 24 h forms too). */
  prePlain: ['[data-pre-plain-text]'],
  messageId: ['[data-id]'],
  /** Own messages: the outgoing tail on the first bubble of a run, a status icon, or the old class. */
  self: ['[data-icon="tail-out"]', '[data-icon="msg-dblcheck"]', '[data-icon="msg-check"]', '.message-out'],
  other: ['[data-icon="tail-in"]', '.message-in'],
} as const;
