import type { TeamReplicaEntry } from '../vault/db';
import type { ReadRow } from './row';
import { rowOf, VISIBLE_COLUMNS } from './row';
import { sameValue, SHARED_FIELDS, type FieldAt, type SharedCode, type SharedField } from './shared';

/**
 * Hand edits: a teammate typing over a cell of a row the extension wrote (notes, usage, expiry…). Such
 * an edit leaves updated_at as it was, so the incremental pull never reads the row; a periodic full check
 * reads every row and compares its visible cells with the replica (what the sheet last had). A cell that
 * changed while the row's updated_at did not was not written by an extension: it is a hand edit, stamped
 * with the time it was seen and merged per field like any remote edit; the round writes the row back
 * with a new updated_at so other browsers pick it up incrementally. tests/unit/team-sheet-hand-edits.test.ts.
 */

export { HAND_EDITOR } from './sheet-author';

/** A full check at most this often on the minute alarm… */
export const FULL_CHECK_EVERY_MS = 15 * 60_000;
/** …and at most this often when the popup, the dashboard or the Ads Manager picker opens. */
export const FULL_CHECK_ON_OPENING_MS = 3 * 60_000;

export type RoundReason = 'alarm' | 'opening' | 'change' | 'manual';

/** Whether this round reads every row. "Sync now" always does: the user is asking for everything. */
export function fullCheckDue(lastAt: number | undefined, now: number, reason: RoundReason = 'alarm'): boolean {
  if (reason === 'manual' || lastAt === undefined) return true;
  const since = now - lastAt;
  return since >= FULL_CHECK_EVERY_MS || (reason === 'opening' && since >= FULL_CHECK_ON_OPENING_MS);
}

/** The fields a person can change by typing in a visible cell (uses through the usage cell, handled apart). */
const TYPED_FIELDS: readonly SharedField[] = SHARED_FIELDS.filter((f) => f !== 'uses' && f !== 'deleted');
const VISIBLE = VISIBLE_COLUMNS.length;

/**
 * A cheap first look for the full check: do the row's visible cells differ from what the extension would
 * write for the replica? (Equal text is surely unchanged; different text may still read the same, so the
 * plan then reads it properly.)
 */
export function visibleCellsDiffer(cells: readonly string[], rep: TeamReplicaEntry): boolean {
  const written = rowOf(rep.values, { updatedAt: rep.updatedAt, updatedBy: rep.by, fieldAt: rep.fieldAt });
  for (let i = 0; i < VISIBLE; i++) if ((cells[i] ?? '').trim() !== written[i]) return true;
  return false;
}

const same = (f: SharedField, a: unknown, b: unknown) =>
  f === 'tags' ? sameValue([...(a as string[])].sort(), [...(b as string[])].sort()) : sameValue(a, b);

/**
 * The row's side of the merge with its hand edits stamped, or undefined when it has none (or when an
 * extension rewrote the row since the replica: then its cells are that extension's, with their own times).
 */
export function withHandEdits(
  read: Extract<ReadRow, { kind: 'code' }>,
  rep: TeamReplicaEntry | undefined,
  now: number,
): { values: SharedCode; fieldAt: FieldAt; fields: SharedField[] } | undefined {
  if (read.typed || !rep || rep.updatedAt !== read.meta.updatedAt) return undefined;
  const values: SharedCode = { ...read.values };
  const fields = TYPED_FIELDS.filter((f) => !same(f, rep.values[f], read.values[f]));
  const wasUsed = rep.values.uses.length > 0;
  if (read.usage && (read.usage === 'used') !== wasUsed) {
    // "used" typed over "unused" is a use at the time it was seen; "unused" over "used" removes the uses.
    values.uses = read.usage === 'used' ? [{ at: now }] : [];
    fields.push('uses');
  }
  if (!fields.length) return undefined;
  const fieldAt: FieldAt = { ...read.meta.fieldAt };
  for (const f of fields) fieldAt[f] = Math.max(now, (fieldAt[f] ?? 0) + 1);
  return { values, fieldAt, fields };
}
