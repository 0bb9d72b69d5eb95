import type { ProtocolMap } from '../protocol';
import type { BarText } from '../i18n/bar/en';

/**
 * The page-script protocol, version 1: how the tiny capture scripts (mail, DM and chat pages)
 * talk to the background. Both sides import this file, so they cannot drift apart.
 *
 *   request  { ackPage: 1, call: 'findCodes' | 'saveCodes' | 'describeExpiry' | 'barKit' | 'applyReady' | 'applyFromPage', data }
 *   reply    { ackPage: 1, ok: true, value } | { ackPage: 1, ok: false, error: '<message for the user>' }
 *
 * It has no `type` field on purpose: @webext-core/messaging (used by the extension's own pages)
 * ignores messages without one, so a page request is answered exactly once, by the background's
 * page listener (entrypoints/background/router.ts), after the same sender and payload checks.
 */
export const PAGE_PROTOCOL = 1;
export const PAGE_CALLS = ['findCodes', 'saveCodes', 'describeExpiry', 'barKit', 'applyReady', 'applyFromPage'] as const;
export type PageCall = (typeof PAGE_CALLS)[number];
export type PageData<K extends PageCall> = Parameters<ProtocolMap[K]>[0];
export type PageResult<K extends PageCall> = ReturnType<ProtocolMap[K]>;

export interface PageRequest<K extends PageCall = PageCall> {
  ackPage: typeof PAGE_PROTOCOL;
  call: K;
  data: PageData<K>;
}

export type PageReply =
  { ackPage: typeof PAGE_PROTOCOL; ok: true; value: unknown } | { ackPage: typeof PAGE_PROTOCOL; ok: false; error: string };

export function encodeRequest<K extends PageCall>(call: K, data: PageData<K>): PageRequest<K> {
  return { ackPage: PAGE_PROTOCOL, call, data };
}

/** The request in `message`, or undefined when it is not one (any other extension message). */
export function decodeRequest(message: unknown): { call: PageCall; data: unknown } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Partial<PageRequest>;
  if (m.ackPage !== PAGE_PROTOCOL || !PAGE_CALLS.includes(m.call as PageCall)) return undefined;
  return { call: m.call as PageCall, data: m.data };
}

/** True for anything that claims to be a page request, valid or not (the stray-message log skips these). */
export const looksLikePageRequest = (message: unknown): boolean => typeof message === 'object' && message !== null && 'ackPage' in message;

export function encodeReply(result: { value: unknown } | { error: unknown }): PageReply {
  if ('error' in result) {
    const e = result.error;
    return { ackPage: PAGE_PROTOCOL, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  return { ackPage: PAGE_PROTOCOL, ok: true, value: result.value };
}

/** The value a reply carries; throws the background's message when it refused or failed. */
export function decodeReply(reply: unknown): unknown {
  if (reply === undefined || reply === null) throw new Error('Ad Code Keeper did not answer. Try again in a moment.' satisfies BarText);
  const r = reply as Partial<PageReply>;
  if (r.ackPage !== PAGE_PROTOCOL || typeof r.ok !== 'boolean')
    throw new Error('Ad Code Keeper answered in a format this page does not know. Reload the page.' satisfies BarText);
  if (!r.ok) throw new Error((r as { error?: string }).error || ('Ad Code Keeper refused the request.' satisfies BarText));
  return (r as { value: unknown }).value;
}
