import type { HistoryEntry } from './code-record';
import type { PostChange } from './tiktok-sync';
import { translator, type Translator } from './i18n/core';

/**
 * Words for a code's history lines and TikTok's change reports. History is stored as facts
 * (utils/vault/schema.ts) and worded here when shown, with the reader's date format and language
 * passed in (English when none is: the words live in utils/i18n/tiktok). No zod, no client.
 */

type FormatDate = (ms: number) => string;
type T = Translator['t'];
const english = translator('en').t;

const account = (e: { advertiserId?: string; accountName?: string }, t: T) =>
  e.accountName ? `${e.accountName} (${e.advertiserId})` : (e.advertiserId ?? t('histAnAccount'));

const statusWords = (s: string | number | undefined, t: T) =>
  s === 'EXPIRED'
    ? t('histExpired')
    : s === 'REVOKED'
      ? t('histRevoked')
      : s === 'AUTHORIZED'
        ? t('histAuthorized')
        : t('quoted', { text: String(s ?? t('histUnknown')) });

/** One history line without its date: "TikTok reports the authorization was extended to Mar 3". */
export function describeHistory(e: HistoryEntry, date: FormatDate, t: T = english): string {
  switch (e.kind) {
    case 'imported':
      return t('histImported', { account: account(e, t) });
    case 'exact':
      return t('histExact');
    case 'end-moved': {
      const to = typeof e.to === 'number' ? date(e.to) : String(e.to);
      const from = typeof e.from === 'number' ? date(e.from) : String(e.from);
      return typeof e.to === 'number' && typeof e.from === 'number' && e.to > e.from ? t('histExtended', { to }) : t('histMoved', { to, from });
    }
    case 'status':
      return t('histStatus', { to: statusWords(e.to, t), from: statusWords(e.from, t) });
    case 'deleted':
      return t('histDeleted');
    case 'listed':
      return t('histListed', { account: account(e, t) });
    case 'applied':
      return t('histApplied', { account: account(e, t) });
  }
}

/** "Dec 3: TikTok reports …" */
export function historyLine(e: HistoryEntry, date: FormatDate, t: T = english): string {
  return `${date(e.at)}: ${describeHistory(e, date, t)}`;
}

/** A change as a notification title and text, naming who and which code. */
export function describeChange(c: PostChange, who: string, date: FormatDate, t: T = english): { title: string; message: string } {
  switch (c.kind) {
    case 'end-moved': {
      const words = { who, to: date(c.to), from: date(c.from) };
      return c.to > c.from
        ? { title: t('chExtendedTitle'), message: t('chExtended', words) }
        : { title: t('chShortenedTitle'), message: t('chShortened', words) };
    }
    case 'status':
      return { title: t('chInactiveTitle'), message: t('chInactive', { who, status: statusWords(c.to, t) }) };
    case 'deleted':
      return { title: t('chDeletedTitle'), message: t('chDeleted', { who }) };
  }
}
