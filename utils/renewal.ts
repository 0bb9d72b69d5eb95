import type { AdCodeRecord } from './code-record';
import { translator, type Language, shortCode } from './i18n';
import { formatDate } from './i18n/dates';
import { isSingleEmail } from './links';

/** A renewal request: a reply to the message the code came in, asking for a fresh authorization. */

export interface RenewalDraft {
  to?: string;
  subject: string;
  body: string;
}

export type RenewalRecord = Pick<AdCodeRecord, 'code' | 'creatorHandle' | 'expiresAt' | 'periodDays' | 'source'>;

export function renewalDraft(record: RenewalRecord, periodDays: number, lang: Language, zone: string, now: number): RenewalDraft {
  const { t } = translator(lang);
  const name = record.source.senderName?.trim() || record.creatorHandle;
  const date = formatDate(record.expiresAt, zone, lang, 'long');
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
    '',
    t('renewalBody2', { period: periodDays }),
    '',
    t('renewalThanks'),
  ].join('\n');
  // Exactly one address or none: an imported list ("a@x.com,b@y.com") must not add recipients.
  return { to: isSingleEmail(record.source.senderEmail) ? record.source.senderEmail : undefined, subject, body };
}

/**
 * Gmail cannot open a reply inside a thread from a URL, so a code captured in Gmail gets a
 * Gmail compose window addressed to the sender with "Re: <subject>"; anything else with a
 * sender address gets mailto:. No address means the caller offers to copy the text instead.
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
