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

/**
 * Sends an import of any size as chunks under one import id (messages have a size limit), then
 * commits them all at once. On any failure the stage is dropped, so the vault stays as it was.
 * `newId` and `send` are passed in (tests drive the background harness).
 */
export async function sendImportInChunks(
  records: StoredRecord[],
  send: Send,
  newId: () => string,
  onProgress: (p: ImportProgress) => void = () => {},
  chunkSize: number = BATCH.import,
): Promise<{ added: number; merged: number }> {
  const total = records.length;
  if (total <= chunkSize) {
    onProgress({ sent: 0, total, committing: true });
    return send({ records });
  }
  const importId = newId();
  try {
    let sent = 0;
    while (total - sent > chunkSize) {
      await send({ importId, more: true, records: records.slice(sent, sent + chunkSize) });
      sent += chunkSize;
      onProgress({ sent, total, committing: false });
    }
    onProgress({ sent, total, committing: true });
    const res = await send({ importId, records: records.slice(sent) });
    onProgress({ sent: total, total, committing: false });
    return res;
  } catch (e) {
    await send({ importId, cancel: true, records: [] }).catch(() => {});
    throw e;
  }
}

/** A fresh import id (matches TOKEN_PATTERN). */
export function newImportId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
