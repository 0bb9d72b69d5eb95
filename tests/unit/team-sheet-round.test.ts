// Two vaults (two teammates' browsers) meeting through one mock Google Sheet: the outbox, the incremental
// pull, the merge and the faults, end to end without a browser. The mock is tests/e2e/sheets-mock.mjs.
import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { deleteCodes, editCode, saveCaptures, setUsage } from '@/utils/vault/commands';
import { recordTeamChanges } from '@/utils/vault/team-commands';
import { createSheetsClient, SheetsError, TAB } from '@/utils/team-sheet/sheets-api';
import { syncRound } from '@/utils/team-sheet/round';
import { col, SHEET_COLUMNS, type SheetColumn } from '@/utils/team-sheet/row';
import { NOTES_CONFLICT } from '@/utils/team-sheet/merge';
import { createSheetsMock, type SheetsMock } from '../e2e/sheets-mock.mjs';
import { makeCode, NOW } from './dashboard-fixtures';

let mock: SheetsMock;
let sheetId: string;
let seq = 0;

function profile(token: string, me: string) {
  const db = openCodesDb(`team-${++seq}-${me}`);
  const client = createSheetsClient({ token: async () => token, fetch: mock.fetch });
  let clock = NOW;
  return {
    db,
    me,
    tick: () => (clock += 1000),
    sync: () => syncRound(db, client, sheetId, { me, now: (clock += 1000), zone: 'UTC' }),
    byCode: async (code: string) => (await db.codes.where('code').equals(code).first())!,
  };
}
const save = (db: CodesDb, code: string, now: number, notes = '') =>
  saveCaptures(db, [{ code, periodDays: 30, sentAt: NOW - 86_400_000, notes, source: { kind: 'gmail', senderName: 'Ana' } }], now);

beforeEach(async () => {
  mock = createSheetsMock({ tokens: ['tok-a', 'tok-b'] });
  const client = createSheetsClient({ token: async () => 'tok-a', fetch: mock.fetch });
  sheetId = await client.create('Team codes');
});

describe('team sheet sync between two vaults', () => {
  it('a code saved in A reaches B; B marks it used and A sees it used; nothing echoes back', async () => {
    const a = profile('tok-a', 'ana@team.com');
    const b = profile('tok-b', 'bea@team.com');
    const code = makeCode(1);
    await save(a.db, code, a.tick());
    await a.sync();
    expect(mock.rows(sheetId)[1][col('code')]).toBe(code);
    expect(mock.rows(sheetId)[0]).toEqual([...SHEET_COLUMNS]);
    await b.sync();
    const inB = await b.byCode(code);
    expect(inB).toMatchObject({ code, periodDays: 30, status: 'unused', source: { kind: 'gmail', senderName: 'Ana' } });

    await setUsage(b.db, inB.id!, true, b.tick(), { advertiserId: '7001' });
    await b.sync();
    expect(mock.rows(sheetId)[1][col('usage')]).toBe('used');
    const report = await a.sync();
    expect(await a.byCode(code)).toMatchObject({ status: 'used', uses: [{ advertiserId: '7001' }] });
    expect(report.changes).toEqual([expect.objectContaining({ code, by: 'bea@team.com', fields: ['uses'] })]);
    // The change A applied is not queued back: its next round writes nothing.
    expect(await a.db.teamOutbox.count()).toBe(0);
    expect((await a.sync()).rowsWritten).toBe(0);
    expect(mock.rows(sheetId).filter((r) => r.some(Boolean))).toHaveLength(2);
  });

  it('both edit the notes offline: both notes are kept and the code asks', async () => {
    const a = profile('tok-a', 'ana@team.com');
    const b = profile('tok-b', 'bea@team.com');
    const code = makeCode(2);
    await save(a.db, code, a.tick());
    await a.sync();
    await b.sync();
    await editCode(a.db, (await a.byCode(code)).id!, { notes: 'Ana: for the Q4 launch' }, a.tick());
    await editCode(b.db, (await b.byCode(code)).id!, { notes: 'Bea: creator asked to wait' }, b.tick());
    await a.sync();
    await b.sync();
    await a.sync();
    for (const p of [a, b]) {
      const notes = (await p.byCode(code)).notes;
      expect(notes).toContain('Ana: for the Q4 launch');
      expect(notes).toContain('Bea: creator asked to wait');
      expect(notes).toContain(NOTES_CONFLICT.trim());
      expect((await p.db.teamReplica.get(code))?.conflicts).toEqual(['notes']);
    }
    expect(mock.rows(sheetId)[1][col('problems')]).toMatch(/Both kept/);
  });

  it('a hand-typed row is imported by both; a malformed one is flagged and never imported', async () => {
    const a = profile('tok-a', 'ana@team.com');
    const b = profile('tok-b', 'bea@team.com');
    await a.sync();
    const cells = (c: Partial<Record<SheetColumn, string>>) => SHEET_COLUMNS.map((k) => c[k] ?? '');
    mock.typeRow(sheetId, cells({ code: makeCode(3), tiktok_handle: 'newcreator', period_days: '60 days', received_at: '2026-11-01', notes: 'typed by Cy' }));
    mock.typeRow(sheetId, cells({ code: 'ABC not a code', notes: 'oops' }));
    await a.sync();
    await b.sync();
    for (const p of [a, b]) {
      expect(await p.byCode(makeCode(3))).toMatchObject({ creatorHandle: '@newcreator', periodDays: 60, notes: 'typed by Cy' });
      expect(await p.db.codes.count()).toBe(1);
    }
    const rows = mock.rows(sheetId);
    expect(rows[1][col('record_id')]).toBe(makeCode(3));
    expect(rows[2][col('code')]).toBe('ABC not a code');
    expect(rows[2][col('problems')]).toMatch(/^Not imported: .*not an ad code/);
  });

  it('reads incrementally: a quiet round reads only the id and updated_at columns', async () => {
    const a = profile('tok-a', 'ana@team.com');
    for (let i = 0; i < 50; i++) await save(a.db, makeCode(100 + i), a.tick());
    await a.sync();
    mock.log.length = 0;
    const quiet = await a.sync();
    expect(quiet.rowsRead).toBe(0);
    const gets = mock.log.filter((l) => l.method === 'GET').map((l) => l.query);
    expect(gets[0]).toContain(`${TAB}!Q2:R`);
    expect(gets[1]).toMatch(/ranges=Codes!A52:V&/);
  });

  it('a delete travels as a tombstone and is not resurrected by the other side', async () => {
    const a = profile('tok-a', 'ana@team.com');
    const b = profile('tok-b', 'bea@team.com');
    await save(a.db, makeCode(4), a.tick());
    await a.sync();
    await b.sync();
    await deleteCodes(a.db, [(await a.byCode(makeCode(4))).id!], a.tick());
    await recordTeamChanges(a.db, { all: true, now: a.tick() });
    await a.sync();
    expect(mock.rows(sheetId)[1][col('deleted')]).toBe('yes');
    await b.sync();
    expect(await b.db.codes.count()).toBe(0);
  });

  it('faults: 429 and 401 keep the queue; a deleted sheet says so', async () => {
    const a = profile('tok-a', 'ana@team.com');
    await save(a.db, makeCode(5), a.tick());
    mock.failNext(429);
    await expect(a.sync()).rejects.toMatchObject({ kind: 'retry', status: 429 });
    expect(await a.db.teamOutbox.count()).toBe(1);
    mock.revoke('tok-a');
    await expect(a.sync()).rejects.toMatchObject({ kind: 'auth' });
    expect(await a.db.teamOutbox.count()).toBe(1);
    mock.allow('tok-a');
    await a.sync();
    expect(await a.db.teamOutbox.count()).toBe(0);
    mock.books.get(sheetId)!.deleted = true;
    const gone = await a.sync().catch((e: SheetsError) => e);
    expect(gone).toMatchObject({ kind: 'gone', status: 404 });
    expect((gone as SheetsError).message).toMatch(/deleted or is no longer shared/);
  });
});
