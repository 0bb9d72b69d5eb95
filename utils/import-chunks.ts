import type { StoredRecord } from './vault/schema';
import { BATCH } from './vault/limits';
import type { ImportChunk } from './protocol';

export interface ImportProgress {
  /** Records the background holds so far. */
  sent: number;
  total: number;
  /** The last chunk went out: the background is writing everything in one transaction. */
  committing: boolean;
}

type Send = (chunk: ImportChunk) => Promise<{ added: number; merged: number; staged?: number }>;

const INTERRUPTED = 'The import was interrupted';

/** The background's refusal when its stage lost chunks (the service worker was restarted midway). */
export function interruptedMessage(staged: number, total: number): string {
  return `${INTERRUPTED}: the extension's background holds ${staged} of the ${total} codes sent (it was restarted midway), so nothing was imported. Try again.`;
}

/** The stage in the background lost chunks: nothing was written, and trying again is the remedy. */
export class ImportInterrupted extends Error {}

export function isImportInterrupted(e: unknown): boolean {
  return e instanceof ImportInterrupted || (e instanceof Error && e.message.startsWith(INTERRUPTED));
}

/** The user cancelled a chunked import before its commit: the background dropped the stage. */
export class ImportCancelled extends Error {}

export interface SendImportOptions {
  onProgress?: (p: ImportProgress) => void;
  chunkSize?: number;
  /** Aborting before the last chunk drops the stage; once the commit is sent it runs to its end. */
  signal?: AbortSignal;
}

/**
 * Sends an import of any size as chunks under one import id (messages have a size limit), then
 * commits them all at once. On any failure or cancel the stage is dropped, so the vault stays as it was.
 * Each chunk's reply says how many records the background holds; fewer than were sent means the
 * service worker restarted and lost the stage, and the import stops there (the commit would refuse too).
 * `newId` and `send` are passed in (tests drive the background harness).
 */
export async function sendImportInChunks(
  records: StoredRecord[],
  send: Send,
  newId: () => string,
  { onProgress = () => {}, chunkSize = BATCH.import, signal }: SendImportOptions = {},
): Promise<{ added: number; merged: number }> {
  const total = records.length;
  if (signal?.aborted) throw new ImportCancelled('The import was cancelled; nothing was imported.');
  if (total <= chunkSize) {
    onProgress({ sent: 0, total, committing: true });
    return send({ records });
  }
  const importId = newId();
  try {
    let sent = 0;
    while (total - sent > chunkSize) {
      const { staged } = await send({ importId, more: true, records: records.slice(sent, sent + chunkSize) });
      sent += chunkSize;
      if (staged !== sent) throw new ImportInterrupted(interruptedMessage(staged ?? 0, total));
      if (signal?.aborted) throw new ImportCancelled('The import was cancelled; nothing was imported.');
      onProgress({ sent, total, committing: false });
    }
    onProgress({ sent, total, committing: true });
    const res = await send({ importId, records: records.slice(sent), total });
    onProgress({ sent: total, total, committing: false });
    return res;
  } catch (e) {
    await send({ importId, cancel: true, records: [] }).catch(() => {});
    throw isImportInterrupted(e) && !(e instanceof ImportInterrupted) ? new ImportInterrupted((e as Error).message) : e;
  }
}

/** A fresh import id (matches TOKEN_PATTERN). */
export function newImportId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
