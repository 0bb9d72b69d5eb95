import { onCommandCommitted } from '@/utils/vault/commands';
import { sendMessage } from '@/utils/protocol';

/**
 * After every vault command, tells open extension pages (the popup) to read again. A burst of
 * commands (an import in parts) becomes one message. Returns the unsubscribe.
 */
export function announceVaultChanges(announce: () => Promise<unknown> = () => sendMessage('vaultChanged', {})): () => void {
  let queued = false;
  return onCommandCommitted(() => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      // Rejected when no page is open to hear it ("Receiving end does not exist"): nothing to tell then.
      announce().catch(() => {});
    }, 0);
  });
}
