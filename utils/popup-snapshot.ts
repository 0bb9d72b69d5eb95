import { storage } from 'wxt/utils/storage';
import type { PopupView } from './vault/queries';
import type { Settings } from './settings';
import { SNAPSHOT_STORAGE_KEY } from './popup-early';

/**
 * The popup's first screen, kept by the background in `storage.session` so the popup can paint it
 * without waking the service worker (extension pages read session storage directly; content scripts
 * cannot, it is trusted-contexts only by default). The popup then reads `popupView` as before and
 * the live answer replaces this one. No zod here: the popup imports this file.
 */

/**
 * Rows of each list kept: a little more than the 600 px popup's first screen shows (7 rows with the
 * group headings), and no more — every row React renders before the first paint costs about 2 ms,
 * and the rest arrive with the live answer a moment later, below the fold.
 */
export const SNAPSHOT_ROWS = { usable: 10, expired: 2 } as const;

/** Bumped when the shape changes: a snapshot written by an older background is never shown. */
export const SNAPSHOT_VERSION = 1;

export interface PopupSnapshot {
  version: number;
  /** When the background read the vault for it. */
  at: number;
  /** The settings it was read with: the popup paints with them instead of waiting for its own read. */
  settings: Settings;
  view: PopupView;
}

/** The popup's unsearched first page, cut to what the first screen needs. Totals and counts stay whole. */
export function makePopupSnapshot(view: PopupView, at: number, settings: Settings, rows: { usable: number; expired: number } = SNAPSHOT_ROWS): PopupSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    at,
    settings,
    view: { ...view, usable: view.usable.slice(0, rows.usable), expired: view.expired.slice(0, rows.expired) },
  };
}

/**
 * What the popup may paint from a stored value: only a current-version snapshot. `null` (removed
 * while a vault command is being written) or anything else means "wait for the background".
 */
export function usableSnapshot(raw: unknown): PopupSnapshot | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Partial<PopupSnapshot>;
  if (s.version !== SNAPSHOT_VERSION || typeof s.at !== 'number' || !s.view || !s.settings) return undefined;
  if (!Array.isArray(s.view.usable) || !Array.isArray(s.view.expired)) return undefined;
  return s as PopupSnapshot;
}

/**
 * Which answer the popup shows: the live one as soon as there is one (it is always newer), the
 * snapshot only before that and only for the unsearched list it describes.
 */
export function shownView(live: PopupView | undefined, snapshot: PopupSnapshot | undefined, query: string): { view?: PopupView; from?: 'live' | 'snapshot' } {
  if (live) return { view: live, from: 'live' };
  if (snapshot && query === '') return { view: snapshot.view, from: 'snapshot' };
  return {};
}

export const popupSnapshotItem = storage.defineItem<PopupSnapshot | null>(`session:${SNAPSHOT_STORAGE_KEY}`, { fallback: null });
