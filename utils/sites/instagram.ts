/** Instagram direct messages, as data. Class names are generated; roles and aria labels are not. */
export const INSTAGRAM = {
  /** Instagram is a single-page app: the script runs site-wide and wakes up only on /direct/. */
  matches: ['https://www.instagram.com/*'],
  activePaths: ['/direct/'],
  testedOn: ['https://www.instagram.com/direct/t/17842501234567890/ (one-to-one thread)', 'https://www.instagram.com/direct/inbox/'],
  app: ['div[role="main"]', 'section main'],
  conversation: ['div[role="grid"][aria-label^="Messages in conversation"]', 'div[aria-label^="Messages in conversation"]', 'div[role="main"] div[role="grid"]'],
  row: ['div[role="row"]'],
  /** Text of one bubble. */
  text: ['div[role="gridcell"] div[dir="auto"]', 'div[dir="auto"]'],
  /** Profile links in the thread header: exactly one means a one-to-one chat. */
  partner: ['div[role="main"] header a[role="link"][href^="/"]', 'a[aria-label^="Open the profile page of"]'],
  /** Rows without a gridcell hold the date between groups of messages. */
  timeDivider: ['div[role="row"]:not(:has([role="gridcell"])) span[dir="auto"]', 'h4 span[dir="auto"]'],
} as const;
