import type { CodesDb } from '../vault/db';
import { recordsByCode, recordTeamChanges, teamSnapshot, applyTeamSheet, teamState } from '../vault/team-commands';
import { fullCheckDue, HAND_EDITOR, visibleCellsDiffer, type RoundReason } from './hand-edits';
import { planSync, type HeldChange } from './plan';
import { col, colLetter, LAST_COLUMN } from './row';
import { changedFields, sharedOf } from './shared';
import { firstRowOf, TAB, type SheetsClient } from './sheets-api';

/**
 * One sync round against the sheet: queue what changed here, read what changed there (cheaply), merge,
 * write the rows that differ, apply the team's changes here. Reading is incremental: first the id and
 * updated_at columns only, then just the rows whose updated_at moved, plus anything typed under the table.
 * Now and then (hand-edits.ts: every 15 minutes, sooner when a page opens) a round reads every row instead,
 * to see cells a teammate typed over by hand, which leave updated_at as it was.
 */

/** More changed rows than this, and one read of the whole table is cheaper than one range per row. */
const FULL_READ_OVER = 300;
const APPEND_CHUNK = 1000;
/** teamState key: when a round last read every row (the check for hand edits). */
export const FULL_CHECK_AT = 'fullCheckAt';
const ID = col('record_id');
const UPDATED_AT = col('updated_at');

export interface TeamChange {
  code: string;
  by: string;
  fields: string[];
  at: number;
}

export interface RoundReport {
  rowsRead: number;
  rowsWritten: number;
  imported: number;
  flagged: number;
  problems: number;
  /** Rows a teammate typed over by hand, found by this round's full check. */
  handEdits: number;
  /** Whether this round read every row (first pull, many changes, or the periodic check for hand edits). */
  fullCheck: boolean;
  changes: TeamChange[];
  /** Local changes waiting (queued) because their row cannot be read. */
  held: HeldChange[];
  requests: number;
}

export async function syncRound(
  db: CodesDb,
  client: SheetsClient,
  sheetId: string,
  opts: { me: string; now: number; zone: string; reason?: RoundReason; fullCheck?: boolean },
): Promise<RoundReport> {
  let requests = 0;
  const { now, me } = opts;
  await recordTeamChanges(db, { now });
  const snap = await teamSnapshot(db);
  const firstPull = snap.replicas.size === 0;
  let full = firstPull || (opts.fullCheck ?? fullCheckDue(await teamState<number>(db, FULL_CHECK_AT), now, opts.reason));
  const rowChanged = (row: number, id: string | undefined, updatedAt: string | undefined) => {
    const rep = id ? snap.replicas.get(id) : undefined;
    // A queued code's row is read too: its push is merged with what the row says now, never blind over it.
    return !rep || rep.row !== row || rep.updatedAt !== (Number(updatedAt) || 0) || snap.outbox.has(id!);
  };
  const pulled: { row: number; cells: string[] }[] = [];
  let ids: string[] = [];
  if (!full) {
    const [idRange] = await client.batchGet(sheetId, [`${TAB}!${colLetter('record_id')}2:${colLetter('updated_at')}`]);
    requests++;
    const idRows = idRange?.values ?? [];
    ids = idRows.map((r) => r[0] ?? '');
    const changedRows = idRows.flatMap((r, i) => (rowChanged(i + 2, r[0], r[1]) ? [i + 2] : []));
    full = changedRows.length > FULL_READ_OVER;
    if (!full) {
      const ranges = [...changedRows.map((row) => `${TAB}!A${row}:${LAST_COLUMN}${row}`), `${TAB}!A${idRows.length + 2}:${LAST_COLUMN}`];
      for (const vr of await client.batchGet(sheetId, ranges)) {
        const start = firstRowOf(vr.range) ?? 2;
        (vr.values ?? []).forEach((cells, i) => pulled.push({ row: start + i, cells }));
      }
      requests++;
    }
  }
  let planned = pulled;
  if (full) {
    // Every row, once: the rows that changed are planned, and so are those whose visible cells were typed over.
    const [table] = await client.batchGet(sheetId, [`${TAB}!A2:${LAST_COLUMN}`]);
    requests++;
    (table?.values ?? []).forEach((cells, i) => pulled.push({ row: i + 2, cells }));
    ids = pulled.map((p) => p.cells[ID] ?? '');
    planned = pulled.filter(({ row, cells }) => {
      const id = cells[ID];
      const rep = id ? snap.replicas.get(id) : undefined;
      return rowChanged(row, id, cells[UPDATED_AT]) || (!!rep && visibleCellsDiffer(cells, rep));
    });
  }

  // Codes the sheet names that this browser has but never synced (first meeting): merged, not duplicated.
  const codes = planned.map((p) => p.cells[0] ?? '').filter((c) => c && !snap.locals.has(c));
  for (const r of await recordsByCode(db, codes)) snap.locals.set(r.code, r);

  const plan = planSync({
    pulled: planned,
    ids,
    replicas: snap.replicas,
    outbox: snap.outbox,
    locals: snap.locals,
    me,
    ctx: { zone: opts.zone, now },
  });
  const writes = [
    ...plan.updates.map((u) => ({ range: `${TAB}!A${u.row}:${LAST_COLUMN}${u.row}`, values: [u.cells] })),
    ...plan.problems.map((p) => ({ range: `${TAB}!${colLetter('problems')}${p.row}`, values: [[p.text]] })),
  ];
  if (writes.length) {
    await client.writeRows(sheetId, writes);
    requests++;
  }
  const appendedRow = new Map<string, number>();
  for (let k = 0; k < plan.appends.length; k += APPEND_CHUNK) {
    const slice = plan.appends.slice(k, k + APPEND_CHUNK);
    const first = await client.append(
      sheetId,
      slice.map((a) => a.cells),
    );
    requests++;
    if (first !== undefined) slice.forEach((a, i) => appendedRow.set(a.code, first + i));
  }
  for (const r of plan.apply.replicas) if (r.row === undefined && appendedRow.has(r.code)) r.row = appendedRow.get(r.code);

  const byCode = new Map(plan.apply.replicas.map((r) => [r.code, r.by]));
  const changes: TeamChange[] = plan.apply.puts
    .filter((p) => byCode.get(p.record.code) !== me)
    .slice(0, 20)
    .map((p) => {
      const before = snap.locals.get(p.record.code);
      return {
        code: p.record.code,
        by: byCode.get(p.record.code) ?? HAND_EDITOR,
        fields: before ? changedFields(sharedOf(before), sharedOf(p.record)) : ['new'],
        at: now,
      };
    });
  plan.apply.state = full ? { lastSyncedAt: now, [FULL_CHECK_AT]: now } : { lastSyncedAt: now };
  await applyTeamSheet(db, plan.apply);
  return {
    rowsRead: pulled.length,
    rowsWritten: plan.updates.length + plan.appends.length,
    imported: plan.imported,
    flagged: plan.flagged,
    problems: plan.problems.length,
    handEdits: plan.handEdits,
    fullCheck: full,
    changes,
    held: plan.held,
    requests,
  };
}
