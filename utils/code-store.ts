import type { AdCodeRecord, CaptureInput } from './code-record';
import type { CodesDb } from './codes-db';
import { computeExpiry, DEFAULT_PERIOD_DAYS, DAY_MS } from './expiry';
import { normalizeAdCode } from './extract';

/** The background's write operations. Time is passed in so rules stay testable. */

export type SaveOutcome = 'saved' | 'updated' | 'invalid';
export interface SaveResult {
  code: string;
  outcome: SaveOutcome;
  id?: number;
  reason?: string;
}

export function newRecord(input: CaptureInput, code: string, now: number, defaultPeriod = DEFAULT_PERIOD_DAYS): AdCodeRecord {
  const periodDays = input.periodDays ?? defaultPeriod;
  const receivedAt = input.sentAt ?? now;
  return {
    code,
    creatorHandle: input.creatorHandle,
    postUrl: input.postUrl,
    periodDays,
    periodAssumed: input.periodDays === undefined,
    receivedAt,
    expiresAt: computeExpiry(receivedAt, periodDays),
    status: 'unused',
    uses: [],
    archived: 0,
    notes: input.notes ?? '',
    tags: [],
    source: input.source,
    alertsSent: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Saving a known code fills in what was missing and never throws away what the user edited:
 * a stated period replaces an assumed one, but a hand-edited expiry stays.
 */
export function mergeCapture(existing: AdCodeRecord, input: CaptureInput, now: number): AdCodeRecord {
  const merged: AdCodeRecord = {
    ...existing,
    creatorHandle: existing.creatorHandle ?? input.creatorHandle,
    postUrl: existing.postUrl ?? input.postUrl,
    source: { ...input.source, ...stripUndefined(existing.source) },
    updatedAt: now,
  };
  if (input.notes && !existing.notes.includes(input.notes)) {
    merged.notes = existing.notes ? `${existing.notes}\n${input.notes}` : input.notes;
  }
  if (existing.periodAssumed && input.periodDays !== undefined && !existing.expiryEdited) {
    merged.periodDays = input.periodDays;
    merged.periodAssumed = false;
    merged.expiresAt = computeExpiry(existing.receivedAt, input.periodDays);
  }
  return merged;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** Saves captured codes in one transaction: all of them or none. */
export async function saveCaptures(
  db: CodesDb,
  inputs: CaptureInput[],
  now: number,
  defaultPeriod = DEFAULT_PERIOD_DAYS,
): Promise<SaveResult[]> {
  return db.transaction('rw', db.codes, async () => {
    const results: SaveResult[] = [];
    for (const input of inputs) {
      const code = normalizeAdCode(input.code);
      if (!code) {
        results.push({ code: input.code, outcome: 'invalid', reason: 'Not an ad code: expected # followed by about 64 letters, digits, + or /.' });
        continue;
      }
      const existing = await db.codes.where('code').equals(code).first();
      if (existing) {
        await db.codes.put(mergeCapture(existing, input, now));
        results.push({ code, outcome: 'updated', id: existing.id });
      } else {
        const id = await db.codes.add(newRecord(input, code, now, defaultPeriod));
        results.push({ code, outcome: 'saved', id: id as number });
      }
    }
    return results;
  });
}

export async function savedAmong(db: CodesDb, codes: string[]): Promise<string[]> {
  const normalized = codes.map((c) => normalizeAdCode(c)).filter((c): c is string => !!c);
  const found = await db.codes.where('code').anyOf(normalized).toArray();
  return found.map((r) => r.code);
}

export async function markUsage(db: CodesDb, id: number, used: boolean, now: number, advertiserId?: string) {
  await db.codes.update(id, (r) => {
    r.status = used ? 'used' : 'unused';
    if (used) r.uses = [...r.uses, { advertiserId, at: now }];
    else if (r.uses.length) r.uses = r.uses.slice(0, -1);
    r.updatedAt = now;
  });
}

export type CodePatch = Partial<Pick<AdCodeRecord, 'notes' | 'tags' | 'creatorHandle' | 'postUrl' | 'archived' | 'renewalRequestedAt'>> & {
  expiresAt?: number;
  periodDays?: number;
};

/** User edits. Changing expiry by hand marks it edited so later captures keep it; alerts re-arm. */
export async function updateCode(db: CodesDb, id: number, patch: CodePatch, now: number) {
  await db.codes.update(id, (r) => {
    Object.assign(r, stripUndefined(patch));
    if (patch.periodDays !== undefined && patch.expiresAt === undefined) {
      r.expiresAt = computeExpiry(r.receivedAt, patch.periodDays);
      r.periodAssumed = false;
    }
    if (patch.expiresAt !== undefined) {
      r.expiryEdited = true;
      r.periodAssumed = false;
    }
    if (patch.expiresAt !== undefined || patch.periodDays !== undefined) r.alertsSent = [];
    r.updatedAt = now;
  });
}

/** Returns the deleted records so the caller can offer undo. */
export async function deleteCodes(db: CodesDb, ids: number[]): Promise<AdCodeRecord[]> {
  return db.transaction('rw', db.codes, async () => {
    const rows = (await db.codes.bulkGet(ids)).filter((r): r is AdCodeRecord => !!r);
    await db.codes.bulkDelete(ids);
    return rows;
  });
}

/** All rows or none: a bulkPut on its own keeps the rows that fit when one fails (full disk). */
export async function restoreCodes(db: CodesDb, rows: AdCodeRecord[]) {
  await db.transaction('rw', db.codes, () => db.codes.bulkPut(rows));
}

/** The badge's query: one index range instead of a table scan. */
export async function countExpiringSoon(db: CodesDb, now: number, windowDays: number): Promise<number> {
  return db.codes
    .where('[archived+expiresAt]')
    .between([0, now], [0, now + windowDays * DAY_MS], false, true)
    .count();
}

/** Codes that can still be used, soonest expiry first. */
export async function listUsable(db: CodesDb, now: number): Promise<AdCodeRecord[]> {
  return db.codes.where('[archived+expiresAt]').between([0, now], [0, Infinity], false, true).toArray();
}

/**
 * Next moment the badge number changes on its own: the next code entering the alert
 * window, or the next one expiring. Two index lookups, whatever the table size.
 */
export async function nextBadgeChangeAt(db: CodesDb, now: number, windowDays: number): Promise<number | undefined> {
  const windowMs = windowDays * DAY_MS;
  const range = (from: number) => db.codes.where('[archived+expiresAt]').between([0, from], [0, Infinity], false, true);
  const [entering, expiring] = await Promise.all([range(now + windowMs).first(), range(now).first()]);
  const times = [entering && entering.expiresAt - windowMs, expiring?.expiresAt].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}
