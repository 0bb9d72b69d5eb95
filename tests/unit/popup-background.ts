// The popup reads its lists by message. These tests answer those reads the way the background does:
// the payload through its real schema, then the real handler over the test's vault.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { messageSchemas } from '@/utils/protocol-schemas';
import { codeHandlers } from '@/entrypoints/background/code-handlers';
import { announceVaultChanges } from '@/entrypoints/background/vault-changes';

// @webext-core/messaging (the popup's vaultChanged listener) talks to the global `chrome`.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

const READS = ['popupView', 'savedCodes'] as const;
type Read = (typeof READS)[number];

export const isPopupRead = (type: string): type is Read => (READS as readonly string[]).includes(type);

/** The background's answer to one of the popup's reads. */
export async function answerPopupRead(type: Read, data: unknown): Promise<unknown> {
  const handlers = codeHandlers(codesDb(), () => {});
  const parsed = messageSchemas[type].data.parse(data);
  return type === 'popupView'
    ? handlers.popupView!(parsed as never, {})
    : handlers.savedCodes!(parsed as never, {});
}

/**
 * What the background's broadcast does in Chrome: after each vault command the page hears
 * `vaultChanged` (delivered here to the page's own runtime.onMessage listeners). Returns the stop.
 */
export function deliverVaultChanges(): () => void {
  return announceVaultChanges(() =>
    fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'vaultChanged', data: {}, timestamp: Date.now() }, { id: fakeBrowser.runtime.id }),
  );
}
