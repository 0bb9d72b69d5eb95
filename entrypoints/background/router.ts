import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;
import { onMessage, type ProtocolMap } from '@/utils/protocol';
import { messageSchemas, type SenderKind } from '@/utils/protocol-schemas';
import { explainStorageError } from '@/utils/storage-errors';
import { decodeRequest, encodeReply, looksLikePageRequest, PAGE_CALLS } from '@/utils/capture/page-protocol';

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Result<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;
export type Handler<K extends keyof ProtocolMap> = (
  data: Data<K>,
  sender: Sender,
) => Result<K> | Promise<Result<K>>;
export type Handlers = { [K in keyof ProtocolMap]?: Handler<K> };

export interface RejectedMessage {
  at: number;
  type: string;
  reason: string;
}

const MAX_LOG = 100;
/** Recent refused messages, newest last; kept small on purpose (it is a diagnostic, not an audit). */
export const rejectedLog: RejectedMessage[] = [];

function logRejected(rawType: string, reason: string) {
  // A forged message can carry a megabyte-long "type"; the log keeps enough to recognise it.
  const type = rawType.length > 80 ? `${rawType.slice(0, 80)}…` : rawType;
  rejectedLog.push({ at: Date.now(), type, reason });
  if (rejectedLog.length > MAX_LOG) rejectedLog.splice(0, rejectedLog.length - MAX_LOG);
  console.warn(`[ad-code-keeper] refused "${type}": ${reason}`);
}

/** The one extension page that is embedded in web pages (web_accessible_resources). */
const PICKER_PAGE = '/code-picker.html';

export function senderKind(sender: Sender, extensionOrigin: string, extensionId: string): SenderKind | undefined {
  if (sender.id !== extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(extensionOrigin)) {
    // Our origin, but maybe inside someone else's page: the picker page, or any of our pages framed
    // in a tab (frameId ≠ 0), gets the picker's few messages, never the vault's writes.
    const path = new URL(sender.url).pathname;
    const framed = sender.tab !== undefined && (sender.frameId ?? 0) !== 0;
    return path === PICKER_PAGE || framed ? 'picker' : 'extension';
  }
  if (sender.tab && /^https:\/\//.test(sender.url)) return 'content';
  return undefined;
}

/**
 * Wires handlers to the message protocol. Each message is refused unless it comes from
 * a sender allowed for it and its payload parses; handlers only ever see checked data.
 */
/** Message types some registerHandlers call answers here. */
const answered = new Set<string>();
let watchingStrays = false;

/**
 * @webext-core/messaging silently ignores what it has no listener for (no `type`, an unknown
 * type, a type only content scripts answer); a stray or forged message should leave the same
 * trace as any other refused one. Never answers, so it cannot interfere with real replies.
 */
function watchStrayMessages() {
  if (watchingStrays) return;
  watchingStrays = true;
  browser.runtime.onMessage.addListener((message: unknown) => {
    // Page-script requests have their own listener (watchPageRequests), which logs its own refusals.
    if (looksLikePageRequest(message)) return undefined;
    const envelope = (typeof message === 'object' && message !== null ? message : {}) as { type?: unknown; timestamp?: unknown };
    const type = typeof envelope.type === 'string' ? envelope.type : `(${typeof message === 'object' ? 'no type' : typeof message})`;
    if (typeof envelope.type !== 'string' || typeof envelope.timestamp !== 'number') logRejected(type, 'not a protocol message');
    else if (!answered.has(envelope.type)) logRejected(type, 'no such message here');
    return undefined;
  });
}

type Checked = (data: unknown, sender: Sender) => Promise<unknown>;
/** Checked handlers of the page-script protocol's calls, filled by registerHandlers. */
const pageCalls = new Map<string, Checked>();
let watchingPages = false;

/**
 * The page-script protocol (utils/capture/page-protocol.ts): the same checks and handlers as
 * the typed protocol, in the tiny wire format mail and chat pages speak. Answers with
 * sendResponse + `true`, the way Chrome (and webextension-polyfill) keep the channel open.
 */
function watchPageRequests() {
  if (watchingPages) return;
  watchingPages = true;
  browser.runtime.onMessage.addListener(((message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (!looksLikePageRequest(message)) return undefined;
    const request = decodeRequest(message);
    const run = request && pageCalls.get(request.call);
    if (!request || !run) {
      const call = (message as { call?: unknown }).call;
      logRejected(typeof call === 'string' ? call : '(page request)', request ? 'no such message here' : 'not a page protocol request');
      sendResponse(encodeReply({ error: new Error('Message refused: not a request this version understands.') }));
      return undefined;
    }
    run(request.data, sender).then(
      (value) => sendResponse(encodeReply({ value })),
      (error) => sendResponse(encodeReply({ error })),
    );
    return true;
  }) as never);
}

/** Sender check, payload parse, handler, storage-error wording: every message goes through this. */
function checked<K extends keyof ProtocolMap>(type: K, handler: Handler<K>, origin: string): Checked {
  return async (data, sender) => {
    const rule = messageSchemas[type];
    const kind = senderKind(sender, origin, browser.runtime.id);
    if (!kind || !rule.from.includes(kind)) {
      logRejected(type, `sender not allowed (${kind ?? 'unknown'})`);
      throw new Error('Message refused: sender not allowed.');
    }
    const parsed = rule.data.safeParse(data);
    if (!parsed.success) {
      logRejected(type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      throw new Error('Message refused: invalid data.');
    }
    try {
      return await handler(parsed.data as never, sender);
    } catch (e) {
      // Raw IndexedDB errors ("QuotaExceededError", "DatabaseClosedError") mean nothing to a user.
      throw explainStorageError(e);
    }
  };
}

const PAGE_TYPES: readonly string[] = PAGE_CALLS;

export function registerHandlers(handlers: Handlers): () => void {
  const origin = browser.runtime.getURL('/');
  watchStrayMessages();
  watchPageRequests();
  const types = Object.keys(handlers) as (keyof ProtocolMap)[];
  types.forEach((t) => answered.add(t));
  const removers = types.map((type) => {
    const run = checked(type, handlers[type] as Handler<typeof type>, origin);
    if (PAGE_TYPES.includes(type)) pageCalls.set(type, run);
    const remove = onMessage(type, ({ data, sender }) => run(data, sender as Sender) as never);
    return () => {
      remove();
      if (pageCalls.get(type) === run) pageCalls.delete(type);
    };
  });
  return () => {
    removers.forEach((r) => r());
    types.forEach((t) => answered.delete(t));
  };
}
