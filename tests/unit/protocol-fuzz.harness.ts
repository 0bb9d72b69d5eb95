// The background's message side, wired as entrypoints/background/index.ts wires it, driven the
// way Chrome drives it: listener(message, sender, sendResponse), `true` meaning "answer later".
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/vault/db';
import { removeAllListeners } from '@/utils/protocol';
import { registerHandlers } from '@/entrypoints/background/router';
import { codeHandlers } from '@/entrypoints/background/code-handlers';
import { captureHandlers } from '@/entrypoints/background/capture-handlers';
import { expiryHandlers } from '@/entrypoints/background/expiry-handlers';
import { dashboardHandlers } from '@/entrypoints/background/dashboard-handlers';
import type { commitImport } from '@/utils/vault/commands';
import { pickerHandlers } from '@/entrypoints/background/picker-handlers';
import { applyFromPageHandlers } from '@/entrypoints/background/apply-handlers';

export const EXTENSION_ID = fakeBrowser.runtime.id;
export const EXTENSION_PAGE = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` } as Browser.runtime.MessageSender;
export const GMAIL_TAB = {
  id: EXTENSION_ID,
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXk',
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
} as Browser.runtime.MessageSender;

/** The code picker frame our Ads Manager content script embeds: our origin, inside a web page's tab. */
export const PICKER_FRAME = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/code-picker.html`,
  tab: { id: 5 } as Browser.tabs.Tab,
  frameId: 3,
} as Browser.runtime.MessageSender;

export type Reply = { res?: unknown; err?: { message?: string; name?: string } } | undefined;

/** `commitImport`: the import commit the background uses (a test may count instead of writing 200,000 rows). */
export function startBackground(db: CodesDb, opts: { commitImport?: typeof commitImport } = {}) {
  // @webext-core/messaging talks to the global `chrome`.
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  removeAllListeners();
  const changed = vi.fn(async () => {});
  const unregister = [
    registerHandlers(codeHandlers(db, changed)),
    registerHandlers(captureHandlers(db)),
    registerHandlers(expiryHandlers(db, changed)),
    registerHandlers(dashboardHandlers(db, changed, opts.commitImport)),
    registerHandlers(pickerHandlers(db, changed)),
    registerHandlers(applyFromPageHandlers(db, changed)),
  ];

  /** Delivers one message to every runtime.onMessage listener and returns the reply, if any listener answers. */
  function send(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> {
    return new Promise((resolve, reject) => {
      let answering = false;
      const sendResponse = (r: unknown) => resolve(r as Reply);
      // Chrome delivers runtime messages JSON-serialized: no undefined, NaN → null, no functions.
      const delivered = JSON.parse(JSON.stringify(message) ?? 'null');
      // fakeBrowser types trigger() as (message, sender); Chrome also passes sendResponse.
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
      trigger(delivered, sender, sendResponse)
        .then((results: unknown[]) => {
          answering = results.some((r) => r === true);
          if (!answering) resolve(undefined);
        })
        .catch(reject);
    });
  }

  const envelope = (type: string, data: unknown) => ({ id: 1, type, data, timestamp: Date.now() });

  return {
    changed,
    send,
    /** A well-formed protocol message. */
    request: (type: string, data: unknown, sender = EXTENSION_PAGE) => send(envelope(type, data), sender),
    stop: () => unregister.forEach((u) => u()),
  };
}
