import type { AdCodeRecord } from './code-record';
import { LIMITS } from './vault/limits';
import type { ApiError, ApiErrorKind } from './tiktok-api-errors';
import type { AccountRef } from './tiktok-sync';
import { translator, type MessageKey, type Translator } from './i18n/core';

/**
 * "Apply to ad accounts…": the verdict on one code × account pair in plain words, and what a
 * success changes on the record. Pure: time is passed in.
 */

export type ApplyOutcome = 'applied' | 'already' | 'failed';

export interface ApplyVerdict {
  outcome: ApplyOutcome;
  /** What the result table says. */
  words: string;
  /** Worth a "Retry failed" click without anyone acting first (rate limit, offline, TikTok's own trouble). */
  retry: boolean;
}

/** Already recorded in that account (applied by us, or listed there by TikTok): no request is needed. */
export function alreadyIn(record: AdCodeRecord, advertiserId: string): boolean {
  return !!record.accounts?.some((a) => a.advertiserId === advertiserId);
}

/** Our words for each API error kind outside English (the client words its errors in English only). */
const REASONS: Partial<Record<ApiErrorKind, MessageKey>> = {
  token: 'apWhyToken',
  advertiser: 'apWhyAdvertiser',
  scope: 'apWhyScope',
  defect: 'apWhyDefect',
  'rate-limited': 'apWhyRateLimited',
  offline: 'apWhyOffline',
  server: 'apWhyServer',
  'bad-response': 'apWhyBadResponse',
  other: 'apWhyOther',
};

/**
 * Why a request failed, in the user's language. English keeps the client's own message, which
 * carries details (the missing scope, the HTTP status) the short translated ones leave out.
 */
export function errorReason(error: ApiError, words: Pick<Translator, 'lang' | 't'>): string {
  const key = REASONS[error.kind];
  if (words.lang === 'en' || !key) return error.message;
  const code = error.apiCode ?? /HTTP \d{3}/.exec(error.message)?.[0] ?? '?';
  return words.t(key, { code });
}

export function verdictOf(
  error: ApiError | undefined,
  already = false,
  words: Pick<Translator, 'lang' | 't'> = translator('en'),
): ApplyVerdict {
  const { t } = words;
  if (already) return { outcome: 'already', words: t('apAlready'), retry: false };
  if (!error) return { outcome: 'applied', words: t('apApplied'), retry: false };
  const failed = (text: string, retry = false): ApplyVerdict => ({ outcome: 'failed', words: text, retry });
  const why = errorReason(error, words);
  switch (error.kind) {
    case 'code-expired':
      return failed(t('apExpired'));
    case 'code-revoked':
      return failed(t('apDeleted'));
    case 'code-invalid':
      return failed(t('apFormat'));
    case 'advertiser':
    case 'scope':
      return failed(t('apNoPermission', { message: why }));
    case 'rate-limited':
    case 'offline':
    case 'server':
    case 'bad-response':
      return failed(t('apNotYet', { message: why }), true);
    default:
      return failed(why);
  }
}

/** A success: the record knows the code is in that account now, and says so in its history. */
export function markApplied(record: AdCodeRecord, account: AccountRef, now: number): AdCodeRecord {
  const others = (record.accounts ?? []).filter((a) => a.advertiserId !== account.advertiserId);
  return {
    ...record,
    updatedAt: now,
    accounts: [...others, { advertiserId: account.advertiserId, name: account.name, state: 'applied' as const, at: now }].slice(
      -LIMITS.accounts,
    ),
    history: [
      ...(record.history ?? []),
      { at: now, actor: 'me' as const, kind: 'applied' as const, advertiserId: account.advertiserId, accountName: account.name },
    ].slice(-LIMITS.history),
  };
}
