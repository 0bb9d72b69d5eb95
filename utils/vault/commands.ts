import type { CodesDb, TrashEntry } from './db';
import { adCodeRecordSchema, type AdCodeRecord, type CaptureInput, type CodePatch, type StoredRecord } from './schema';
import { appendNotes, fitCapture } from './fit';
import { BATCH, LIMITS, UNDO_WINDOW_MS } from './limits';
import { computeExpiry, DEFAULT_PERIOD_DAYS } from '../expiry';
import { normalizeAdCode } from '../extract';
import { mergeImported } from '../import-preview';
import { derivedExpiry, expirySourceOf, withExpirySource } from '../expiry-derivation';
import type { BulkEdit, DeleteReceipt } from '../protocol';

/**
 * Every write to the vault, as a named command. Each one runs through `runCommand` (one Dexie
 * transaction over the vault's tables), sets `updatedAt`, and parses the record it writes
 * through the schema, so nothing invalid is ever stored. `runCommand` is where a history event
 * and a sync outbox entry will be appended (see notes/sync-design.md): in the same transaction,
 * so nothing is written without being recorded.
 */

export type CommandName =
  | 'saveCaptures'
  | 'editCode'
  | 'choosePeriod'
  | 'setReceivedAt'
  | 'restoreExpiryBasis'
  | 'setUsage'
  | 'undoPickerUse'
  | 'bulkEdit'
  | 'deleteCodes'
  | 'restoreDeleted'
  | 'commitImport'
  | 'applyTikTokFacts'
  | 'applyTikTokPosts'
  | 'applyLiveAds'
  | 'claimAlerts'
  | 'snoozeAlert'
  | 'applyTeamSheet'
  | 'settleTeamConflict';

const committedListeners = new Set<(name: CommandName) => void>();

/**
 * Calls `listener` after each command's transaction has committed (the background tells open
 * extension pages to read again). Returns the unsubscribe.
 */
export function onCommandCommitted(listener: (name: CommandName) => void): () => void {
  committedListeners.add(listener);
  return () => committedListeners.delete(listener);
}

export async function runCommand<T>(db: CodesDb, name: CommandName, body: () => Promise<T>): Promise<T> {
  const result = await db.transaction('rw', [db.codes, db.trash, db.teamOutbox, db.teamReplica, db.teamState], body);
  committedListeners.forEach((listener) => listener(name));
  return result;
}

/** A write the schema refuses: the message names the field, its limit and what to do. */
export class VaultRefused extends Error {}

/** Parses a record before it is written; a refusal aborts the command's transaction. */
export function checked(r: AdCodeRecord): AdCodeRecord {
  const parsed = adCodeRecordSchema.safeParse(r);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new VaultRefused(`Not saved: ${issue.path.join('.') || 'record'} ${issue.message}.`);
}

async function put(db: CodesDb, r: AdCodeRecord): Promise<void> {
  await db.codes.put(checked(r));
}

/** Reads, changes and writes one record; `change` returns false when there is nothing to write. */
export async function modify(db: CodesDb, id: number, now: number, change: (r: AdCodeRecord) => boolean | void): Promise<AdCodeRecord | undefined> {
  const r = await db.codes.get(id);
  if (!r) return undefined;
  const next = structuredClone(r);
  if (change(next) === false) return r;
  next.updatedAt = now;
  await put(db, next);
  return next;
}

// ---- captures ----

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
  const record: AdCodeRecord = {
    code,
    creatorHandle: input.creatorHandle,
    postUrl: input.postUrl,
    periodDays,
    periodAssumed: input.periodDays === undefined,
    receivedAt,
    expiresAt: computeExpiry(receivedAt, periodDays),
    expirySource: input.periodDays === undefined ? 'assumed' : input.periodChosen ? 'chosen' : 'stated',
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
  // No message date: the capture time stands in, and the expiry is shown and counted as estimated until the user says.
  if (input.sentAt === undefined) record.receivedAtUnknown = true;
  return record;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
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
    notes: appendNotes(existing.notes, input.notes),
    updatedAt: now,
  };
  merged.expirySource = expirySourceOf(existing);
  if (existing.periodAssumed && input.periodDays !== undefined && !existing.expiryEdited) {
    merged.periodDays = input.periodDays;
    merged.periodAssumed = false;
    merged.expirySource = input.periodChosen ? 'chosen' : 'stated';
  }
  // The same code seen again in a message whose date reads: that date replaces the time of capture.
  if (existing.receivedAtUnknown && input.sentAt !== undefined) {
    merged.receivedAt = input.sentAt;
    merged.receivedAtUnknown = false;
  }
  if (merged.periodDays !== existing.periodDays || merged.receivedAt !== existing.receivedAt) {
    merged.expiresAt = derivedExpiry(merged);
    if (merged.expiresAt !== existing.expiresAt) merged.alertsSent = [];
  }
  return merged;
}

/** Saves captured codes in one transaction: all of them or none. */
export function saveCaptures(db: CodesDb, inputs: CaptureInput[], now: number, defaultPeriod = DEFAULT_PERIOD_DAYS): Promise<SaveResult[]> {
  return runCommand(db, 'saveCaptures', async () => {
    const results: SaveResult[] = [];
    for (const raw of inputs) {
      const code = normalizeAdCode(raw.code);
      if (!code) {
        results.push({ code: raw.code, outcome: 'invalid', reason: 'Not an ad code: expected # followed by about 64 letters, digits, + or /.' });
        continue;
      }
      const input = fitCapture(raw);
      const existing = await db.codes.where('code').equals(code).first();
      if (existing) {
        await put(db, mergeCapture(existing, input, now));
        results.push({ code, outcome: 'updated', id: existing.id });
      } else {
        const id = await db.codes.add(checked(newRecord(input, code, now, defaultPeriod)));
        results.push({ code, outcome: 'saved', id: id as number });
      }
    }
    return results;
  });
}

// ---- edits ----

/** User edits. Changing expiry by hand marks it edited so later captures keep it; alerts re-arm. */
export function editCode(db: CodesDb, id: number, patch: CodePatch, now: number): Promise<AdCodeRecord | undefined> {
  return runCommand(db, 'editCode', () =>
    modify(db, id, now, (r) => {
      Object.assign(r, stripUndefined(patch));
      if (patch.notes === '') r.notes = '';
      if (patch.periodDays !== undefined && patch.expiresAt === undefined) {
        r.expiresAt = computeExpiry(r.receivedAt, patch.periodDays);
        r.periodAssumed = false;
        r.expirySource = 'chosen';
      }
      if (patch.expiresAt !== undefined) {
        r.expiryEdited = true;
        r.periodAssumed = false;
        r.expirySource = 'user';
      }
      if (patch.expiresAt !== undefined || patch.periodDays !== undefined) r.alertsSent = [];
    }),
  );
}

/** The one usage rule: a code is used while it has at least one use. */
function withUses(r: AdCodeRecord, uses: AdCodeRecord['uses']) {
  r.uses = uses.slice(-LIMITS.uses);
  r.status = r.uses.length ? 'used' : 'unused';
}

/**
 * Marks used (adds a use in `advertiserId`'s account) or unused: takes back the uses whose
 * times are listed, or every use when none are listed. The status follows from what remains.
 */
export function setUsage(db: CodesDb, id: number, used: boolean, now: number, opts: { advertiserId?: string; uses?: number[] } = {}) {
  return runCommand(db, 'setUsage', () =>
    modify(db, id, now, (r) => {
      if (used) withUses(r, [...r.uses, { advertiserId: opts.advertiserId, at: now }]);
      else if (!r.uses.length && r.status === 'unused') return false;
      else withUses(r, opts.uses ? r.uses.filter((u) => !opts.uses!.includes(u.at)) : []);
    }),
  );
}

/** The picker's undo: takes back exactly the use it added (same time, same account), no other. */
export function undoPickerUse(db: CodesDb, ids: number[], use: { at: number; advertiserId?: string }, now: number) {
  return runCommand(db, 'undoPickerUse', async () => {
    for (const id of ids) {
      await modify(db, id, now, (r) => {
        const i = r.uses.findLastIndex((u) => u.at === use.at && u.advertiserId === use.advertiserId);
        if (i < 0) return false;
        withUses(r, r.uses.toSpliced(i, 1));
      });
    }
  });
}

export function applyBulkEdit(r: AdCodeRecord, edit: BulkEdit, now: number): boolean {
  switch (edit.kind) {
    case 'addTag': {
      const tag = edit.tag.trim();
      if (r.tags.includes(tag) || r.tags.length >= LIMITS.tags) return false;
      r.tags = [...r.tags, tag];
      break;
    }
    case 'removeTag':
      if (!r.tags.includes(edit.tag)) return false;
      r.tags = r.tags.filter((t) => t !== edit.tag);
      break;
    case 'archive':
      if (r.archived === edit.archived) return false;
      r.archived = edit.archived;
      break;
    case 'usage':
      if ((r.status === 'used') === edit.used) return false;
      withUses(r, edit.used ? [...r.uses, { at: now }] : []);
      break;
  }
  r.updatedAt = now;
  return true;
}

export function bulkEdit(db: CodesDb, ids: number[], edit: BulkEdit, now: number): Promise<number> {
  return runCommand(db, 'bulkEdit', async () => {
    const rows = await db.codes.bulkGet(ids);
    const changed = rows.filter((r): r is AdCodeRecord => !!r && applyBulkEdit(r, edit, now));
    if (changed.length) await db.codes.bulkPut(changed.map(checked));
    return changed.length;
  });
}

// ---- delete and undo ----

function undoToken(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Deletes the codes and keeps them whole in the trash until the undo window closes. */
export function deleteCodes(db: CodesDb, ids: number[], now: number): Promise<DeleteReceipt> {
  return runCommand(db, 'deleteCodes', async () => {
    const records = (await db.codes.bulkGet(ids)).filter((r): r is AdCodeRecord => !!r);
    await db.codes.bulkDelete(records.map((r) => r.id!));
    await db.trash.where('deletedAt').below(now - UNDO_WINDOW_MS).delete();
    const entry: TrashEntry = { token: undoToken(), deletedAt: now, records };
    await db.trash.add(entry);
    return { deleted: records.length, undoToken: entry.token };
  });
}

/**
 * Undo: puts back exactly the records that were deleted, with their ids. Not re-validated, on
 * purpose: they were in the vault a moment ago, and refusing one would lose it. A code saved
 * again since the delete is folded into the restored record (nothing of either is lost).
 */
export function restoreDeleted(db: CodesDb, token: string, now: number): Promise<{ restored: number }> {
  return runCommand(db, 'restoreDeleted', async () => {
    const entry = await db.trash.get(token);
    if (!entry || now - entry.deletedAt > UNDO_WINDOW_MS) throw new VaultRefused('Nothing to undo: that delete is older than a day or was undone already.');
    const again = new Map((await db.codes.where('code').anyOf(entry.records.map((r) => r.code)).toArray()).map((r) => [r.code, r]));
    const records = entry.records.map((r) => {
      const newer = again.get(r.code);
      return newer && newer.id !== r.id ? { ...mergeImported(r, newer), id: r.id } : r;
    });
    const replaced = [...again.values()].filter((n) => records.some((r) => r.code === n.code && r.id !== n.id));
    if (replaced.length) await db.codes.bulkDelete(replaced.map((r) => r.id!));
    await db.codes.bulkPut(records);
    await db.trash.delete(token);
    return { restored: records.length };
  });
}

// ---- import ----

/**
 * Adds new codes and merges known ones (same normalized code) in a single transaction.
 * Any bad record throws, which aborts the transaction: the vault is left exactly as it was.
 */
export function commitImport(db: CodesDb, records: StoredRecord[], now: number): Promise<{ added: number; merged: number }> {
  return runCommand(db, 'commitImport', async () => {
    const incoming = records.map((r, i) => {
      const code = normalizeAdCode(r.code);
      if (!code) throw new VaultRefused(`Record ${i + 1} is not an ad code; nothing was imported.`);
      return { ...r, code };
    });
    // One index read for all known codes instead of one per record (10 000 rows in well under a second).
    const known = new Map((await db.codes.where('code').anyOf(incoming.map((r) => r.code)).toArray()).map((r) => [r.code, r]));
    const fresh = new Map<string, AdCodeRecord>();
    const merged = new Map<string, AdCodeRecord>();
    for (const r of incoming) {
      const base = merged.get(r.code) ?? known.get(r.code);
      if (base) merged.set(r.code, { ...mergeImported(base, r), updatedAt: Math.max(now, base.updatedAt) });
      else if (fresh.has(r.code)) fresh.set(r.code, mergeImported(fresh.get(r.code)!, r));
      else fresh.set(r.code, { ...r });
    }
    // Large slices inside the one transaction: a 200,000-record restore never holds every checked copy
    // and IndexedDB request at once, and a refusal in any slice still aborts the whole write.
    // Backups made before the expiry source existed get it derived here, as the v5 upgrade does for stored records.
    const size = BATCH.importWrite;
    const slices = (rows: AdCodeRecord[]) => Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => rows.slice(k * size, (k + 1) * size));
    const ready = (r: AdCodeRecord) => checked(withExpirySource(r));
    for (const slice of slices([...fresh.values()])) await db.codes.bulkAdd(slice.map(ready));
    for (const slice of slices([...merged.values()])) await db.codes.bulkPut(slice.map(ready));
    return { added: fresh.size, merged: merged.size };
  });
}

// ---- TikTok, alerts ----

/**
 * Stores what TikTok said about a code. `apply` is the pure rule (utils/verify-apply); the record
 * is re-read inside the write, so an edit made while TikTok was answering is kept.
 */
export function applyTikTokFacts(
  db: CodesDb,
  id: number,
  /** The code the facts are about (a record re-saved under the same id since is left alone); undefined: any. */
  code: string | undefined,
  apply: (fresh: AdCodeRecord) => AdCodeRecord,
): Promise<{ before?: AdCodeRecord; after?: AdCodeRecord }> {
  return runCommand(db, 'applyTikTokFacts', async () => {
    const fresh = await db.codes.get(id);
    if (!fresh || (code !== undefined && fresh.code !== code)) return {};
    const after = apply(fresh);
    if (after === fresh) return { before: fresh };
    await put(db, after);
    return { before: fresh, after };
  });
}

/** Marks alert thresholds sent (and ends a snooze) before anything is shown: a crash may lose one alert, never repeat it. */
export function claimAlerts(
  db: CodesDb,
  due: { id: number; covers: number[]; snoozeEnded?: boolean }[],
): Promise<(AdCodeRecord & { id: number })[]> {
  return runCommand(db, 'claimAlerts', async () => {
    const claimed: (AdCodeRecord & { id: number })[] = [];
    for (const d of due) {
      const r = await db.codes.get(d.id);
      if (!r) continue;
      const fresh = d.covers.filter((t) => !r.alertsSent.includes(t));
      const snoozeBack = d.snoozeEnded && r.alertSnoozedUntil !== undefined;
      if (!fresh.length && !snoozeBack) continue; // another check got here first
      const updated: AdCodeRecord = { ...r, alertsSent: [...r.alertsSent, ...fresh] };
      delete updated.alertSnoozedUntil;
      await put(db, updated);
      claimed.push(updated as AdCodeRecord & { id: number });
    }
    return claimed;
  });
}

export function snoozeAlert(db: CodesDb, id: number, until: (r: AdCodeRecord) => number, now: number) {
  return runCommand(db, 'snoozeAlert', () =>
    modify(db, id, now, (r) => {
      r.alertSnoozedUntil = until(r);
    }),
  );
}

/** "Renewal requested" from the dashboard's request dialog. */
export function markRenewalRequested(db: CodesDb, id: number, now: number) {
  return editCode(db, id, { renewalRequestedAt: now }, now);
}
