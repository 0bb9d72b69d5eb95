import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;
import { onMessage, type ProtocolMap } from '@/utils/protocol';
import { messageSchemas, type SenderKind } from '@/utils/protocol-schemas';

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

function logRejected(type: string, reason: string) {
  rejectedLog.push({ at: Date.now(), type, reason });
  if (rejectedLog.length > MAX_LOG) rejectedLog.splice(0, rejectedLog.length - MAX_LOG);
  console.warn(`[ad-code-keeper] refused "${type}": ${reason}`);
}

export function senderKind(sender: Sender, extensionOrigin: string, extensionId: string): SenderKind | undefined {
  if (sender.id !== extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab && /^https:\/\//.test(sender.url)) return 'content';
  return undefined;
}

/**
 * Wires handlers to the message protocol. Each message is refused unless it comes from
 * a sender allowed for it and its payload parses; handlers only ever see checked data.
 */
export function registerHandlers(handlers: Handlers): () => void {
  const origin = browser.runtime.getURL('/');
  const removers = (Object.keys(handlers) as (keyof ProtocolMap)[]).map((type) =>
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
      return handler(parsed.data as never, sender as Sender) as never;
    }),
  );
  return () => removers.forEach((r) => r());
}
