import type { AdCodeRecord } from '../code-record';
import type { SheetRowContext } from '../import/sheet-row';
import type { TeamApply } from '../vault/team-commands';
import type { TeamOutboxEntry, TeamReplicaEntry } from '../vault/db';
import { mergeReplicas, type Replica } from './merge';
import { notesAsking } from './asking';
import { col, readRow, rowOf } from './row';
import { recordFromShared, sameValue, sharedOf, SHARED_FIELDS, type SharedCode } from './shared';

/**
 * One sync round, decided without the network or the database: the rows read from the sheet, the
 * replica, the outbox and the local records in; the rows to write, the rows to append, the problem
 * notes and what the vault should apply out. tests/unit/team-sheet-plan.test.ts.
 */

export interface PlanInput {
  /** Rows read this round (1-based sheet row numbers; row 1 is the header). */
  pulled: { row: number; cells: string[] }[];
  /** The record_id column as read this round (index 0 = row 2), to find rows that moved. */
  ids?: string[];
  replicas: Map<string, TeamReplicaEntry>;
  outbox: Map<string, TeamOutboxEntry>;
  locals: Map<string, AdCodeRecord>;
  me: string;
  ctx: SheetRowContext;
}

export interface Plan {
  updates: { row: number; cells: string[] }[];
  appends: { code: string; cells: string[] }[];
  problems: { row: number; text: string }[];
  apply: TeamApply;
  /** Codes whose row is to be appended: their replica entries get the row number the sheet answers with. */
  imported: number;
  flagged: number;
}

const PROBLEMS = col('problems');

export const CONFLICT_NOTE = 'Both kept: two teammates changed the notes at once. Keep one and delete the other.';

/** This browser's side of a code: its record (or a tombstone when deleted here), with the outbox's field times. */
function localSide(code: string, input: PlanInput): Replica | undefined {
  const base = input.replicas.get(code);
  const entry = input.outbox.get(code);
  const local = input.locals.get(code);
  const fieldAt = { ...(base?.fieldAt ?? {}) };
  for (const f of entry?.fields ?? []) fieldAt[f] = entry!.at;
  if (local) return { values: sharedOf(local), fieldAt, by: input.me };
  if (base && entry?.fields.includes('deleted')) return { values: { ...base.values, deleted: true }, fieldAt, by: input.me };
  return undefined;
}

export function planSync(input: PlanInput): Plan {
  const now = input.ctx.now;
  const plan: Plan = { updates: [], appends: [], problems: [], apply: { puts: [], deletes: [], replicas: [], pushed: [], state: {} }, imported: 0, flagged: 0 };
  const seen = new Map<string, number>();
  const rowOfId = new Map<string, number>();
  (input.ids ?? []).forEach((id, i) => id && !rowOfId.has(id) && rowOfId.set(id, i + 2));

  const settle = (code: string, row: number | undefined, remote?: { side: Replica; updatedAt: number; problems?: string; typed: boolean }) => {
    const base = input.replicas.get(code);
    const local = localSide(code, input);
    const entry = input.outbox.get(code);
    if (entry) plan.apply.pushed.push({ code, seq: entry.seq });
    const other = remote?.side ?? (base ? { values: base.values, fieldAt: base.fieldAt, by: base.by } : undefined);
    const merged = local && other ? mergeReplicas(base?.values, local, other) : { ...(local ?? other)!, conflicts: [] };
    // Still the kept-both notes a round flagged (here or in another browser): still asking, until someone edits them.
    const stillAsking =
      (!!base?.conflicts?.length && sameValue(base.values.notes, merged.values.notes)) ||
      (remote?.problems === CONFLICT_NOTE && sameValue(remote.side.values.notes, merged.values.notes));
    if (!merged.conflicts.length && stillAsking) merged.conflicts = ['notes'];
    const problems = merged.conflicts.length ? CONFLICT_NOTE : undefined;
    const rowChanged =
      !remote || remote.typed || !sameShared(merged.values, remote.side.values) || remote.problems !== problems || !sameFieldAt(merged, remote.side);
    let updatedAt = remote?.updatedAt ?? base?.updatedAt ?? 0;
    if (rowChanged) {
      updatedAt = now;
      const cells = rowOf(merged.values, { updatedAt, updatedBy: merged.by, fieldAt: merged.fieldAt, problems });
      if (row) plan.updates.push({ row, cells });
      else plan.appends.push({ code, cells });
    }
    const rec = input.locals.get(code);
    if (merged.values.deleted) {
      if (rec) plan.apply.deletes.push({ code, readUpdatedAt: rec.updatedAt });
    } else if (!rec || !sameShared(sharedOf(rec), merged.values)) {
      plan.apply.puts.push({ record: recordFromShared(rec, merged.values, now), readUpdatedAt: rec?.updatedAt });
      if (!rec) plan.imported++;
    }
    if (merged.conflicts.length) plan.flagged++;
    plan.apply.replicas.push({
      code,
      row,
      values: merged.values,
      fieldAt: merged.fieldAt,
      updatedAt,
      by: merged.by,
      conflicts: merged.conflicts.length ? merged.conflicts : undefined,
      // Who wrote each kept-both note, for Options to ask (utils/team-sheet/asking.ts).
      asking: merged.conflicts.length ? notesAsking(merged.values.notes, [local, other].filter((s) => !!s), base?.asking) : undefined,
    });
  };

  for (const { row, cells } of input.pulled) {
    const read = readRow(cells, input.ctx);
    if (read.kind === 'empty') continue;
    if (read.kind === 'invalid') {
      // Never lost, never half-imported: the row stays as typed, with the reason beside it.
      if ((cells[PROBLEMS] ?? '') !== read.problem) plan.problems.push({ row, text: read.problem });
      continue;
    }
    const earlier = seen.get(read.id) ?? (read.typed ? rowOfId.get(read.id) : undefined);
    if (earlier !== undefined && earlier !== row) {
      const text = `Not imported: this code is already in row ${earlier}; change it there.`;
      if ((cells[PROBLEMS] ?? '') !== text) plan.problems.push({ row, text });
      continue;
    }
    seen.set(read.id, row);
    const side: Replica = { values: read.values, fieldAt: read.meta.fieldAt, by: read.meta.updatedBy };
    settle(read.id, row, { side, updatedAt: read.meta.updatedAt, problems: read.meta.problems, typed: read.typed });
  }
  for (const code of input.outbox.keys()) {
    if (seen.has(code)) continue;
    const base = input.replicas.get(code);
    // Only where the id column says the row still is (a sort or an inserted row moves rows).
    const row = rowOfId.get(code) ?? (input.ids ? undefined : base?.row);
    if (localSide(code, input)) settle(code, row);
    else plan.apply.pushed.push({ code, seq: input.outbox.get(code)!.seq });
  }
  return plan;
}

function sameShared(a: SharedCode, b: SharedCode): boolean {
  return a.code === b.code && SHARED_FIELDS.every((f) => sameValue(a[f], b[f]));
}

function sameFieldAt(a: Replica, b: Replica): boolean {
  return SHARED_FIELDS.every((f) => (a.fieldAt[f] ?? 0) === (b.fieldAt[f] ?? 0));
}
