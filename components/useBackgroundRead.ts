import { useEffect, useState } from 'react';
import { onMessage } from '@/utils/protocol';

const readers = new Set<() => void>();
let stopListening: (() => void) | undefined;

/**
 * Runs `reader` whenever the background says a vault command committed. The messaging library
 * allows one listener per message type in a page, so every read on the page shares this one.
 */
export function onVaultChanged(reader: () => void): () => void {
  stopListening ??= onMessage('vaultChanged', () => readers.forEach((r) => r()));
  readers.add(reader);
  return () => {
    readers.delete(reader);
    if (readers.size) return;
    stopListening?.();
    stopListening = undefined;
  };
}

export interface BackgroundRead<T> {
  /** `undefined` until the first answer; then the latest answer, kept while the next one loads. */
  value: T | undefined;
  error?: string;
}

/**
 * How the popup reads the vault: it asks the background (the database's one owner), and asks again
 * when a dep changes or the vault changes. Of overlapping answers only the newest request's is kept.
 * `enabled` false holds the reading back (the popup, while it paints its snapshot first).
 */
export function useBackgroundRead<T>(read: () => Promise<T>, deps: unknown[], enabled = true): BackgroundRead<T> {
  const [state, setState] = useState<BackgroundRead<T>>({ value: undefined });
  useEffect(() => {
    if (!enabled) return;
    let latest = 0;
    let live = true;
    const run = () => {
      const mine = ++latest;
      read().then(
        (value) => live && mine === latest && setState({ value }),
        (e: unknown) => live && mine === latest && setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e) })),
      );
    };
    run();
    const stop = onVaultChanged(run);
    return () => {
      live = false;
      stop();
    };
    // The caller's deps say when `read` changes, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);
  return state;
}
