import type { AdCodeRecord } from './schema';
import type { CodesDb, TeamReplicaEntry } from './db';
import { notesAsking, type TeamConflict } from '../team-sheet/asking';

/*
 * The team sheet's reads, apart from its commands so a page that only shows them (the dashboard's notice)
 * does not load the write path (the schema, zod, the import readers).
 */

export async function recordsByCode(db: CodesDb, codes: string[]): Promise<AdCodeRecord[]> {
  return codes.length ? db.codes.where('code').anyOf(codes).toArray() : [];
}

/**
 * The codes still asking. A code whose notes were changed here since (settled, or edited by hand) no
 * longer asks, although the replica keeps the flag until the round that pushes the change.
 */
export async function teamConflicts(db: CodesDb, limit = 20): Promise<TeamConflict[]> {
  const flagged = await db.teamReplica
    .filter((e) => !!e.conflicts?.length)
    .limit(limit)
    .toArray();
  const records = new Map(
    (
      await recordsByCode(
        db,
        flagged.map((e) => e.code),
      )
    ).map((r) => [r.code, r]),
  );
  return flagged.flatMap((e) => {
    const c = conflictOf(e, records.get(e.code));
    return c ? [c] : [];
  });
}

export function conflictOf(e: TeamReplicaEntry | undefined, record: AdCodeRecord | undefined): TeamConflict | undefined {
  if (!e?.conflicts?.length || !record || record.notes !== e.values.notes) return undefined;
  const asking = notesAsking(record.notes, [], e.asking);
  return asking && { code: e.code, notes: record.notes, sides: asking.sides };
}

