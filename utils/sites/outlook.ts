/**
 * Outlook on the web (personal and work), as data. Outlook's class names are generated and
 * change weekly, so ids, roles, aria labels and data-testid come first.
 */
export const OUTLOOK = {
  matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*'],
  testedOn: [
    'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWExYjAtMDACLTAwCgAQAK… (reading pane)',
    'https://outlook.office.com/mail/inbox/id/AAQkAGI2… (work account, conversation view)',
    'https://outlook.office365.com/mail/deeplink/read/AAMkAGI2… (opened in a new window)',
  ],
  app: ['#ReadingPaneContainerId', '[data-app-section="ConversationContainer"]', 'div[role="main"]'],
  body: ['div[id^="UniqueMessageBody_"]', 'div[role="document"]'],
  /** The element above a body that holds one message's header: it contains a date. */
  date: ['[data-testid="SentReceivedSavedTime"]', '[id$="_DATE"]', 'div[title][aria-label^="Sent"]'],
  sender: ['[data-testid="SenderPersona"] span[title*="@"]', 'span[title*="@"]', '[aria-label^="From:"]'],
  subject: ['[data-app-section="ConversationTopic"] span[title]', 'div[role="heading"][aria-level="2"] span[title]', 'div[role="heading"][aria-level="2"]'],
  /** Outlook quotes by appending the earlier mail after a "From: … Sent: …" block, not inside it. */
  quote: ['[id$="divRplyFwdMsg"]', '[id$="divRplyFwdMsg"] ~ *', '[id$="appendonsend"] ~ *', 'blockquote', '.gmail_quote', '.x_gmail_quote'],
} as const;
