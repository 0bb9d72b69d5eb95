// Kept-both notes, asked and settled: who wrote each version (in both browsers), and the named vault command
// that settles them so the choice reaches the sheet and every teammate like any edit. The mock is
// tests/e2e/sheets-mock.mjs (the Sheets API's values/spreadsheets calls, in memory).
import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { editCode, saveCaptures } from '@/utils/vault/commands';
import { settleTeamConflict, teamConflicts } from '@/utils/vault/team-commands';
import { createSheetsClient } from '@/utils/team-sheet/sheets-api';
import { syncRound } from '@/utils/team-sheet/round';
import { col } from '@/utils/team-sheet/row';
import { keepBothNotes, notesAsking } from '@/utils/team-sheet/asking';
import type { Replica } from '@/utils/team-sheet/merge';
import { createSheetsMock, type SheetsMock } from '../e2e/sheets-mock.mjs';
import { makeCode, NOW } from './dashboard-fixtures';

let mock: SheetsMock;
let sheetId: string;
let seq = 0;

function profile(token: string, me: string) {
  const db = openCodesDb(`asking-${++seq}-${me}`);
  const client = createSheetsClient({ token: async () => token, fetch: mock.fetch });
  return {
    db,
    sync: (now: number) => syncRound(db, client, sheetId, { me, now, zone: 'UTC' }),
    byCode: async (code: string) => (await db.codes.where('code').equals(code).first())!,
  };
}
const save = (db: CodesDb, code: string, now: number) =>
  saveCaptures(db, [{ code, periodDays: 30, sentAt: NOW - 86_400_000, source: { kind: 'gmail', senderName: 'Ana' } }], now);

const ANA = 'Ana: booked for the Q4 launch';
const BEA = 'Bea: creator asked to wait a week';
const T = (s: number) => NOW + s * 1000;

/** Ana and Bea both change the notes offline; Ana's browser syncs first, then Bea's, then Ana's again. */
async function bothEditOffline(code: string) {
  const a = profile('tok-a', 'ana@team.com');
  const b = profile('tok-b', 'bea@team.com');
  await save(a.db, code, T(1));
  await a.sync(T(2));
  await b.sync(T(3));
  await editCode(a.db, (await a.byCode(code)).id!, { notes: ANA }, T(10));
  await editCode(b.db, (await b.byCode(code)).id!, { notes: BEA }, T(11));
  await a.sync(T(20));
  await b.sync(T(21));
  await a.sync(T(22));
  return { a, b };
}

beforeEach(async () => {
  mock = createSheetsMock({ tokens: ['tok-a', 'tok-b'] });
  sheetId = await createSheetsClient({ token: async () => 'tok-a', fetch: mock.fetch }).create('Team codes');
});

describe('kept-both notes between two browsers', () => {
  it('both browsers list the code with both versions, who wrote each and when', async () => {
    const code = makeCode(1);
    const { a, b } = await bothEditOffline(code);
    const expected = [
      {
        code,
        sides: [
          { value: ANA, by: 'ana@team.com', at: T(10) },
          { value: BEA, by: 'bea@team.com', at: T(11) },
        ],
      },
    ];
    expect(await teamConflicts(b.db)).toMatchObject(expected);
    expect(await teamConflicts(a.db)).toMatchObject(expected);
    // A later round that changes nothing keeps who wrote what.
    await a.sync(T(30));
    expect(await teamConflicts(a.db)).toMatchObject(expected);
  });

  it('"Keep theirs" in one browser: the sheet and the other browser get that version and nobody is asked any more', async () => {
    const code = makeCode(2);
    const { a, b } = await bothEditOffline(code);
    const sides = (await teamConflicts(a.db))[0].sides;
    const theirs = sides.findIndex((s) => s.by === 'bea@team.com');
    await settleTeamConflict(a.db, code, theirs, T(40));
    // Settled here at once (the replica keeps its flag only until the push).
    expect(await teamConflicts(a.db)).toEqual([]);
    await a.sync(T(41));
    expect(mock.rows(sheetId)[1][col('notes')]).toBe(BEA);
    expect(mock.rows(sheetId)[1][col('problems')]).toBe('');
    await b.sync(T(42));
    for (const p of [a, b]) {
      expect((await p.byCode(code)).notes).toBe(BEA);
      expect(await teamConflicts(p.db)).toEqual([]);
      expect(await p.db.teamOutbox.count()).toBe(0);
    }
  });

  it('"Keep both" joins the two versions plainly, without the ⟂ that asks', async () => {
    const code = makeCode(3);
    const { a, b } = await bothEditOffline(code);
    await settleTeamConflict(b.db, code, 'both', T(40));
    await b.sync(T(41));
    await a.sync(T(42));
    for (const p of [a, b]) {
      expect((await p.byCode(code)).notes).toBe(`${ANA}\n${BEA}`);
      expect(await teamConflicts(p.db)).toEqual([]);
    }
    expect(mock.rows(sheetId)[1][col('problems')]).toBe('');
  });

  it('a conflict already settled (or edited by hand since) is refused, and nothing is written', async () => {
    const code = makeCode(4);
    const { a } = await bothEditOffline(code);
    await editCode(a.db, (await a.byCode(code)).id!, { notes: 'Ana: rewrote it by hand' }, T(40));
    expect(await teamConflicts(a.db)).toEqual([]);
    await expect(settleTeamConflict(a.db, code, 0, T(41))).rejects.toThrow(/Nothing to settle/);
    expect((await a.byCode(code)).notes).toBe('Ana: rewrote it by hand');
    await expect(settleTeamConflict(a.db, makeCode(5), 'both', T(41))).rejects.toThrow(/Nothing to settle/);
  });
});

describe('notesAsking', () => {
  const side = (notes: string, by: string, at: number): Replica => ({ values: { notes } as Replica['values'], fieldAt: { notes: at }, by });
  const joined = `${ANA} ⟂ ${BEA}`;

  it('names both authors when this merge joined the two notes, in either order of the sides', () => {
    const sides = [side(BEA, 'bea', 2), side(ANA, 'ana', 1)];
    const want = [
      { value: ANA, by: 'ana', at: 1 },
      { value: BEA, by: 'bea', at: 2 },
    ];
    expect(notesAsking(joined, sides)?.sides).toEqual(want);
    expect(notesAsking(joined, [...sides].reverse())?.sides).toEqual(want);
  });

  it('names the other author from the joined row, unless that row names this side’s own author', () => {
    expect(notesAsking(joined, [side(BEA, 'bea', 2), side(joined, 'ana', 2)])?.sides).toEqual([
      { value: ANA, by: 'ana', at: 2 },
      { value: BEA, by: 'bea', at: 2 },
    ]);
    expect(notesAsking(joined, [side(ANA, 'ana', 1), side(joined, 'ana', 2)])?.sides).toEqual([
      { value: ANA, by: 'ana', at: 1 },
      { value: BEA, by: '', at: 0 },
    ]);
  });

  it('without any side that wrote a part, gives the two parts unattributed; what an earlier round knew wins', () => {
    expect(notesAsking(joined, [])?.sides.map((s) => [s.value, s.by])).toEqual([
      [ANA, ''],
      [BEA, ''],
    ]);
    const known = {
      joined,
      sides: [
        { value: ANA, by: 'ana', at: 1 },
        { value: BEA, by: 'bea', at: 2 },
      ],
    };
    expect(notesAsking(joined, [], known)).toBe(known);
    expect(notesAsking('plain notes', [], known)).toBeUndefined();
  });

  it('keeping both drops empty versions and never leaves a ⟂', () => {
    expect(
      keepBothNotes([
        { value: ' A ', by: '', at: 0 },
        { value: '', by: '', at: 0 },
      ]),
    ).toBe('A');
    expect(
      keepBothNotes([
        { value: 'A', by: '', at: 0 },
        { value: 'B', by: '', at: 0 },
      ]),
    ).not.toContain('⟂');
  });
});
