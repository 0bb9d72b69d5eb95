import type { AdCodeRecord } from '../code-record';
import type { SheetRowContext } from '../import/sheet-row';
import type { TeamApply } from '../vault/team-commands';
import type { TeamOutboxEntry, TeamReplicaEntry } from '../vault/db';
import { mergeReplicas, type Replica } from './merge';
import { notesAsking } from './asking';
import { col, readRow, rowOf, SHEET_COLUMNS, type ReadRow, type SheetColumn } from './row';
import { recordFromShared, sameValue, sharedOf, SHARED_FIELDS, type SharedCode } from './shared';
import { HAND_EDITOR, withHandEdits } from './hand-edits';
import { differingCells, duplicateNote, EMPTY_ROW } from './duplicates';

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
  /** Rows whose cells a teammate changed by hand (seen by a full check). */
  handEdits: number;
  /** Local changes kept queued because their row cannot be read: where, so Options can say what to fix. */
  held: HeldChange[];
}

/** A queued change waiting for its row to read again; `column` is the cell to fix, when one cell is the cause. */
export interface HeldChange {
  code: string;
  row: number;
  column?: SheetColumn;
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
  const plan: Plan = {
    updates: [],
    appends: [],
    problems: [],
    apply: { puts: [], deletes: [], replicas: [], pushed: [], state: {} },
    imported: 0,
    flagged: 0,
    handEdits: 0,
    held: [],
  };
  const seen = new Map<string, number>();
  const rowOfId = new Map<string, number>();
  (input.ids ?? []).forEach((id, i) => id && !rowOfId.has(id) && rowOfId.set(id, i + 2));

  /** Codes whose row is flagged: a local change waits (queued) rather than overwrite what a teammate typed there. */
  const held = new Set<string>();
  /** Rows naming a code an earlier row already has: settled once every row's code is known. */
  const duplicates: { row: number; cells: string[]; read: Extract<ReadRow, { kind: 'code' }>; earlier: number }[] = [];

  const settle = (
    code: string,
    row: number | undefined,
    remote?: { side: Replica; updatedAt: number; problems?: string; typed: boolean; hand?: boolean },
  ) => {
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
      !remote ||
      remote.typed ||
      !!remote.hand ||
      !sameShared(merged.values, remote.side.values) ||
      remote.problems !== problems ||
      !sameFieldAt(merged, remote.side);
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
      asking: merged.conflicts.length
        ? notesAsking(
            merged.values.notes,
            [local, other].filter((s) => !!s),
            base?.asking,
          )
        : undefined,
    });
  };

  for (const { row, cells } of input.pulled) {
    const read = readRow(cells, input.ctx);
    if (read.kind === 'empty') continue;
    if (read.kind === 'invalid') {
      // Never lost, never half-imported: the row stays as typed, with the reason beside it.
      if ((cells[PROBLEMS] ?? '') !== read.problem) plan.problems.push({ row, text: read.problem });
      if (read.id) held.add(read.id);
      if (read.id && input.outbox.has(read.id)) plan.held.push({ code: read.id, row, column: unreadableCell(cells, input.ctx) });
      continue;
    }
    const earlier = seen.get(read.id) ?? (read.typed ? rowOfId.get(read.id) : undefined);
    if (earlier !== undefined && earlier !== row) {
      duplicates.push({ row, cells, read, earlier });
      continue;
    }
    seen.set(read.id, row);
    const hand = withHandEdits(read, input.replicas.get(read.id), now);
    if (hand) plan.handEdits++;
    const side: Replica = hand
      ? { values: hand.values, fieldAt: hand.fieldAt, by: HAND_EDITOR }
      : { values: read.values, fieldAt: read.meta.fieldAt, by: read.meta.updatedBy };
    // Notes typed over by hand answer a "Both kept" note beside them: it no longer asks about these notes.
    const problems = hand?.fields.includes('notes') ? undefined : read.meta.problems;
    settle(read.id, row, { side, updatedAt: read.meta.updatedAt, problems, typed: read.typed, hand: !!hand });
  }
  for (const code of input.outbox.keys()) {
    if (seen.has(code) || held.has(code)) continue;
    const base = input.replicas.get(code);
    // Only where the id column says the row still is (a sort or an inserted row moves rows).
    const row = rowOfId.get(code) ?? (input.ids ? undefined : base?.row);
    if (localSide(code, input)) settle(code, row);
    else plan.apply.pushed.push({ code, seq: input.outbox.get(code)!.seq });
  }
  const settled = new Map(plan.apply.replicas.map((r) => [r.code, r.values]));
  for (const d of duplicates) {
    const local = input.locals.get(d.read.id);
    const code = settled.get(d.read.id) ?? input.replicas.get(d.read.id)?.values ?? (local && sharedOf(local));
    const differing = code && !code.deleted ? differingCells(d.cells, d.read, code) : undefined;
    // The rows agree: the second says nothing the code does not, so it is folded into the first (cleared).
    if (differing && !differing.length) {
      plan.updates.push({ row: d.row, cells: [...EMPTY_ROW] });
      continue;
    }
    const text = differing
      ? duplicateNote(d.earlier, differing)
      : `Not imported: this code is already in row ${d.earlier}; change it there.`;
    if ((d.cells[PROBLEMS] ?? '') !== text) plan.problems.push({ row: d.row, text });
  }
  return plan;
}

/**
 * The one cell that keeps a row from reading: the row reads once it is cleared. (The reader words its reason
 * in English for the problems cell; this finds the cell itself.) Rarely run: only for held rows.
 */
function unreadableCell(cells: readonly string[], ctx: SheetRowContext): SheetColumn | undefined {
  return SHEET_COLUMNS.find((c, i) => {
    if (c === 'code' || c === 'record_id' || c === 'problems' || !(cells[i] ?? '').trim()) return false;
    const cleared = [...cells];
    cleared[i] = '';
    return readRow(cleared, ctx).kind === 'code';
  });
}

function sameShared(a: SharedCode, b: SharedCode): boolean {
  return a.code === b.code && SHARED_FIELDS.every((f) => sameValue(a[f], b[f]));
}

function sameFieldAt(a: Replica, b: Replica): boolean {
  return SHARED_FIELDS.every((f) => (a.fieldAt[f] ?? 0) === (b.fieldAt[f] ?? 0));
}
