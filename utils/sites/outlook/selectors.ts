/**
 * Outlook on the web (personal and work), as data. Outlook's class names are generated and
 * change weekly, so ids, roles, aria labels and data-testid come first.
 */
export const OUTLOOK = {
  /** Work accounts also live on outlook.cloud.microsoft (the id prefixes survived the move). */
  matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'],
  app: ['#ReadingPaneContainerId', '[data-app-section="ConversationContainer"]', 'div[role="main"]'],
  /**
   * UniqueMessageBody_N sits on the role="document" element or on its child (both seen live):
   * the reader counts nested matches once. The aria-label is localized ("Message body",
   * "Nachrichtentext"), so it is only a late fallback.
   */
  body: ['div[id^="UniqueMessageBody_"]', 'div[role="document"][aria-label="Message body"]', 'div[aria-label="Nachrichtentext"]', 'div[role="document"]'],
  /** The element above a body that holds one message's header: it contains a date. */
  date: ['[data-testid="SentReceivedSavedTime"]', '[id$="_DATE"]', 'div[title][aria-label^="Sent"]'],
  sender: ['[data-testid="SenderPersona"] span[title*="@"]', 'span[title*="@"]', '[aria-label^="From:"]'],
  subject: ['[data-app-section="ConversationTopic"] span[title]', 'div[role="heading"][aria-level="2"] span[title]', 'div[role="heading"][aria-level="2"]'],
  /** Outlook quotes by appending the earlier mail after a "From: … Sent: …" block, not inside it. */
  quote: ['[id$="divRplyFwdMsg"]', '[id$="divRplyFwdMsg"] ~ *', '[id$="appendonsend"] ~ *', 'blockquote', '.gmail_quote', '.x_gmail_quote'],
} as const;
