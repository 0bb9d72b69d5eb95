/** TikTok web messages, as data. TikTok's data-e2e attributes outlive its generated classes. */
export const TIKTOK_DM = {
  /** Single-page app: the script runs site-wide and wakes up only on /messages. */
  matches: ['https://www.tiktok.com/*'],
  activePaths: ['/messages'],
  testedOn: ['https://www.tiktok.com/messages?lang=en&u=7012345678901234567 (one-to-one chat)'],
  app: ['[data-e2e="chat-list-item"]', 'div[class*="DivChatMain"]', '#main-content-messages', 'main'],
  conversation: ['div[class*="DivChatMainContent"]', '[data-e2e="chat-main"]', 'div[class*="DivChatBox"]'],
  row: ['[data-e2e="chat-item"]', 'div[class*="DivChatItemWrapper"]'],
  text: ['[data-e2e="chat-item"] p', 'div[class*="DivTextContainer"] p', '[data-e2e="chat-item"] span'],
  partner: ['[data-e2e="chat-uniqueid"]', 'div[class*="DivChatHeader"] a[href^="/@"]'],
  timeDivider: ['div[class*="DivTimeContainer"]', '[data-e2e="chat-time"]'],
} as const;
