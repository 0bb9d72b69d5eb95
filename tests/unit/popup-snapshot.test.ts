// The popup's first screen kept in session storage (utils/popup-snapshot.ts, entrypoints/background/popup-snapshot.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { saveCaptures, setUsage } from '@/utils/vault/commands';
import { loadPopupView } from '@/utils/vault/queries';
import { DAY_MS } from '@/utils/expiry';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { makePopupSnapshot, shownView, usableSnapshot, SNAPSHOT_VERSION, type PopupSnapshot } from '@/utils/popup-snapshot';
import { keepPopupSnapshot } from '@/entrypoints/background/popup-snapshot';
import { makeCode } from './dashboard-fixtures';

const NOW = Date.UTC(2026, 10, 25, 12);
const settings = { ...DEFAULT_SETTINGS, alertWindowDays: 3 };
const capture = (i: number, daysLeft: number) => ({
  code: makeCode(i),
  periodDays: 30,
  sentAt: NOW + daysLeft * DAY_MS - 30 * DAY_MS,
  creatorHandle: `@creator${i}`,
  source: { kind: 'paste' as const },
});

let db: CodesDb;
beforeEach(async () => {
  db = openCodesDb(`popup-snapshot-${Math.random()}`);
  // 50 usable (1…50 days left) and 20 expired (1…20 days ago).
  await saveCaptures(db, [...Array.from({ length: 50 }, (_, i) => capture(i, i + 1)), ...Array.from({ length: 20 }, (_, i) => capture(100 + i, -i - 1))], NOW);
});

/** A store that records every value written, as session storage would hold the last. */
function memoryStore() {
  const writes: (PopupSnapshot | null)[] = [];
  return {
    writes,
    last: () => writes.at(-1),
    setValue: async (v: PopupSnapshot | null) => void writes.push(v),
  };
}
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('makePopupSnapshot: vault rows → the first screen', () => {
  it('keeps the first rows of each list in order and the whole vault\'s counts', async () => {
    const view = await loadPopupView(db, NOW, 3, '', { usable: 50, expired: 50 });
    const s = makePopupSnapshot(view, NOW, settings, { usable: 4, expired: 2 });
    expect(s.view.usable.map((r) => r.creatorHandle)).toEqual(['@creator0', '@creator1', '@creator2', '@creator3']);
    expect(s.view.expired.map((r) => r.creatorHandle)).toEqual(['@creator100', '@creator101']);
    expect([s.view.usableTotal, s.view.expiredTotal, s.view.total, s.view.expiring]).toEqual([50, 20, 70, 3]);
    expect(s.view.groups).toEqual({ expiring: 3, ready: 47, used: 0, expired: 20 });
    expect(s.at).toBe(NOW);
    expect(s.settings.alertWindowDays).toBe(3);
  });

  it('counts used codes apart from ready ones, except those expiring (expiring comes first, as the status pill says)', async () => {
    const [soon, later] = await Promise.all([db.codes.where('code').equals(makeCode(1)).first(), db.codes.where('code').equals(makeCode(40)).first()]);
    await setUsage(db, soon!.id!, true, NOW);
    await setUsage(db, later!.id!, true, NOW);
    const view = await loadPopupView(db, NOW, 3, '', { usable: 5, expired: 5 });
    expect(view.groups).toEqual({ expiring: 3, ready: 46, used: 1, expired: 20 });
  });
});

describe('what the popup may paint', () => {
  it('refuses a removed, foreign or older-version snapshot', async () => {
    const view = await loadPopupView(db, NOW, 3, '', { usable: 5, expired: 5 });
    const good = makePopupSnapshot(view, NOW, settings);
    expect(usableSnapshot(good)).toBe(good);
    expect(usableSnapshot(null)).toBeUndefined();
    expect(usableSnapshot({ ...good, version: SNAPSHOT_VERSION - 1 })).toBeUndefined();
    expect(usableSnapshot({ version: SNAPSHOT_VERSION, at: 1 })).toBeUndefined();
  });

  it('the live answer always wins; the snapshot only stands in for the unsearched list', async () => {
    const view = await loadPopupView(db, NOW, 3, '', { usable: 5, expired: 5 });
    const snap = makePopupSnapshot(view, NOW - 1000, settings);
    const live = { ...view, total: 71 };
    expect(shownView(undefined, snap, '')).toEqual({ view: snap.view, from: 'snapshot' });
    expect(shownView(live, snap, '')).toEqual({ view: live, from: 'live' });
    expect(shownView(undefined, snap, 'maya')).toEqual({});
    expect(shownView(undefined, undefined, '')).toEqual({});
  });
});

describe('keepPopupSnapshot (background)', () => {
  it('writes one on start-up', async () => {
    const store = memoryStore();
    const keeper = keepPopupSnapshot(db, store, async () => settings, () => NOW);
    await keeper.refresh();
    keeper.stop();
    expect(store.last()?.view.usable[0].creatorHandle).toBe('@creator0');
    expect(store.last()?.view.total).toBe(70);
  });

  it('a committed command removes the stale snapshot at once, then replaces it with one that holds the change', async () => {
    const store = memoryStore();
    const keeper = keepPopupSnapshot(db, store, async () => settings, () => NOW);
    await keeper.refresh();
    const before = store.writes.length;
    await saveCaptures(db, [capture(999, 0.5)], NOW);
    // Removed synchronously with the commit: a popup opened now waits for the background.
    expect(store.writes[before]).toBeNull();
    await settle();
    keeper.stop();
    const fresh = store.last()!;
    expect(fresh.view.usable[0].creatorHandle).toBe('@creator999');
    expect(fresh.view.total).toBe(71);
    expect(fresh.view.expiring).toBe(4);
  });

  it('of two overlapping reads, the older never overwrites the newer', async () => {
    const store = memoryStore();
    const keeper = keepPopupSnapshot(db, store, async () => settings, () => NOW);
    await Promise.all([saveCaptures(db, [capture(501, 10)], NOW), saveCaptures(db, [capture(502, 10)], NOW)]);
    await settle();
    keeper.stop();
    expect(store.last()?.view.total).toBe(72);
    const snapshots = store.writes.filter((w) => w !== null);
    expect(snapshots.every((w) => w.view.total === 72)).toBe(true);
  });
});
