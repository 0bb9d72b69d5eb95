import type { CodesDb } from '../vault/db';
import { recordsByCode, recordTeamChanges, teamSnapshot, applyTeamSheet } from '../vault/team-commands';
import { planSync } from './plan';
import { colLetter, LAST_COLUMN } from './row';
import { changedFields, sharedOf } from './shared';
import { firstRowOf, TAB, type SheetsClient } from './sheets-api';

/**
 * One sync round against the sheet: queue what changed here, read what changed there (cheaply), merge,
 * write the rows that differ, apply the team's changes here. Reading is incremental: first the id and
 * updated_at columns only, then just the rows whose updated_at moved, plus anything typed under the table.
 */

/** More changed rows than this, and one read of the whole table is cheaper than one range per row. */
const FULL_READ_OVER = 300;
const APPEND_CHUNK = 1000;

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
  changes: TeamChange[];
  requests: number;
}

export async function syncRound(db: CodesDb, client: SheetsClient, sheetId: string, opts: { me: string; now: number; zone: string }): Promise<RoundReport> {
  let requests = 0;
  const { now, me } = opts;
  await recordTeamChanges(db, { now });
  const snap = await teamSnapshot(db);
  const idCol = colLetter('record_id');
  const updCol = colLetter('updated_at');
  const [idRange] = await client.batchGet(sheetId, [`${TAB}!${idCol}2:${updCol}`]);
  requests++;
  const idRows = idRange?.values ?? [];
  const ids = idRows.map((r) => r[0] ?? '');
  const changedRows: number[] = [];
  idRows.forEach((r, i) => {
    const row = i + 2;
    const rep = r[0] ? snap.replicas.get(r[0]) : undefined;
    if (!rep || rep.row !== row || rep.updatedAt !== (Number(r[1]) || 0)) changedRows.push(row);
  });
  const pulled: { row: number; cells: string[] }[] = [];
  const full = snap.replicas.size === 0 || changedRows.length > FULL_READ_OVER;
  const ranges = full
    ? [`${TAB}!A2:${LAST_COLUMN}`]
    : [...changedRows.map((row) => `${TAB}!A${row}:${LAST_COLUMN}${row}`), `${TAB}!A${idRows.length + 2}:${LAST_COLUMN}`];
  const read = await client.batchGet(sheetId, ranges);
  requests++;
  for (const vr of read) {
    const start = firstRowOf(vr.range) ?? 2;
    (vr.values ?? []).forEach((cells, i) => pulled.push({ row: start + i, cells }));
  }

  // Codes the sheet names that this browser has but never synced (first meeting): merged, not duplicated.
  const codes = pulled.map((p) => p.cells[0] ?? '').filter((c) => c && !snap.locals.has(c));
  for (const r of await recordsByCode(db, codes)) snap.locals.set(r.code, r);

  const plan = planSync({ pulled, ids, replicas: snap.replicas, outbox: snap.outbox, locals: snap.locals, me, ctx: { zone: opts.zone, now } });
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
    const first = await client.append(sheetId, slice.map((a) => a.cells));
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
      return { code: p.record.code, by: byCode.get(p.record.code) ?? 'sheet', fields: before ? changedFields(sharedOf(before), sharedOf(p.record)) : ['new'], at: now };
    });
  plan.apply.state = { lastSyncedAt: now };
  await applyTeamSheet(db, plan.apply);
  return {
    rowsRead: pulled.length,
    rowsWritten: plan.updates.length + plan.appends.length,
    imported: plan.imported,
    flagged: plan.flagged,
    problems: plan.problems.length,
    changes,
    requests,
  };
}
