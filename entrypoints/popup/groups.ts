import type { AdCodeRecord } from '@/utils/code-record';
import { codeStatus } from '@/utils/expiry';
import type { PopupGroupCounts } from '@/utils/vault/queries';

/**
 * The popup's list in groups, in the dashboard's words (the status pill's): Expiring, Ready, Used,
 * Expired. Each row's group is its status at the popup's own clock, so a code that crossed a line
 * since the background read it is already where it belongs.
 */

export const GROUPS = ['expiring', 'ready', 'used', 'expired'] as const;
export type GroupKey = (typeof GROUPS)[number];

export interface RowGroup {
  key: GroupKey;
  rows: AdCodeRecord[];
  /** Codes in this group in the whole vault (or among the search's hits). */
  count: number;
}

/** A row the user is editing stays where it was (its group, its place) until the popup closes or searches again. */
export interface PinnedRow {
  id: number;
  group: GroupKey;
  index: number;
}

export function groupOf(r: AdCodeRecord, now: number, windowDays: number): GroupKey {
  const s = codeStatus(r, now, windowDays);
  return s === 'active' || s === 'archived' ? 'ready' : s;
}

export function groupRows(
  usable: AdCodeRecord[],
  expired: AdCodeRecord[],
  counts: PopupGroupCounts | undefined,
  now: number,
  windowDays: number,
  pinned?: PinnedRow,
): RowGroup[] {
  const byGroup: Record<GroupKey, AdCodeRecord[]> = { expiring: [], ready: [], used: [], expired: [] };
  let held: AdCodeRecord | undefined;
  for (const r of [...usable, ...expired]) {
    if (pinned && r.id === pinned.id) held = r;
    else byGroup[groupOf(r, now, windowDays)].push(r);
  }
  if (held && pinned) byGroup[pinned.group].splice(Math.min(pinned.index, byGroup[pinned.group].length), 0, held);
  return GROUPS.map((key) => ({ key, rows: byGroup[key], count: Math.max(counts?.[key] ?? 0, byGroup[key].length) })).filter((g) => g.rows.length > 0);
}

/** Where a row is shown now: for pinning it before an edit re-sorts the list. */
export function placeOf(groups: RowGroup[], id: number): PinnedRow | undefined {
  for (const g of groups) {
    const index = g.rows.findIndex((r) => r.id === id);
    if (index >= 0) return { id, group: g.key, index };
  }
  return undefined;
}

/** After deleting `id`, the row that should take focus: the next one shown, else the one before. */
export function focusAfterDelete(groups: RowGroup[], id: number): number | undefined {
  const order = groups.flatMap((g) => g.rows.map((r) => r.id!));
  const i = order.indexOf(id);
  if (i < 0) return undefined;
  return order[i + 1] ?? order[i - 1];
}

/** The dashboard opens its "Apply to ad accounts" dialog for these records (see entrypoints/dashboard). */
export function applyUrl(ids: number[]): string {
  return `/dashboard.html?apply=${ids.join(',')}`;
}
