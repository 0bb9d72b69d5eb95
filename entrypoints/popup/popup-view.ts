import type { AdCodeRecord } from '@/utils/code-record';
import type { CodesDb } from '@/utils/codes-db';
import { countExpiringSoon } from '@/utils/code-store';

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
}

export const PAGE_SIZE = 50;

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
  const usableRange = () => db.codes.where('[archived+expiresAt]').between([0, now], [0, Infinity], false, true);
  const expiredRange = () => db.codes.where('[archived+expiresAt]').between([0, -Infinity], [0, now], true, true);
  const q = query.trim().toLowerCase();
  const [usableCount, expiredCount, expiring] = await Promise.all([usableRange().count(), expiredRange().count(), countExpiringSoon(db, now, windowDays)]);
  const total = usableCount + expiredCount;

  if (!q) {
    const [usable, expired] = await Promise.all([
      usableRange().limit(limits.usable).toArray(),
      // Most recently expired first: that is the one someone is looking for.
      expiredRange().reverse().limit(limits.expired).toArray(),
    ]);
    return { usable, expired, usableTotal: usableCount, expiredTotal: expiredCount, total, expiring };
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
  };
}
