import type { AdCodeRecord } from './schema';
import type { CodesDb, TeamOutboxEntry, TeamReplicaEntry } from './db';
import { checked, runCommand, VaultRefused } from './commands';
import { LIMITS } from './limits';
import { changedFields, sharedOf, type SharedField } from '../team-sheet/shared';
import { keepBothNotes, type TeamConflict } from '../team-sheet/asking';
import { conflictOf, teamConflicts } from './team-queries';

/**
 * The vault's side of the team sheet: the outbox of local changes, the replica (what the sheet last had,
 * the merge's base) and the one command that applies a sync round. Local changes are found by comparing
 * records changed since the last look (the updatedAt index) with the replica, so a change the sync itself
 * applied (replica and record written together) is never queued again: nothing echoes back.
 */

const SINCE = 'outboxSince';
/** Where the next look for local changes starts: records changed at `at` (inclusive) or after it. */
interface Checkpoint {
  at: number;
  inclusive: boolean;
}

async function stateValue<T>(db: CodesDb, key: string): Promise<T | undefined> {
  return (await db.teamState.get(key))?.value as T | undefined;
}

function upsertOutbox(prev: TeamOutboxEntry | undefined, code: string, fields: SharedField[], at: number, seq: number): TeamOutboxEntry {
  return { code, seq, at: Math.max(at, prev?.at ?? 0), fields: [...new Set([...(prev?.fields ?? []), ...fields])] };
}

/**
 * Queues what changed locally since the last call (durably: one transaction with its checkpoint). `all`
 * compares every record and every replica entry (first connection, deletes, restores, a worker restart).
 * Returns how many codes are waiting.
 */
export async function recordTeamChanges(db: CodesDb, opts: { all?: boolean; now: number }): Promise<number> {
  return db.transaction('rw', [db.codes, db.teamOutbox, db.teamReplica, db.teamState], async () => {
    const mark = opts.all ? undefined : await stateValue<Checkpoint>(db, SINCE);
    const since = mark?.at ?? 0;
    const range = db.codes.where('updatedAt');
    const changed = await (mark?.inclusive === false ? range.above(since) : range.aboveOrEqual(since)).toArray();
    const replicas = new Map((await db.teamReplica.bulkGet(changed.map((r) => r.code))).filter((r) => !!r).map((r) => [r.code, r]));
    const last = await db.teamOutbox.orderBy('seq').last();
    let seq = (last?.seq ?? 0) + 1;
    const entries: TeamOutboxEntry[] = [];
    const pending = new Map((await db.teamOutbox.bulkGet(changed.map((r) => r.code))).filter((e) => !!e).map((e) => [e.code, e]));
    for (const r of changed) {
      const base = replicas.get(r.code);
      const fields = changedFields(base?.values, sharedOf(r));
      if (base?.values.deleted && !fields.includes('deleted')) fields.push('deleted');
      const prev = pending.get(r.code);
      // Already queued as is (looked at twice): the same entry, so a round that is pushing it still clears it.
      const covered = prev && prev.at >= r.updatedAt && fields.every((f) => prev.fields.includes(f));
      if (fields.length && !covered) entries.push(upsertOutbox(prev, r.code, fields, r.updatedAt, seq++));
    }
    if (opts.all) {
      // Deleted here but still live in the sheet: a tombstone to push. Kept apart from the records read above.
      const live = new Set(await db.codes.orderBy('code').keys());
      const gone = await db.teamReplica.filter((e) => !e.values.deleted && !live.has(e.code)).toArray();
      const pendingGone = new Map((await db.teamOutbox.bulkGet(gone.map((e) => e.code))).filter((e) => !!e).map((e) => [e.code, e]));
      for (const e of gone) entries.push(upsertOutbox(pendingGone.get(e.code), e.code, ['deleted'], opts.now, seq++));
    }
    if (entries.length) await db.teamOutbox.bulkPut(entries);
    const newest = changed.reduce((m, r) => Math.max(m, r.updatedAt), since);
    // Inclusive: another command may still commit a record at this same millisecond.
    if (newest > since || !mark) await db.teamState.put({ key: SINCE, value: { at: newest, inclusive: true } satisfies Checkpoint });
    return db.teamOutbox.count();
  });
}

export interface TeamSnapshot {
  outbox: Map<string, TeamOutboxEntry>;
  replicas: Map<string, TeamReplicaEntry>;
  locals: Map<string, AdCodeRecord>;
}

/** What a sync round starts from: the whole replica and outbox, and the local records they name (or all of them). */
export async function teamSnapshot(db: CodesDb, opts: { allLocal?: boolean } = {}): Promise<TeamSnapshot> {
  return db.transaction('r', [db.codes, db.teamOutbox, db.teamReplica], async () => {
    const outbox = new Map((await db.teamOutbox.toArray()).map((e) => [e.code, e]));
    const replicas = new Map((await db.teamReplica.toArray()).map((e) => [e.code, e]));
    // Only the queued codes' records: the round reads the records of the rows it pulls itself.
    const rows = opts.allLocal ? await db.codes.toArray() : (await db.codes.where('code').anyOf([...outbox.keys()]).toArray());
    return { outbox, replicas, locals: new Map(rows.map((r) => [r.code, r])) };
  });
}

export { recordsByCode, teamConflicts } from './team-queries';

export interface TeamApply {
  /** Records to write, each only if the record is still as the round read it (same updatedAt, or still absent). */
  puts: { record: AdCodeRecord; readUpdatedAt?: number }[];
  deletes: { code: string; readUpdatedAt: number }[];
  replicas: TeamReplicaEntry[];
  /** Outbox entries the round pushed, by the seq it read (a newer change to the same code stays queued). */
  pushed: { code: string; seq: number }[];
  state: Record<string, unknown>;
}

/**
 * Applies one sync round: the team's changes to the records, the new replica, the pushed outbox entries
 * removed. A code edited locally while the round ran is left for the next round (nothing is overwritten).
 */
export function applyTeamSheet(db: CodesDb, plan: TeamApply): Promise<{ applied: number; skipped: string[] }> {
  return runCommand(db, 'applyTeamSheet', async () => {
    // First queue any local change not looked at yet (against the old replica), so the checkpoint can move past
    // this round's writes without skipping one; the next look then reads only what changes after the round.
    await recordTeamChanges(db, { now: 0 });
    const codes = [...plan.puts.map((p) => p.record.code), ...plan.deletes.map((d) => d.code)];
    const current = new Map((await db.codes.where('code').anyOf(codes).toArray()).map((r) => [r.code, r]));
    const skipped = new Set<string>();
    const puts: AdCodeRecord[] = [];
    for (const { record, readUpdatedAt } of plan.puts) {
      const now = current.get(record.code);
      if (now?.updatedAt !== readUpdatedAt) skipped.add(record.code);
      else puts.push(checked({ ...record, id: now?.id }));
    }
    const deletes: number[] = [];
    for (const d of plan.deletes) {
      const now = current.get(d.code);
      if (now && now.updatedAt !== d.readUpdatedAt) skipped.add(d.code);
      else if (now) deletes.push(now.id!);
    }
    for (const slice of chunks(puts, 2000)) await db.codes.bulkPut(slice);
    await db.codes.bulkDelete(deletes);
    const replicas = plan.replicas.filter((r) => !skipped.has(r.code));
    for (const slice of chunks(replicas, 2000)) await db.teamReplica.bulkPut(slice);
    const queued = new Map((await db.teamOutbox.bulkGet(plan.pushed.map((p) => p.code))).filter((e) => !!e).map((e) => [e.code, e]));
    await db.teamOutbox.bulkDelete(plan.pushed.filter((p) => queued.get(p.code)?.seq === p.seq && !skipped.has(p.code)).map((p) => p.code));
    // Exclusive: the records at this time are the round's own writes (its time was taken before its requests, so a
    // command committing after this transaction has a later time, and those before were queued just above).
    const prior = (await stateValue<Checkpoint>(db, SINCE)) ?? { at: 0, inclusive: true };
    const newest = puts.reduce((m, r) => Math.max(m, r.updatedAt), 0);
    const checkpoint: Checkpoint = newest > prior.at ? { at: newest, inclusive: false } : prior;
    await db.teamState.bulkPut([{ key: SINCE, value: checkpoint }, ...Object.entries(plan.state).map(([key, value]) => ({ key, value }))]);
    return { applied: puts.length + deletes.length, skipped: [...skipped] };
  });
}

function chunks<T>(rows: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => rows.slice(k * size, (k + 1) * size));
}

export async function teamState<T>(db: CodesDb, key: string): Promise<T | undefined> {
  return stateValue<T>(db, key);
}

/** Forgets the sheet (disconnect or another sheet): the next connection starts from a full comparison. */
export async function forgetTeamSheet(db: CodesDb): Promise<void> {
  await db.transaction('rw', [db.teamOutbox, db.teamReplica, db.teamState], async () => {
    await db.teamOutbox.clear();
    await db.teamReplica.clear();
    await db.teamState.clear();
  });
}

export async function teamCounts(db: CodesDb): Promise<{ pending: number; conflicts: TeamConflict[] }> {
  const pending = await db.teamOutbox.count();
  return { pending, conflicts: await teamConflicts(db) };
}

export type SettleChoice = number | 'both';

/**
 * Settles kept-both notes: the chosen side's notes (by its place in the conflict's `sides`), or both one
 * after the other. An ordinary edit of the notes as far as the sheet is concerned: it is queued and pushed,
 * and the round that pushes it clears the flag here, in the sheet and in every teammate's browser.
 */
export function settleTeamConflict(db: CodesDb, code: string, keep: SettleChoice, now: number): Promise<AdCodeRecord> {
  return runCommand(db, 'settleTeamConflict', async () => {
    const record = await db.codes.where('code').equals(code).first();
    const conflict = conflictOf(await db.teamReplica.get(code), record);
    if (!conflict || !record) throw new VaultRefused('Nothing to settle: these notes were changed or settled since.');
    const side = keep === 'both' ? undefined : conflict.sides[keep];
    if (keep !== 'both' && !side) throw new VaultRefused('Nothing to settle: there is no such version of the notes.');
    const notes = (side ? side.value.trim() : keepBothNotes(conflict.sides)).slice(0, LIMITS.notes);
    const next = checked({ ...record, notes, updatedAt: Math.max(now, record.updatedAt + 1) });
    await db.codes.put(next);
    return next;
  });
}
