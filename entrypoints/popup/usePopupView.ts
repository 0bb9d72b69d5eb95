import { useEffect, useState } from 'react';
import { useBackgroundRead } from '@/components/useBackgroundRead';
import { sendMessage } from '@/utils/protocol';
import { LIMITS } from '@/utils/vault/limits';
import { popupSnapshotItem, shownView, usableSnapshot, type PopupSnapshot } from '@/utils/popup-snapshot';
import type { PopupView } from '@/utils/vault/queries';

/** The snapshot the background left in session storage, read once when the popup opens (no service worker involved). */
export function usePopupSnapshot(): PopupSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<PopupSnapshot>();
  useEffect(() => {
    let live = true;
    popupSnapshotItem.getValue().then(
      (raw) => live && setSnapshot(usableSnapshot(raw)),
      () => {},
    );
    return () => {
      live = false;
    };
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
  const { value: live, error } = useBackgroundRead(() => sendMessage('popupView', { query: query.slice(0, LIMITS.search), limits }), [query, limits, ...deps]);
  return { ...shownView(live, snapshot, query), snapshot, error };
}
