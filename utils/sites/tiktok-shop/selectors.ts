/**
 * TikTok Shop's brand ↔ creator chat, as data: Affiliate Center IM (its own page, and a panel
 * in other affiliate pages) is built on ByteDance's "chatd" chat kit. Seller Center's customer
 * chat has no known message DOM: the generic selectors below read it as well as they can.
 */
export const TIKTOK_SHOP = {
  matches: ['https://affiliate.tiktok.com/*', 'https://affiliate-us.tiktok.com/*', 'https://*.tiktok.com/chat/*'],
  /** Seller Center hosts are seller-<region>.tiktok.com (seller-us, seller-uk, seller-vn…). */
  sellerHost: /^seller(-[a-z]{2,3})?\.tiktok\.com$/,
  affiliateHost: /^affiliate(-[a-z]{2,3})?\.tiktok\.com$/,
  app: ['.chatd-root', '#im_sdk_ui_sdk_message_box', '.chatd-message', '[class*="chat"] [class*="message"]'],
  conversation: ['.chatd-root', '#im_sdk_ui_sdk_message_box', '[class*="message-list"]', '[class*="messageList"]', '[class*="MessageList"]'],
  /** Own rows are `chatd-message--right`; the creator's `--left`. */
  row: ['.chatd-message', '[class*="message-item"]', '[class*="messageItem"]', '[class*="MessageItem"]'],
  text: ['.chatd-message-body-info-message pre', '.chatd-message-body-info-message', '[class*="message-content"]', '[class*="messageContent"]'],
  self: ['.chatd-message--right', '.chatd-bubble-main--self'],
  /** Time labels sit on some rows only, in the page's locale and zone; rows without one inherit the last. */
  rowTime: ['.chatd-message-time .chatd-time', '.chatd-time'],
  /** The open conversation's card in the contact list; it names the creator. */
  contactName: ['.contactCard.selected [class*="name"]', '.contactCard.selected [class*="Name"]', '.contactCard.selected'],
  contactHandle: ['.contactCard.selected [class*="handle"]', '.contactCard.selected [class*="unique"]'],
} as const;
