import type { CodesDb } from '@/utils/vault/db';
import { onCommandCommitted } from '@/utils/vault/commands';
import { loadPopupView } from '@/utils/vault/queries';
import { getSettings, type Settings } from '@/utils/settings';
import { makePopupSnapshot, popupSnapshotItem, SNAPSHOT_ROWS, type PopupSnapshot } from '@/utils/popup-snapshot';

interface SnapshotStore {
  setValue(value: PopupSnapshot | null): Promise<void>;
}

/**
 * Keeps the popup's first screen in session storage: written at start-up and after every committed
 * vault command. The old one is removed the moment a command commits, before the new one is read,
 * so a popup opened in between waits for the background rather than showing the list from before.
 * Returns `refresh` (for settings changes and the passing of time) and the unsubscribe.
 */
export function keepPopupSnapshot(
  db: CodesDb,
  store: SnapshotStore = popupSnapshotItem,
  readSettings: () => Promise<Settings> = getSettings,
  clock: () => number = Date.now,
): { refresh: () => Promise<void>; stop: () => void } {
  // Each write carries a number: a slower, older read never overwrites a newer one.
  let generation = 0;
  let written = 0;
  const refresh = async () => {
    const mine = ++generation;
    const settings = await readSettings();
    const now = clock();
    const view = await loadPopupView(db, now, settings.alertWindowDays, '', SNAPSHOT_ROWS);
    if (mine < written || mine !== generation) return;
    written = mine;
    await store.setValue(makePopupSnapshot(view, now, settings));
  };
  const stop = onCommandCommitted(() => {
    ++generation;
    void store
      .setValue(null)
      .then(refresh)
      .catch((e: unknown) => console.warn('[ad-code-keeper] popup snapshot not written', e));
  });
  return { refresh: () => refresh().catch((e: unknown) => console.warn('[ad-code-keeper] popup snapshot not written', e)), stop };
}
