import { liveQuery } from 'dexie';
import type { CodesDb } from './db';
import type { AdCodeRecord } from './schema';
import { DAY_MS } from '../expiry';
import { normalizeAdCode } from '../extract';
import { isEstimated } from '../expiry-derivation';

/**
 * Every read the product makes, each an index read where an index exists. Pages and the
 * background call these; none of them knows the table layout.
 */

const unarchivedByExpiry = (db: CodesDb, from: number, to: number, includeFrom = false, includeTo = true) =>
  db.codes.where('[archived+expiresAt]').between([0, from], [0, to], includeFrom, includeTo);

/** Unarchived codes marked used, by expiry: one index range, whatever the vault size. */
const usedBetween = (db: CodesDb, from: number, to: number, includeFrom: boolean) =>
  db.codes.where('[archived+status+expiresAt]').between([0, 'used', from], [0, 'used', to], includeFrom, true);

/**
 * How long a code that ended while still marked used keeps the badge red. Long enough to be
 * noticed and dealt with (renew, mark unused, archive); not forever, or an old vault would
 * keep the badge red for good and the colour would stop meaning anything.
 */
export const ENDED_IN_USE_RED_DAYS = 14;

export function getCode(db: CodesDb, id: number): Promise<AdCodeRecord | undefined> {
  return db.codes.get(id);
}

/** The records with these ids that still exist, in the order asked. */
export async function getCodes(db: CodesDb, ids: number[]): Promise<AdCodeRecord[]> {
  return (await db.codes.bulkGet(ids)).filter((r): r is AdCodeRecord => !!r);
}

/** Saved records among these codes (raw text is normalized first). */
export async function findByCodes(db: CodesDb, codes: string[]): Promise<AdCodeRecord[]> {
  const normalized = codes.map((c) => normalizeAdCode(c)).filter((c): c is string => !!c);
  if (!normalized.length) return [];
  return db.codes.where('code').anyOf(normalized).toArray();
}

/** Which of these codes are saved already (normalized). */
export async function savedAmong(db: CodesDb, codes: string[]): Promise<string[]> {
  return (await findByCodes(db, codes)).map((r) => r.code);
}

export function findByHandle(db: CodesDb, handle: string): Promise<AdCodeRecord[]> {
  return db.codes.where('creatorHandle').equals(handle).toArray();
}

export function findByTag(db: CodesDb, tag: string): Promise<AdCodeRecord[]> {
  return db.codes.where('tags').equals(tag).toArray();
}

/** The badge's query: one index range instead of a table scan. */
export async function countExpiringSoon(db: CodesDb, now: number, windowDays: number): Promise<number> {
  return unarchivedByExpiry(db, now, now + windowDays * DAY_MS).count();
}

/** How many of the badge's codes have an estimated expiry (period assumed or message date unknown): the tooltip says so. */
export async function countEstimatedExpiringSoon(db: CodesDb, now: number, windowDays: number): Promise<number> {
  let n = 0;
  await unarchivedByExpiry(db, now, now + windowDays * DAY_MS).each((r) => {
    if (isEstimated(r)) n++;
  });
  return n;
}

/** Codes that can still be used, soonest expiry first. */
export async function listUsable(db: CodesDb, now: number): Promise<AdCodeRecord[]> {
  return unarchivedByExpiry(db, now, Infinity).toArray();
}

/** Unarchived codes for the Ads Manager picker, soonest expiry first (with the expired ones when asked). */
export async function listForPicker(db: CodesDb, now: number, includeExpired: boolean): Promise<AdCodeRecord[]> {
  return unarchivedByExpiry(db, includeExpired ? -Infinity : now, Infinity, includeExpired).toArray();
}

/**
 * Next moment the badge number changes on its own: the next code entering the alert
 * window, or the next one expiring. Two index lookups, whatever the table size.
 */
export async function nextBadgeChangeAt(db: CodesDb, now: number, windowDays: number): Promise<number | undefined> {
  const windowMs = windowDays * DAY_MS;
  const [entering, expiring] = await Promise.all([unarchivedByExpiry(db, now + windowMs, Infinity).first(), unarchivedByExpiry(db, now, Infinity).first()]);
  const times = [entering && entering.expiresAt - windowMs, expiring?.expiresAt].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/** Codes marked used whose authorization ends within 24 h or ended recently: ads built on them stop. */
export async function countUrgent(db: CodesDb, now: number): Promise<number> {
  return usedBetween(db, now - ENDED_IN_USE_RED_DAYS * DAY_MS, now + DAY_MS, true).count();
}

/** When the badge colour next changes: a used code enters its last 24 h, or an ended one stops counting. */
export async function nextUrgentChangeAt(db: CodesDb, now: number): Promise<number | undefined> {
  const redFor = ENDED_IN_USE_RED_DAYS * DAY_MS;
  const [entering, leaving] = await Promise.all([usedBetween(db, now + DAY_MS, Infinity, false).first(), usedBetween(db, now - redFor, now, false).first()]);
  const times = [entering && entering.expiresAt - DAY_MS, leaving && leaving.expiresAt + redFor].filter((t): t is number => t !== undefined);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * Every code (export, dashboard). Read in an explicit read transaction: outside one, Dexie's
 * live-query cache keeps the result and hands out a deep clone of it, so each of 10 000 records
 * was built twice. Explicit read transactions are still observed, so a live query stays live.
 */
export function readAllCodes(db: CodesDb): Promise<AdCodeRecord[]> {
  return db.transaction('r', db.codes, () => db.codes.toArray());
}

/** One page of unarchived codes, soonest expiry first (the dashboard table's first screen). */
export function firstByExpiry(db: CodesDb, limit: number): Promise<AdCodeRecord[]> {
  return unarchivedByExpiry(db, -Infinity, Infinity, true).limit(limit).toArray();
}

/** What the popup shows: a page of each list, never the whole vault, so it opens fast at any size. */
export interface PopupView {
  usable: AdCodeRecord[];
  expired: AdCodeRecord[];
  usableTotal: number;
  expiredTotal: number;
  /** Unarchived codes in the vault (ignores the search). */
  total: number;
  /** The badge number. */
  expiring: number;
  /** How many codes each of the popup's groups holds (the search's hits when searching), in the dashboard's words. */
  groups: PopupGroupCounts;
}

export interface PopupGroupCounts {
  expiring: number;
  ready: number;
  used: number;
  expired: number;
}

/** The groups of search hits, by the same rule as codeStatus (expiring before used). */
function countGroups(usable: AdCodeRecord[], expired: number, now: number, windowDays: number): PopupGroupCounts {
  const soon = now + windowDays * DAY_MS;
  let expiring = 0;
  let used = 0;
  for (const r of usable) {
    if (r.expiresAt <= soon) expiring++;
    else if (r.status === 'used') used++;
  }
  return { expiring, ready: usable.length - expiring - used, used, expired };
}

export function matchesSearch(r: AdCodeRecord, q: string): boolean {
  return [r.creatorHandle, r.code, r.notes, r.source.senderName, r.source.subject, r.verified?.tiktokName, ...r.tags].some((v) =>
    v?.toLowerCase().includes(q),
  );
}

export async function loadPopupView(
  db: CodesDb,
  now: number,
  windowDays: number,
  query: string,
  limits: { usable: number; expired: number },
): Promise<PopupView> {
  // [archived+expiresAt] keeps unarchived codes sorted by expiry: both lists are index ranges.
  const usableRange = () => unarchivedByExpiry(db, now, Infinity);
  const expiredRange = () => unarchivedByExpiry(db, -Infinity, now, true);
  const q = query.trim().toLowerCase();
  const soon = now + windowDays * DAY_MS;
  const [usableCount, expiredCount, expiring, usedLater] = await Promise.all([
    usableRange().count(),
    expiredRange().count(),
    countExpiringSoon(db, now, windowDays),
    // Used codes beyond the alert window (within it they are "expiring", as codeStatus says).
    usedBetween(db, soon, Infinity, false).count(),
  ]);
  const total = usableCount + expiredCount;

  if (!q) {
    const [usable, expired] = await Promise.all([
      usableRange().limit(limits.usable).toArray(),
      // Most recently expired first: that is the one someone is looking for.
      expiredRange().reverse().limit(limits.expired).toArray(),
    ]);
    const groups = { expiring, ready: usableCount - expiring - usedLater, used: usedLater, expired: expiredCount };
    return { usable, expired, usableTotal: usableCount, expiredTotal: expiredCount, total, expiring, groups };
  }
  const [usableHits, expiredHits] = await Promise.all([
    usableRange().filter((r) => matchesSearch(r, q)).toArray(),
    expiredRange().reverse().filter((r) => matchesSearch(r, q)).toArray(),
  ]);
  return {
    usable: usableHits.slice(0, limits.usable),
    expired: expiredHits.slice(0, limits.expired),
    usableTotal: usableHits.length,
    expiredTotal: expiredHits.length,
    total,
    expiring,
    groups: countGroups(usableHits, expiredHits.length, now, windowDays),
  };
}

/** Calls `onChange` after any write to the codes (a capture, an edit, an import). Returns the unsubscribe. */
export function watchCodes(db: CodesDb, onChange: () => void, onError: (e: unknown) => void): () => void {
  const sub = liveQuery(() => Promise.all([db.codes.count(), db.codes.orderBy('updatedAt').last()])).subscribe({ next: onChange, error: onError });
  return () => sub.unsubscribe();
}

/** Calls `onCreated(id)` for each code added to the vault, once its write has committed. */
export function onCodeCreated(db: CodesDb, onCreated: (id: number) => void) {
  db.codes.hook('creating', function () {
    this.onsuccess = (id) => {
      if (id !== undefined) onCreated(id as number);
    };
  });
}
