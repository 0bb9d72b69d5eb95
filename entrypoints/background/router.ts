import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;
import { onMessage, type ProtocolMap } from '@/utils/protocol';
import { messageSchemas, type SenderKind } from '@/utils/protocol-schemas';
import { explainStorageError } from '@/utils/storage-errors';

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
    const envelope = (typeof message === 'object' && message !== null ? message : {}) as { type?: unknown; timestamp?: unknown };
    const type = typeof envelope.type === 'string' ? envelope.type : `(${typeof message === 'object' ? 'no type' : typeof message})`;
    if (typeof envelope.type !== 'string' || typeof envelope.timestamp !== 'number') logRejected(type, 'not a protocol message');
    else if (!answered.has(envelope.type)) logRejected(type, 'no such message here');
    return undefined;
  });
}

export function registerHandlers(handlers: Handlers): () => void {
  const origin = browser.runtime.getURL('/');
  watchStrayMessages();
  const types = Object.keys(handlers) as (keyof ProtocolMap)[];
  types.forEach((t) => answered.add(t));
  const removers = types.map((type) =>
    onMessage(type, async ({ data, sender }) => {
      const rule = messageSchemas[type];
      const kind = senderKind(sender as Sender, origin, browser.runtime.id);
      if (!kind || !rule.from.includes(kind)) {
        logRejected(type, `sender not allowed (${kind ?? 'unknown'})`);
        throw new Error('Message refused: sender not allowed.');
      }
      const parsed = rule.data.safeParse(data);
      if (!parsed.success) {
        logRejected(type, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        throw new Error('Message refused: invalid data.');
      }
      const handler = handlers[type] as Handler<typeof type>;
      try {
        return (await handler(parsed.data as never, sender as Sender)) as never;
      } catch (e) {
        // Raw IndexedDB errors ("QuotaExceededError", "DatabaseClosedError") mean nothing to a user.
        throw explainStorageError(e);
      }
    }),
  );
  return () => {
    removers.forEach((r) => r());
    types.forEach((t) => answered.delete(t));
  };
}
