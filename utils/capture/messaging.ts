import type { BarText } from '../i18n/bar/en';
import { decodeReply, encodeRequest, type PageCall, type PageData, type PageResult } from './page-protocol';

/**
 * Sends the page-script protocol's requests (see page-protocol.ts) with the plain `chrome`
 * runtime: no messaging library and no polyfill, so mail-page scripts stay tiny. The
 * background checks the sender and parses every payload. Its errors are Save bar keys
 * (`satisfies BarText`, free at run time), so the bar shows them in the user's language.
 */
export type SendToBackground = <K extends PageCall>(type: K, data: PageData<K>) => Promise<PageResult<K>>;

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  id?: string;
}

export function backgroundSender(
  runtime: Runtime | undefined = (globalThis as { chrome?: { runtime?: Runtime } }).chrome?.runtime,
): SendToBackground {
  return async (type, data) => {
    if (!runtime?.id) throw new Error('Ad Code Keeper was updated or turned off. Reload this page to save codes.' satisfies BarText);
    let reply: unknown;
    try {
      reply = await runtime.sendMessage(encodeRequest(type, data));
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      if (/context invalidated|receiving end does not exist/i.test(text)) {
        throw new Error('Ad Code Keeper was updated or restarted. Reload this page to save codes.' satisfies BarText);
      }
      throw new Error(`Could not reach Ad Code Keeper: ${text}`);
    }
    return decodeReply(reply) as never;
  };
}
