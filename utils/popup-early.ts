/**
 * The popup's head starts reading its snapshot before the React bundle has loaded
 * (entrypoints/popup-early). Both sides name the same things here; no imports, so the early
 * script stays a few hundred bytes.
 */
export const SNAPSHOT_STORAGE_KEY = 'popupSnapshot';

export interface EarlySnapshotRead {
  /** Resolves with the raw stored value (or undefined when the read failed). */
  promise: Promise<unknown>;
  /** Set once the read has answered: the popup's first render can use it without waiting a tick. */
  done?: { value: unknown };
}

export const EARLY_GLOBAL = '__adCodeKeeperEarlySnapshot';

export function earlySnapshotRead(): EarlySnapshotRead | undefined {
  return (globalThis as Record<string, unknown>)[EARLY_GLOBAL] as EarlySnapshotRead | undefined;
}
