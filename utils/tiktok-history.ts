import type { HistoryEntry } from './code-record';
import type { PostChange } from './tiktok-sync';

/**
 * Words for a code's history lines and TikTok's change reports. History is stored as facts
 * (utils/vault/schema.ts) and worded here when shown, with the reader's date format passed in.
 * No zod, no client: the dashboard and the background's notifications both use it.
 */

type FormatDate = (ms: number) => string;

const account = (e: { advertiserId?: string; accountName?: string }) =>
  e.accountName ? `${e.accountName} (${e.advertiserId})` : (e.advertiserId ?? 'an ad account');

const statusWords = (s: string | number | undefined) =>
  s === 'EXPIRED' ? 'expired' : s === 'REVOKED' ? 'revoked' : s === 'AUTHORIZED' ? 'authorized' : `“${String(s ?? 'unknown')}”`;

/** One history line without its date: "TikTok reports the authorization was extended to Mar 3". */
export function describeHistory(e: HistoryEntry, date: FormatDate): string {
  switch (e.kind) {
    case 'imported':
      return `Imported from Ads Manager (account ${account(e)}) with TikTok's exact dates`;
    case 'exact':
      return 'Period and expiry are now exact, from TikTok';
    case 'end-moved': {
      const to = typeof e.to === 'number' ? date(e.to) : String(e.to);
      const from = typeof e.from === 'number' ? date(e.from) : String(e.from);
      return typeof e.to === 'number' && typeof e.from === 'number' && e.to > e.from
        ? `TikTok reports the authorization was extended to ${to}`
        : `TikTok reports the authorization now ends ${to} (was ${from})`;
    }
    case 'status':
      return `TikTok reports the authorization is no longer active: ${statusWords(e.to)} (was ${statusWords(e.from)})`;
    case 'deleted':
      return 'TikTok reports the video was deleted or the code revoked';
    case 'listed':
      return `TikTok lists it in ad account ${account(e)}`;
    case 'applied':
      return `Applied to ad account ${account(e)}`;
  }
}

/** "Dec 3: TikTok reports …" */
export function historyLine(e: HistoryEntry, date: FormatDate): string {
  return `${date(e.at)}: ${describeHistory(e, date)}`;
}

/** A change as a notification title and text, naming who and which code. */
export function describeChange(c: PostChange, who: string, date: FormatDate): { title: string; message: string } {
  switch (c.kind) {
    case 'end-moved':
      return c.to > c.from
        ? { title: 'Authorization extended', message: `TikTok reports ${who}'s authorization was extended to ${date(c.to)} (was ${date(c.from)}).` }
        : { title: 'Authorization shortened', message: `TikTok reports ${who}'s authorization now ends ${date(c.to)} (was ${date(c.from)}).` };
    case 'status':
      return { title: 'Authorization no longer active', message: `TikTok reports ${who}'s code is ${statusWords(c.to)}. Ask them for a renewal.` };
    case 'deleted':
      return { title: 'Video deleted', message: `TikTok reports ${who}'s video was deleted or the code revoked. Ask them for a new code.` };
  }
}
