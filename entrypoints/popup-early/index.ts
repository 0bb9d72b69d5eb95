import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_GLOBAL, SNAPSHOT_STORAGE_KEY, type EarlySnapshotRead } from '@/utils/popup-early';

/**
 * Runs in the popup's <head>, before its module bundle is fetched and compiled: starts the
 * session-storage read of the background's snapshot (and applies its theme) so both are ready
 * when React first renders. Nothing else is loaded here.
 */
/** Just the call this script makes: the `chrome` global, without the polyfill (10 kB) the `browser` import brings. */
interface SessionArea {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
}
const chromeApi = () => (globalThis as unknown as { chrome: SessionArea }).chrome;

export default defineUnlistedScript(() => {
  const read: EarlySnapshotRead = {
    promise: chromeApi().storage.session.get(SNAPSHOT_STORAGE_KEY).then(
      (items) => {
        const value: unknown = items[SNAPSHOT_STORAGE_KEY];
        read.done = { value };
        const theme = (value as { settings?: { theme?: unknown } } | undefined)?.settings?.theme;
        if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
        return value;
      },
      () => undefined,
    ),
  };
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = read;
});
