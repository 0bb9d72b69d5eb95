import { useEffect, useState } from 'react';
import { useBackgroundRead } from '@/components/useBackgroundRead';
import { sendMessage } from '@/utils/protocol';
import { LIMITS } from '@/utils/vault/limits';
import { popupSnapshotItem, shownView, usableSnapshot, type PopupSnapshot } from '@/utils/popup-snapshot';
import type { PopupView } from '@/utils/vault/queries';
import { earlySnapshotRead } from '@/utils/popup-early';

/**
 * The snapshot the background left in session storage, read once when the popup opens (no service
 * worker involved). The page's head started the read (entrypoints/popup-early); if it has answered,
 * the first render already has it.
 */
export function usePopupSnapshot(): PopupSnapshot | undefined {
  const early = earlySnapshotRead();
  const [snapshot, setSnapshot] = useState<PopupSnapshot | undefined>(() => (early?.done ? usableSnapshot(early.done.value) : undefined));
  useEffect(() => {
    if (early?.done) return;
    let live = true;
    (early?.promise ?? popupSnapshotItem.getValue()).then(
      (raw) => {
        performance.mark('popup:snapshot');
        if (live) setSnapshot(usableSnapshot(raw));
      },
      () => {},
    );
    return () => {
      live = false;
    };
    // Read once, when the popup opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return snapshot;
}

export interface ShownPopupView {
  view?: PopupView;
  /** Where the shown view came from: the snapshot only until the background's first answer. */
  from?: 'live' | 'snapshot';
  snapshot?: PopupSnapshot;
  error?: string;
}

/**
 * The popup's lists: painted from the snapshot at once, then from the background's `popupView`
 * answer, which always wins (and is read again on every vault change).
 */
export function usePopupView(
  snapshot: PopupSnapshot | undefined,
  query: string,
  limits: { usable: number; expired: number },
  deps: unknown[],
): ShownPopupView {
  // With a snapshot on screen, the background is asked once that first frame is painted: waking the
  // service worker and its counts would otherwise compete with the first paint for the same CPU.
  // Decided once, at the first render: a snapshot that arrives later does not hold back a read already under way.
  const [painted, setPainted] = useState(() => snapshot === undefined);
  useEffect(() => {
    if (painted) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [painted]);
  const { value: live, error } = useBackgroundRead(
    () => sendMessage('popupView', { query: query.slice(0, LIMITS.search), limits }),
    [query, limits, ...deps],
    painted,
  );
  return { ...shownView(live, snapshot, query), snapshot, error };
}
