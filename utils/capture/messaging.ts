import type { ProtocolMap } from '../protocol';

/**
 * The messages mail pages send, in @webext-core/messaging's wire format
 * ({id, type, data, timestamp} → {res} | {err}), without its runtime: mail-page scripts
 * must stay tiny. The background parses and checks every payload.
 */
type PageMessages = Pick<ProtocolMap, 'saveCodes' | 'findCodes'>;
export type SendToBackground = <K extends keyof PageMessages>(
  type: K,
  data: Parameters<PageMessages[K]>[0],
) => Promise<ReturnType<PageMessages[K]>>;

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  id?: string;
}

let nextId = 1;

export function backgroundSender(runtime: Runtime | undefined = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime): SendToBackground {
  return async (type, data) => {
    if (!runtime?.id) throw new Error('Ad Code Keeper was updated or turned off. Reload this page to save codes.');
    let reply: unknown;
    try {
      reply = await runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() });
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (/context invalidated|receiving end does not exist/i.test(text)) {
        throw new Error('Ad Code Keeper was updated or restarted. Reload this page to save codes.');
      }
      throw new Error(`Could not reach Ad Code Keeper: ${text}`);
    }
    const r = reply as { res?: unknown; err?: { message?: string } } | undefined;
    if (!r) throw new Error('Ad Code Keeper did not answer. Try again in a moment.');
    if (r.err) throw new Error(r.err.message ?? 'Ad Code Keeper refused the request.');
    return r.res as never;
  };
}
