/**
 * The one rule for the two things a saved code links out to, used by capture, import, edits and
 * display alike: a creator's video (only an https tiktok.com video or short link is ever a link)
 * and a sender's address (exactly one address, so a draft never gains extra recipients).
 * Plain functions, no zod: page scripts and the small picker bundle may use them.
 */

const TIKTOK_HOST = /^(?:[a-z0-9-]{1,30}\.){0,3}tiktok\.com$/;
const VIDEO_PATH = /^\/@[A-Za-z0-9._]{1,30}\/(?:video|photo)\/\d{5,25}\/?$/;
const SHORT_PATH = /^\/(?:t\/)?[A-Za-z0-9]{5,20}\/?$/;

/** The link as a normalized href when it is an https TikTok video (or short) link, else undefined. */
export function tiktokVideoUrl(value: string | undefined): string | undefined {
  if (!value || value.length > 2048) return undefined;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port || !TIKTOK_HOST.test(u.hostname)) return undefined;
  const short = /^(vm|vt)\./.test(u.hostname) || u.pathname.startsWith('/t/');
  return VIDEO_PATH.test(u.pathname) || (short && SHORT_PATH.test(u.pathname)) ? u.href : undefined;
}

/** What a video link shows: TikTok's own links without "https://www.", anything else never shortened. */
export function videoLinkLabel(href: string): string {
  return tiktokVideoUrl(href) ? href.replace(/^https:\/\/(www\.)?/, '') : href;
}

/** One e-mail address (no list, no display name, no spaces); RFC 5321 length limits. */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isSingleEmail(value: string | undefined): value is string {
  return !!value && value.length <= 254 && EMAIL.test(value);
}
