/**
 * Runs in a Chromium page: seeds a real IndexedDB with `count` codes, then times the badge
 * recompute the background runs after every change (refreshBadge: expiring-soon count, urgent
 * count, next wake-up) against one full table scan computing the same numbers.
 */
import { openCodesDb } from '@/utils/vault/db';
import type { AdCodeRecord } from '@/utils/code-record';
import { countExpiringSoon, nextBadgeChangeAt } from '@/utils/vault/queries';
import { countUrgent, refreshBadge } from '@/entrypoints/background/badge';
import { adCode, random } from './random-codes';

const DAY = 86_400_000;

function vault(count: number, now: number): AdCodeRecord[] {
  const rand = random(3);
  return Array.from({ length: count }, (_, i) => {
    const receivedAt = now - Math.floor(rand() * 400) * DAY;
    const periodDays = [7, 30, 60, 365][i % 4];
    return {
      code: adCode(rand) + i.toString(36),
      creatorHandle: `@creator.${i % 500}`,
      periodDays,
      periodAssumed: false,
      receivedAt,
      expiresAt: receivedAt + periodDays * DAY,
      status: i % 3 ? 'unused' : 'used',
      uses: [],
      archived: i % 25 === 0 ? 1 : 0,
      notes: '',
      tags: [],
      source: { kind: 'gmail', subject: `Spark code ${i}` },
      alertsSent: [],
      createdAt: receivedAt,
      updatedAt: receivedAt,
    } as AdCodeRecord;
  });
}

async function minMedian(runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)] };
}

export async function run(count: number) {
  const now = Date.now();
  const db = openCodesDb(`bench-${count}-${now}`);
  const rows = vault(count, now);
  for (let i = 0; i < rows.length; i += 10_000) await db.codes.bulkAdd(rows.slice(i, i + 10_000));
  const windowDays = 3;

  // What a naive background would do: one pass over every record.
  const fullScan = async () => {
    let expiring = 0;
    let urgent = 0;
    let next = Infinity;
    await db.codes.each((r) => {
      if (r.archived || r.expiresAt <= now) return;
      if (r.expiresAt <= now + windowDays * DAY) expiring++;
      if (r.status === 'used' && r.expiresAt <= now + DAY) urgent++;
      next = Math.min(next, r.expiresAt, r.expiresAt - windowDays * DAY > now ? r.expiresAt - windowDays * DAY : Infinity);
    });
    return { expiring, urgent, next };
  };

  const indexedCount = await countExpiringSoon(db, now, windowDays);
  const scanned = await fullScan();
  if (indexedCount !== scanned.expiring) throw new Error(`badge disagrees with scan: ${indexedCount} vs ${scanned.expiring}`);

  await refreshBadge(db, windowDays, now); // warm-up
  const badge = await minMedian(9, () => refreshBadge(db, windowDays, now));
  const query = await minMedian(9, () => countExpiringSoon(db, now, windowDays));
  const scan = await minMedian(3, fullScan);
  // Where the badge's time goes, so a regression points at its query.
  const parts = {
    urgent: (await minMedian(5, () => countUrgent(db, now))).median,
    nextChange: (await minMedian(5, () => nextBadgeChangeAt(db, now, windowDays))).median,
  };
  db.close();
  return { count, expiring: indexedCount, badge, query, scan, parts };
}
