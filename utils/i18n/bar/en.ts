/**
 * The mail-page Save bar's words (utils/capture/control-bar.ts and its parts). The mail scripts
 * name each word by its English text (BarText), which is also what they show when the background
 * does not answer; the background sends the user's language as a table from that English to its
 * words (words.ts), so no other language, and no second copy of the English, reaches a web page.
 * `{name}` is a placeholder; keys ending in _one/_other are plural forms (the scripts pass both
 * English forms, so they must differ).
 */
export const enBar = {
  saved: 'Saved',
  savedTitle: 'Saved in Ad Code Keeper',
  saving: 'Saving…',
  allSaved_one: 'code saved',
  allSaved_other: 'all {count} codes saved',
  inMessage_one: 'ad code in this message',
  inMessage_other: '{count} ad codes in this message',
  inChat_one: 'ad code in this chat',
  inChat_other: '{count} ad codes in this chat',
  earlierCount_one: '{count} from an earlier message',
  earlierCount_other: '{count} from earlier messages',
  saveAll: 'Save all',
  saveAllMessage: 'Save all codes in this message',
  saveAllChat: 'Save all codes in this chat',
  apply: 'Apply to ad accounts…',
  include: 'include',
  earlier: 'from an earlier message',
  earlierOn: 'from an earlier message ({day})',
  save: 'Save',
  saveCode: 'Save ad code {code}',
  clippedMore: 'This message is clipped: more codes may be in the part {site} hides.',
  clippedOne: 'This message is clipped: an ad code may be in the part {site} hides.',
  thePage: 'the page',
  open: 'Open entire message',
  notSaved: 'Not saved: {reason}',
  notCode: 'this is not an ad code.',
  /** The vault's reason for refusing a capture (utils/vault/commands.ts), which the bar shows after "Not saved:". */
  vaultNotCode: 'Not an ad code: expected # followed by about 64 letters, digits, + or /.',
  periodLabel: 'Authorization period',
  period: 'Period:',
  days_one: '{count} day',
  days_other: '{count} days',
  askDate: 'Date not found — when did this code arrive?',
  today: 'Today',
  video: 'video linked',
  noPeriod: 'no period stated',
  noAnswer: 'Ad Code Keeper did not answer. Try again in a moment.',
  badReply: 'Ad Code Keeper answered in a format this page does not know. Reload the page.',
  refused: 'Ad Code Keeper refused the request.',
  turnedOff: 'Ad Code Keeper was updated or turned off. Reload this page to save codes.',
  restarted: 'Ad Code Keeper was updated or restarted. Reload this page to save codes.',
} as const;

export type BarKey = keyof typeof enBar;
export type BarCatalog = Record<BarKey, string>;
/** A word as the mail scripts name it: its English. */
export type BarText = (typeof enBar)[BarKey];
/** What the background sends: the English of every word → the word in the user's language. */
export type BarWords = Record<BarText, string>;
