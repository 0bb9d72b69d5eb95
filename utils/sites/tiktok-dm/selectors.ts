/**
 * TikTok web messages, as data. TikTok's data-e2e attributes outlive its generated classes.
 * Since about Aug 2026 they are the `dm-new-*` family; the January 2026 generation
 * (`chat-item`, `DivChatItemWrapper`) follows each list as a fallback.
 */
export const TIKTOK_DM = {
  /**
   * The chat opens as a drawer on any www.tiktok.com page, the URL no longer changes per chat,
   * and business accounts get it in a frame (/business-suite/messages → /messages?…scene=business):
   * the script runs on every page, in every frame, and wakes up when a chat is in the DOM.
   */
  matches: ['https://www.tiktok.com/*'],
  app: ['[data-e2e="dm-new-chatbox"]', '[data-e2e="dm-new-conversation-list"]', '[data-e2e="chat-list-item"]', '#main-content-messages', '#app'],
  conversation: ['[data-e2e="dm-new-message-list"]', '[data-e2e="dm-new-chatbox"]', 'div[class*="DivChatMainContent"]', '[data-e2e="chat-main"]', 'div[class*="DivChatBox"]'],
  row: ['[data-e2e="dm-new-chat-item"]', '[data-e2e="chat-item"]', 'div[class*="DivChatItemWrapper"]'],
  text: ['[data-e2e="dm-new-message-text"]', '[data-e2e="chat-item"] p', 'div[class*="DivTextContainer"] p'],
  /** The header handle ("@sam.bakes"); the old header linked the profile. */
  partner: ['[data-e2e="chat-uniqueid"]', 'div[class*="DivChatHeader"] a[href^="/@"]'],
  partnerName: ['[data-e2e="dm-new-chat-nickname"]', '[data-e2e="chat-nickname"]'],
  timeDivider: ['[data-e2e="dm-new-time-separator"]', 'div[class*="DivTimeContainer"]', '[data-e2e="chat-time"]'],
  /** The sender's profile link: in the row, or in the virtualised list's [data-index] wrapper around it. */
  rowSender: ['a[href^="/@"]'],
  rowWrapper: ['[data-index]'],
} as const;
