/**
 * Context around codes: post URLs, creator handles and periods, each an item to be paired with a code.
 */
import { IN_CODE } from './prepare';
import { findPeriodMentions } from './periods';

export type ItemKind = 'period' | 'handle' | 'url';

export interface Item {
  kind: ItemKind;
  start: number;
  end: number;
  value: string | number;
  /** Weak items (a period with no cue word) only attach to a code in the same paragraph. */
  strong: boolean;
  /** Weak period that reads as a caption, so it may sit on another line than its code. */
  caption?: boolean;
  /** Handle in a post URL: it goes wherever the URL goes. */
  urlHandle?: string;
  /** Period said of several codes at once ("all three are one year"). */
  shared?: boolean;
}

/** tiktok.com links, with or without scheme; group 1 the host, group 2 the path (query and fragment too). */
const TIKTOK_URL_RE =
  /(?<![A-Za-z0-9.@/-])(?:https?:\/\/)?((?:[a-z0-9-]{1,30}\.){0,3}tiktok\.com)(\/[^\s<>"'`()[\]{}“”‘’«»]{0,400})/gi;

const VIDEO_PATH_RE = /^\/@([A-Za-z0-9._]{1,30})\/(?:video|photo)\/\d{5,25}/;
const SHORT_PATH_RE = /^\/(?:t\/)?[A-Za-z0-9]{5,20}\/?/;
const PROFILE_PATH_RE = /^\/@([A-Za-z0-9._]{1,30})\/?(?=$|[?#])/;

export function findTikTokUrls(text: string, items: Item[]): void {
  if (!/tiktok\.com/i.test(text)) return;
  let count = 0;
  for (const m of text.matchAll(TIKTOK_URL_RE)) {
    if (++count > MAX_ITEMS) break;
    const host = m[1].toLowerCase();
    const path = m[2].replace(/[.,;:!?'"»”’)]+$/, '');
    const start = m.index;
    const end = start + m[0].length;
    const video = VIDEO_PATH_RE.exec(path);
    if (video) {
      const handle = '@' + video[1].toLowerCase().replace(/\.+$/, '');
      items.push({ kind: 'url', start, end, value: `https://${host}${video[0]}`, strong: true, urlHandle: handle });
      continue;
    }
    const profile = PROFILE_PATH_RE.exec(path);
    if (profile) {
      const handle = '@' + profile[1].toLowerCase().replace(/\.+$/, '');
      items.push({ kind: 'handle', start, end, value: handle, strong: true });
      continue;
    }
    const isShortHost = host.startsWith('vm.') || host.startsWith('vt.');
    const short = SHORT_PATH_RE.exec(path);
    if (short && (isShortHost || path.startsWith('/t/'))) {
      items.push({ kind: 'url', start, end, value: `https://${host}${short[0]}`, strong: true });
    }
  }
}

/** TikTok usernames: letters, digits, `_` and `.`, up to 24 chars, not ending in `.`. Not an e-mail's `@`. */
const HANDLE_RE = /(?<![A-Za-z0-9_.+\-@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,22}[A-Za-z0-9_])?)(?![A-Za-z0-9_@])/g;
/** A whole word from `words` (Latin script), as a regex source. */
const anyWord = (words: string[]) => `(?<!\\p{L})(?:${words.join('|')})(?!\\p{L})`;

/** Words right before a handle that say it is the creator's TikTok account. */
const HANDLE_CUE_RE = new RegExp(
  anyWord([
    'tik ?tok', 'account', 'acct', 'creator', 'creador[a]?', 'criador[a]?', 'cr[ée]at(?:eur|rice)',
    'creat(?:ore|rice)', 'handle', 'user ?name', 'usuario', 'usu[aá]rio', '(?:benutzer|nutzer)name',
    'profile?', 'perfil', 'cuenta', 'conta', 'konto', 'compte',
  ]) + '|アカウント|ユーザー名|クリエイター',
  'giu',
);
/** Other platforms: "IG: @x" or "@x on Instagram" is not the TikTok account. */
const OTHER_PLATFORMS = [
  'instagram', 'insta', 'ig', 'twitter', 'x', 'youtube', 'yt', 'snap(?:chat)?', 'facebook', 'fb', 'threads',
];
/** …and words that say it is something else (another platform, a colleague). */
const HANDLE_OTHER_RE = new RegExp(
  anyWord([
    ...OTHER_PLATFORMS, 'linkedin', 'e-?mail', 'slack', 'discord', 'pinterest', 'twitch',
    'manager', 'team', 'support', 'agency', 'cc',
  ]),
  'giu',
);
/** Right after the handle: "(TikTok)", ", TikTok", "on TikTok", "auf TikTok" … or "on Instagram". */
const AFTER_HANDLE = '^[ \\t]{0,2}[)\\]]?[ \\t]{0,2}';
const ON = '(?:on|en|no|na|auf|sur|su|in|at)[ \\t]+';
const HANDLE_ON_TIKTOK_RE = new RegExp(
  `${AFTER_HANDLE}(?:\\(tik ?tok\\)|[,–—-][ \\t]{0,2}tik ?tok|${ON}tik ?tok)`,
  'i',
);
const HANDLE_ON_OTHER_RE = new RegExp(`${AFTER_HANDLE}${ON}(?:${OTHER_PLATFORMS.join('|')})(?!\\p{L})`, 'iu');

function lastMatchEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

function isTikTokHandleMention(text: string, at: number, end: number): boolean {
  const after = text.slice(end, Math.min(text.length, end + 24));
  if (HANDLE_ON_TIKTOK_RE.test(after)) return true;
  if (HANDLE_ON_OTHER_RE.test(after)) return false;
  let from = Math.max(0, at - 48);
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl >= from) from = nl + 1;
  const before = text.slice(from, at);
  const cue = lastMatchEnd(HANDLE_CUE_RE, before);
  const other = lastMatchEnd(HANDLE_OTHER_RE, before);
  if (cue !== -1 && cue >= other) return true;
  // "Maya (@Some.Name)" or a code followed by "(@some.name)": in a message about TikTok codes, a handle in
  // parentheses with no other platform named before it on its line is the creator's TikTok account.
  return other === -1 && text[at - 1] === '(' && text[end] === ')';
}

export function findHandles(text: string, mask: Uint8Array, items: Item[]): void {
  if (!text.includes('@')) return;
  let count = 0;
  for (const m of text.matchAll(HANDLE_RE)) {
    if (mask[m.index]) continue;
    if (++count > MAX_ITEMS) break;
    const end = m.index + m[0].length;
    if (!isTikTokHandleMention(text, m.index, end)) continue;
    items.push({ kind: 'handle', start: m.index, end, value: '@' + m[1].toLowerCase(), strong: true });
  }
}

export function findPeriods(text: string, mask: Uint8Array, items: Item[]): void {
  const mentions = findPeriodMentions(
    text,
    (s) => mask[s] !== 0,
    (i) => mask[i] === IN_CODE,
  );
  for (const p of mentions) {
    const strong = p.cue === 'auth';
    const caption = !strong && isCaption(text, p);
    items.push({ kind: 'period', start: p.start, end: p.end, value: p.days, strong, caption, shared: p.shared });
  }
}

const CAPTION_OPEN = '([（【「–—-:：|,';
const CAPTION_CLOSE = ')]）】」–—-:：|,/.!。';

/**
 * "(30 days)", "– 30 days", a line that is just "30 days": a label, not prose like "I've been on TikTok for
 * a year". Bare periods on another line than the code only count when they look like this.
 */
function isCaption(text: string, p: { start: number; end: number }): boolean {
  let i = p.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i--;
  let j = p.end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  const opens = i < 0 || text[i] === '\n' || CAPTION_OPEN.includes(text[i]);
  const closes = j >= text.length || text[j] === '\n' || CAPTION_CLOSE.includes(text[j]);
  return opens && closes;
}

/** More URLs / handles than this in one message is not a real message; stop looking. */
const MAX_ITEMS = 2000;
