/**
 * Instagram direct messages, as data. Class names are generated; roles, pagelets and aria
 * labels are not. The 2026 DOM first, the 2025 grid (role="grid"/"row"/"gridcell") as fallbacks.
 */
export const INSTAGRAM = {
  /** Instagram is a single-page app: the script runs site-wide and wakes up only on /direct/. */
  matches: ['https://www.instagram.com/*'],
  activePaths: ['/direct/'],
  app: ['[data-pagelet="IGDMessagesList"]', '[data-pagelet="IGDOpenMessageList"]', 'div[role="main"]', 'section main'],
  /** 2026: a column-reverse list holding only the 10–15 messages near the viewport. */
  conversation: ['[data-pagelet="IGDMessagesList"]', 'div[role="grid"][aria-label^="Messages in conversation"]', 'div[aria-label^="Messages in conversation"]'],
  /** 2026: one [role="group"] per message. */
  row: ['[role="group"]', 'div[role="row"]'],
  /** Text of one bubble (reply quotes lack the span wrapper). */
  text: ['span[dir="auto"] > div[dir="auto"]', 'div[role="gridcell"] div[dir="auto"]', 'div[dir="auto"]'],
  /** A received row carries the sender's avatar link; own rows have none. */
  rowSender: ['a[aria-label^="Open the profile page of"][href^="/"]'],
  /** Profile links in the thread header: exactly one means a one-to-one chat. */
  partner: ['[data-pagelet="IGDInboxHeaderOffMsys"] a[href^="/"]', 'div[role="main"] header a[role="link"][href^="/"]'],
  /** Time lines sit outside the groups, between them. */
  timeDivider: ['[data-pagelet="IGDMessagesList"] > div > div:not(:has([role="group"])) span[dir="auto"]', 'div[role="row"]:not(:has([role="gridcell"])) span[dir="auto"]', 'h4 span[dir="auto"]'],
  /** The message id Instagram gives a bubble (`mid.$…`), stable across re-renders. */
  messageId: ['[id^="mid."]', '[data-message-id]'],
} as const;
