// Every schema step, from the first shipped version, with a vault that looks like a real one:
// nothing may be lost or altered, and every index of the new version must answer for every record.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openCodesDb, SCHEMA_VERSIONS } from '@/utils/vault/db';
import type { AdCodeRecord } from '@/utils/code-record';
import { countExpiringSoon, listUsable } from '@/utils/vault/queries';
import { recordTeamChanges } from '@/utils/vault/team-commands';
import { makeCode, NOW, record } from './dashboard-fixtures';

const DAY = 86_400_000;
const LATEST = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

/** 400 records as a year of use leaves them: every capture kind, edits, uses, verification, archive, odd text. */
function realisticVault(): AdCodeRecord[] {
  const kinds = ['gmail', 'outlook', 'instagram', 'tiktok-dm', 'selection', 'paste', 'import'] as const;
  const periods = [7, 30, 60, 365];
  return Array.from({ length: 400 }, (_, i) => {
    const receivedAt = NOW - (i % 200) * DAY + i * 1000;
    const periodDays = periods[i % 4];
    const r = record({
      code: makeCode(i + 1),
      creatorHandle: i % 9 === 0 ? undefined : `@creator.${i % 37}`,
      postUrl: i % 5 === 0 ? `https://www.tiktok.com/@creator.${i % 37}/video/73${String(i).padStart(16, '0')}` : undefined,
      periodDays,
      periodAssumed: i % 4 === 1 && i % 8 === 1,
      receivedAt,
      expiresAt: receivedAt + periodDays * DAY,
      expiryEdited: i % 23 === 0 ? true : undefined,
      status: i % 3 === 0 ? 'used' : 'unused',
      uses: i % 3 === 0 ? [{ at: receivedAt + DAY, advertiserId: String(7000 + (i % 4)) }, { at: receivedAt + 2 * DAY }] : [],
      archived: i % 17 === 0 ? 1 : 0,
      notes: i % 6 === 0 ? `Kampagne „Sommer“ ${i} — 春のキャンペーン 🎬\nsecond line` : '',
      tags: i % 4 === 0 ? ['Q4', `launch-${i % 3}`] : i % 4 === 1 ? ['Q4', 'Q4'.toLowerCase()] : [],
      source: {
        kind: kinds[i % kinds.length],
        senderName: i % 2 ? 'José Müller' : undefined,
        senderEmail: i % 2 ? `creator${i}@example.com` : undefined,
        subject: i % 2 ? `Re: Spark code #${i}` : undefined,
        url: i % 7 === 0 ? undefined : `https://mail.google.com/mail/u/0/#inbox/${i.toString(16)}`,
        messageId: i % 3 ? `<msg-${i}@mail.example.com>` : undefined,
      },
      renewalRequestedAt: i % 29 === 0 ? receivedAt + 5 * DAY : undefined,
      alertsSent: i % 5 === 0 ? [7, 3] : [],
      alertSnoozedUntil: i % 31 === 0 ? NOW + DAY : undefined,
      verified:
        i % 11 === 0
          ? { checkedAt: NOW - DAY, authStatus: i % 22 ? 'AUTHORIZED' : 'EXPIRED', authEnd: receivedAt + periodDays * DAY, tiktokName: `Creator ${i}`, itemId: `73${i}` }
          : undefined,
      createdAt: receivedAt,
      updatedAt: receivedAt + (i % 13) * 3600_000,
    });
    // Optional fields the app leaves out rather than setting to undefined.
    for (const k of Object.keys(r) as (keyof AdCodeRecord)[]) if (r[k] === undefined) delete r[k];
    return r;
  });
}

/** A database exactly as the extension created it at `version` (the steps up to it, nothing newer). */
function openAt(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= version)) db.version(step.version).stores(step.stores);
  return db;
}

/** Index specs of a store ("++id, &code, [a+b], *tags") → key paths, with their flavour. */
function indexesOf(spec: string) {
  return spec
    .split(',')
    .map((s) => s.trim())
    .slice(1)
    .map((s) => ({ name: s.replace(/^[&*]/, ''), multi: s.startsWith('*'), unique: s.startsWith('&') }));
}

/** What an index over `records` must contain, computed without IndexedDB. */
function expectedKeys(records: AdCodeRecord[], index: { name: string; multi: boolean }): number {
  const valid = (v: unknown) => typeof v === 'number' || typeof v === 'string';
  let n = 0;
  for (const r of records) {
    const row = r as unknown as Record<string, unknown>;
    if (index.name.startsWith('[')) {
      const parts = index.name.slice(1, -1).split('+');
      if (parts.every((p) => valid(row[p]))) n++;
    } else if (index.multi) {
      n += new Set(((row[index.name] as unknown[]) ?? []).filter(valid)).size;
    } else if (valid(row[index.name])) n++;
  }
  return n;
}

describe('schema migrations', () => {
  const steps = SCHEMA_VERSIONS.slice(1).map((to, i) => ({ from: SCHEMA_VERSIONS[i].version, to: to.version }));

  it('has a step to test (versions are listed oldest first, one per release)', () => {
    expect(SCHEMA_VERSIONS[0].version).toBe(1);
    expect(steps.length).toBeGreaterThan(0);
    for (const { from, to } of steps) expect(to).toBeGreaterThan(from);
  });

  for (const { from, to } of steps) {
    it(`v${from} → v${to}: keeps every record exactly, and every v${to} index covers them`, async () => {
      const name = `migrate-${from}-${to}-${Math.random()}`;
      const vault = realisticVault();
      const old = openAt(name, from);
      await old.table('codes').bulkAdd(vault);
      const stored = await old.table('codes').orderBy('id').toArray();
      old.close();

      const upgraded = openAt(name, to);
      await upgraded.open();
      expect(upgraded.verno).toBe(to);
      const after = await upgraded.table('codes').orderBy('id').toArray();
      expect(after).toEqual(stored);

      const spec = SCHEMA_VERSIONS.find((s) => s.version === to)!.stores.codes;
      for (const index of indexesOf(spec)) {
        const keys = await upgraded.table('codes').orderBy(index.name).keys();
        expect(keys.length, `index ${index.name}`).toBe(expectedKeys(after, index));
      }
      upgraded.close();
    });
  }

  it(`v1 → v${LATEST} in one go: the app's own queries see the old vault`, async () => {
    const name = `migrate-all-${Math.random()}`;
    const vault = realisticVault();
    const v1 = openAt(name, 1);
    await v1.table('codes').bulkAdd(vault);
    v1.close();

    const db = openCodesDb(name);
    expect(await db.codes.count()).toBe(vault.length);
    const live = vault.filter((r) => r.archived === 0);
    expect(await countExpiringSoon(db, NOW, 3)).toBe(live.filter((r) => r.expiresAt > NOW && r.expiresAt <= NOW + 3 * DAY).length);
    expect((await listUsable(db, NOW)).map((r) => r.code)).toEqual(
      live.filter((r) => r.expiresAt > NOW).sort((a, b) => a.expiresAt - b.expiresAt).map((r) => r.code),
    );
    expect((await db.codes.where('code').equals(makeCode(43)).first())?.notes).toBe('Kampagne „Sommer“ 42 — 春のキャンペーン 🎬\nsecond line');
    // The unique code index still refuses a duplicate after the upgrade.
    await expect(db.codes.add({ ...vault[0] })).rejects.toThrow();
    if (LATEST >= 2) expect(await db.codes.where('tags').equals('Q4').count()).toBe(vault.filter((r) => r.tags.includes('Q4')).length);
    db.close();
  });

  it('v4 → v5: every record says how its expiry was worked out, derived from the old flags', async () => {
    const name = `migrate-source-${Math.random()}`;
    const vault = realisticVault();
    const v4 = openAt(name, 4);
    await v4.table('codes').bulkAdd(vault);
    v4.close();

    const db = openCodesDb(name);
    const after = await db.codes.orderBy('id').toArray();
    const expected = vault.map((r) =>
      r.periodAssumed ? 'assumed' : r.verified?.authEnd === r.expiresAt ? 'tiktok' : r.expiryEdited ? 'user' : r.verified?.authEnd !== undefined ? 'tiktok' : 'stated',
    );
    expect(after.map((r) => r.expirySource)).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(['assumed', 'tiktok', 'user', 'stated']));
    // Whether an old date was only the capture time was never stored: not guessed.
    expect(after.some((r) => 'receivedAtUnknown' in r)).toBe(false);
    // Nothing else changed.
    expect(after.map(({ expirySource: _s, ...r }) => r)).toEqual(vault.map((r, i) => ({ ...r, id: i + 1 })));
    db.close();
  });
  it('v5 → v6: the team sheet tables start empty, and every old record is queued when a sheet is connected', async () => {
    const name = `migrate-team-${Math.random()}`;
    const vault = realisticVault();
    const v5 = openAt(name, 5);
    await v5.table('codes').bulkAdd(vault);
    v5.close();

    const db = openCodesDb(name);
    expect(await db.codes.count()).toBe(vault.length);
    expect([await db.teamOutbox.count(), await db.teamReplica.count(), await db.teamState.count()]).toEqual([0, 0, 0]);
    expect(await recordTeamChanges(db, { all: true, now: NOW })).toBe(vault.length);
    expect((await db.teamOutbox.orderBy('seq').first())?.fields).toContain('notes');
    db.close();
  });
});
