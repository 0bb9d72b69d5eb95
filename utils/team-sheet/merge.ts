import type { CodeUse } from '../code-record';
import { SHARED_FIELDS, sameValue, sortUses, useKey, type FieldAt, type SharedCode, type SharedField } from './shared';

/**
 * The team merge: two replicas of a code (this browser's and the sheet's) against the last state both
 * agreed on (the base). Field by field:
 * - a field only one side changed takes that side's value;
 * - a field both changed goes to the later change (ties: the larger actor id, then the larger value),
 *   except notes, where two different edits are both kept ("A ⟂ B") and the code is flagged to ask;
 * - tags and uses are sets: what either side added is kept, what either side removed goes (uses are
 *   how a code counts as used, so a code used by one teammate is used for all);
 * - a deletion is a tombstone that loses against a later edit of the same code.
 * The result does not depend on which side is which (commutative) and merging a state with itself
 * changes nothing (idempotent): tests/unit/team-sheet-merge.test.ts.
 */

export interface Replica {
  values: SharedCode;
  fieldAt: FieldAt;
  /** Who made the latest change on this side ('me@example.com', 'sheet' for a hand-typed row). */
  by: string;
}

export interface MergeResult extends Replica {
  /** Fields the rules could not settle: both values are kept and the user is asked. */
  conflicts: SharedField[];
}

export const NOTES_CONFLICT = ' ⟂ ';

const SET_FIELDS = new Set<SharedField>(['tags', 'uses']);

function order(a: Replica, b: Replica, f: SharedField): [Replica, Replica] {
  const ta = a.fieldAt[f] ?? 0;
  const tb = b.fieldAt[f] ?? 0;
  if (ta !== tb) return ta < tb ? [a, b] : [b, a];
  if (a.by !== b.by) return a.by < b.by ? [a, b] : [b, a];
  return JSON.stringify(a.values[f] ?? null) <= JSON.stringify(b.values[f] ?? null) ? [a, b] : [b, a];
}

/** Three-way set merge: kept by both, or added by either; removed by either is gone. Without a base: the union. */
function mergeSet<T>(base: T[] | undefined, a: T[], b: T[], key: (x: T) => string): T[] {
  const inBase = new Set((base ?? []).map(key));
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  const out = new Map<string, T>();
  for (const x of [...a, ...b]) {
    const k = key(x);
    const keep = (inA.has(k) && inB.has(k)) || !inBase.has(k);
    if (keep && !out.has(k)) out.set(k, x);
  }
  return [...out.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, v]) => v);
}

function mergeNotes(older: string, newer: string): string {
  if (!older || newer.includes(older)) return newer;
  if (!newer || older.includes(newer)) return older;
  return `${older}${NOTES_CONFLICT}${newer}`;
}

export function mergeReplicas(base: SharedCode | undefined, a: Replica, b: Replica): MergeResult {
  const values = { ...a.values } as SharedCode;
  const fieldAt: FieldAt = {};
  const conflicts: SharedField[] = [];
  const put = <F extends SharedField>(f: F, v: SharedCode[F]) => {
    values[f] = v;
  };
  for (const f of SHARED_FIELDS) {
    const at = Math.max(a.fieldAt[f] ?? 0, b.fieldAt[f] ?? 0);
    if (at) fieldAt[f] = at;
    const va = a.values[f];
    const vb = b.values[f];
    if (f === 'uses') {
      put('uses', sortUses(mergeSet<CodeUse>(base?.uses, a.values.uses, b.values.uses, useKey)));
      continue;
    }
    if (SET_FIELDS.has(f)) {
      put('tags', mergeSet<string>(base?.tags, a.values.tags, b.values.tags, (t) => t));
      continue;
    }
    if (sameValue(va, vb)) {
      // '' and undefined read the same; the result is the same whichever side holds which.
      const empty = va === undefined || va === '';
      put(f, (empty ? (f === 'notes' ? '' : undefined) : va) as SharedCode[typeof f]);
      continue;
    }
    const aChanged = !base || !sameValue(base[f], va);
    const bChanged = !base || !sameValue(base[f], vb);
    if (aChanged && !bChanged) put(f, va as SharedCode[typeof f]);
    else if (bChanged && !aChanged) put(f, vb as SharedCode[typeof f]);
    else {
      const [older, newer] = order(a, b, f);
      if (f === 'notes') {
        const joined = mergeNotes(older.values.notes, newer.values.notes);
        if (joined !== older.values.notes && joined !== newer.values.notes) conflicts.push('notes');
        put('notes', joined);
      } else put(f, newer.values[f] as SharedCode[typeof f]);
    }
  }
  // A deletion loses against a later edit of the same code on the other side: the edit brings it back.
  if (values.deleted) {
    const deletedAt = fieldAt.deleted ?? 0;
    const editedAfter = [a, b].some((side) => !side.values.deleted && SHARED_FIELDS.some((f) => f !== 'deleted' && (side.fieldAt[f] ?? 0) > deletedAt));
    if (editedAfter) values.deleted = false;
  }
  return { values, fieldAt, by: pickBy(a, b), conflicts };
}

/** Who changed the code last (the side with the latest field change; ties: the larger actor id). */
function pickBy(a: Replica, b: Replica): string {
  const last = (r: Replica) => Math.max(0, ...SHARED_FIELDS.map((f) => r.fieldAt[f] ?? 0));
  const la = last(a);
  const lb = last(b);
  if (la !== lb) return la > lb ? a.by : b.by;
  return a.by > b.by ? a.by : b.by;
}
