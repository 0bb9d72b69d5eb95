/**
 * IndexedDB failures in words a user can act on. Every write runs in one transaction, so when
 * one of these happens nothing was changed, and the message can say so.
 */

export const QUOTA_MESSAGE =
  'Nothing was changed: your browser is out of storage space for Ad Code Keeper. Free some disk space or delete old codes, then try again.';
export const CLOSED_MESSAGE =
  'Nothing was changed: the code vault is closed (the browser may be shutting down or Ad Code Keeper is updating). Try again in a moment.';
export const BROKEN_MESSAGE =
  'Nothing was changed: the browser could not open the code vault on disk. Restart the browser and try again.';

const KIND_BY_NAME: Record<string, string> = {
  QuotaExceededError: QUOTA_MESSAGE,
  DatabaseClosedError: CLOSED_MESSAGE,
  InvalidStateError: CLOSED_MESSAGE,
  OpenFailedError: BROKEN_MESSAGE,
  UnknownError: BROKEN_MESSAGE,
};

/**
 * Names of the error and of what it wraps: Dexie reports the DOMException as `inner` (AbortError →
 * QuotaExceededError) or, for bulk writes and modify(), in `failures` (BulkError, ModifyError).
 */
function errorNames(e: unknown, depth = 0): string[] {
  if (!e || typeof e !== 'object' || depth > 3) return [];
  const { name, inner, failures } = e as { name?: unknown; inner?: unknown; failures?: unknown };
  const wrapped = failures && typeof failures === 'object' ? Object.values(failures).slice(0, 5) : [];
  return [
    ...(typeof name === 'string' ? [name] : []),
    ...errorNames(inner, depth + 1),
    ...wrapped.flatMap((f) => errorNames(f, depth + 1)),
  ];
}

/** A clear Error for storage failures; anything else is returned unchanged. */
export function explainStorageError(e: unknown): unknown {
  const known = errorNames(e).find((n) => n in KIND_BY_NAME);
  if (!known) return e;
  const explained = new Error(KIND_BY_NAME[known]);
  explained.name = known;
  return explained;
}
