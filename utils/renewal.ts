import type { AdCodeRecord } from './code-record';
import { translator, type Language, shortCode } from './i18n/core';
import { formatDate } from './i18n/dates';
import { isSingleEmail, tiktokVideoUrl } from './links';

/** A renewal request: a reply to the message the code came in, asking for a fresh authorization. */

export interface RenewalDraft {
  to?: string;
  subject: string;
  body: string;
}

export type RenewalRecord = Pick<AdCodeRecord, 'code' | 'creatorHandle' | 'expiresAt' | 'periodDays' | 'source' | 'postUrl'>;

export function renewalDraft(record: RenewalRecord, periodDays: number, lang: Language, zone: string, now: number): RenewalDraft {
  const { t } = translator(lang);
  const name = record.source.senderName?.trim() || record.creatorHandle;
  const date = formatDate(record.expiresAt, zone, lang, 'long');
  const video = tiktokVideoUrl(record.postUrl);
  const subject = record.source.subject?.trim()
    ? `Re: ${record.source.subject.trim().replace(/^(re|aw|rv|sv|fwd?):\s*/i, '')}`
    : t('renewalSubjectDefault');
  const body = [
    name ? t('renewalGreeting', { name }) : t('renewalGreetingNoName'),
    '',
    t('renewalBody1', {
      code: shortCode(record.code),
      when: record.expiresAt > now ? t('renewalExpires', { date }) : t('renewalExpired', { date }),
    }),
    // Which video and which code, in full: a creator with many videos cannot tell from a shortened code.
    ...(video ? [t('renewalVideoLine', { url: video })] : []),
    ...(record.creatorHandle ? [t('renewalAccountLine', { handle: record.creatorHandle })] : []),
    t('renewalCodeLine', { code: record.code }),
    '',
    t('renewalBody2', { period: periodDays }),
    '',
    t('renewalThanks'),
  ].join('\n');
  // Exactly one address or none: an imported list ("a@x.com,b@y.com") must not add recipients.
  return { to: isSingleEmail(record.source.senderEmail) ? record.source.senderEmail : undefined, subject, body };
}

/** Where "send" takes the user: the way back to the creator that keeps the conversation in one place. */
export type RenewalRoute =
  /** The original Gmail thread (the draft is copied first: Gmail has no URL that opens a reply with a text). */
  | { kind: 'gmail-thread'; url: string }
  | { kind: 'gmail-compose'; url: string }
  | { kind: 'mailto'; url: string }
  /** No address: the creator's TikTok profile, to send the copied message there. */
  | { kind: 'tiktok-profile'; url: string }
  | { kind: 'copy-only' };

/** A Gmail link back that points at one message or thread (…#inbox/FMfcg…, #label/x/…, #search/q/…). */
function gmailThreadUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' || u.hostname !== 'mail.google.com') return undefined;
    return /^#[^/]+(?:\/[^/]+)*\/[A-Za-z0-9]{12,}$/.test(u.hash) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function renewalRoute(record: Pick<AdCodeRecord, 'source' | 'creatorHandle'>, draft: RenewalDraft): RenewalRoute {
  if (record.source.kind === 'gmail') {
    const thread = gmailThreadUrl(record.source.url);
    if (thread) return { kind: 'gmail-thread', url: thread };
  }
  const compose = renewalComposeUrl(record, draft);
  if (compose) return { kind: compose.startsWith('mailto:') ? 'mailto' : 'gmail-compose', url: compose };
  const handle = record.creatorHandle?.replace(/^@/, '');
  if (handle && /^[A-Za-z0-9._]{1,30}$/.test(handle)) return { kind: 'tiktok-profile', url: `https://www.tiktok.com/@${handle}` };
  return { kind: 'copy-only' };
}

/**
 * A new message to the sender: a Gmail compose window in the same account with "Re: <subject>" for a
 * code captured in Gmail without a thread link, mailto: for anything else. No address → undefined.
 */
export function renewalComposeUrl(record: Pick<AdCodeRecord, 'source'>, draft: RenewalDraft): string | undefined {
  if (!draft.to) return undefined;
  if (record.source.kind === 'gmail') {
    const params = new URLSearchParams({ view: 'cm', fs: '1', to: draft.to, su: draft.subject, body: draft.body });
    const account = /mail\.google\.com\/mail\/u\/(\d+)/.exec(record.source.url ?? '')?.[1];
    return `https://mail.google.com/mail/${account ? `u/${account}/` : ''}?${params}`;
  }
  // mailto wants %20, not '+', for spaces (RFC 6068); encodeURIComponent gives exactly that.
  return `mailto:${encodeURIComponent(draft.to)}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body)}`;
}
