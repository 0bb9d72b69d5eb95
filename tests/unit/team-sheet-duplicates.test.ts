// A code typed twice in the team sheet (two rows, one code): folded into one when the rows agree, otherwise
// flagged with a note naming the row it duplicates and the cells that differ. Through the loopback mock sheet.
import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { createSheetsClient } from '@/utils/team-sheet/sheets-api';
import { syncRound } from '@/utils/team-sheet/round';
import { col, SHEET_COLUMNS, type SheetColumn } from '@/utils/team-sheet/row';
import { createSheetsMock, type SheetsMock } from '../e2e/sheets-mock.mjs';
import { makeCode, NOW } from './dashboard-fixtures';

let mock: SheetsMock;
let sheetId: string;
let seq = 0;

function profile(me: string) {
  const db = openCodesDb(`dup-${++seq}-${me}`);
  const client = createSheetsClient({ token: async () => 'tok-a', fetch: mock.fetch });
  let clock = NOW;
  return {
    db,
    sync: (fullCheck = false) => syncRound(db, client, sheetId, { me, now: (clock += 1000), zone: 'UTC', fullCheck }),
    byCode: async (code: string) => (await db.codes.where('code').equals(code).first())!,
  };
}
const cells = (c: Partial<Record<SheetColumn, string>>) => SHEET_COLUMNS.map((k) => c[k] ?? '');
const filled = () => mock.rows(sheetId).filter((r) => r.some(Boolean));

beforeEach(async () => {
  mock = createSheetsMock({ tokens: ['tok-a'] });
  sheetId = await createSheetsClient({ token: async () => 'tok-a', fetch: mock.fetch }).create('Team codes');
});

describe('a code typed twice in the sheet', () => {
  it('pasted twice with the same cells: one record, one row (the second row is folded in and cleared)', async () => {
    const a = profile('ana@team.com');
    const row = cells({
      code: makeCode(20),
      tiktok_handle: 'twice.pasted',
      period_days: '60',
      received_at: '2026-11-01',
      notes: 'from Cy',
    });
    mock.typeRow(sheetId, row);
    mock.typeRow(sheetId, row);
    await a.sync();
    expect(await a.db.codes.count()).toBe(1);
    expect(await a.byCode(makeCode(20))).toMatchObject({ creatorHandle: '@twice.pasted', periodDays: 60, notes: 'from Cy' });
    expect(filled()).toHaveLength(2);
    expect(filled()[1][col('record_id')]).toBe(makeCode(20));
    // A later round finds nothing more to do.
    expect(await a.sync(true)).toMatchObject({ rowsWritten: 0, problems: 0 });
  });

  it('typed again under a row the extension wrote, saying less but nothing different: folded in', async () => {
    const a = profile('ana@team.com');
    await saveCaptures(
      a.db,
      [{ code: makeCode(21), periodDays: 30, sentAt: NOW - 86_400_000, notes: 'Q4', source: { kind: 'gmail' } }],
      NOW,
    );
    await a.sync();
    mock.typeRow(sheetId, cells({ code: makeCode(21), notes: 'Q4', period_days: '30 days' }));
    await a.sync();
    expect(filled()).toHaveLength(2);
    expect(await a.db.codes.count()).toBe(1);
  });

  it('typed again with a different note: not imported, and its problems cell names the row and the cell', async () => {
    const a = profile('ana@team.com');
    await saveCaptures(
      a.db,
      [{ code: makeCode(22), periodDays: 30, sentAt: NOW - 86_400_000, notes: 'Q4', source: { kind: 'gmail' } }],
      NOW,
    );
    await a.sync();
    mock.typeRow(sheetId, cells({ code: makeCode(22), notes: 'Q1 instead', usage: 'used' }));
    const report = await a.sync();
    expect(report.problems).toBe(1);
    const dup = mock.rows(sheetId)[2];
    expect(dup[col('notes')]).toBe('Q1 instead');
    expect(dup[col('problems')]).toBe(
      "Not imported: this code is already in row 2, and this row's notes, usage differ from it. Change them in row 2, then delete this row.",
    );
    expect(await a.byCode(makeCode(22))).toMatchObject({ notes: 'Q4', status: 'unused' });
    // Flagged once: the next round does not write the note again.
    expect((await a.sync()).problems).toBe(0);
  });
});
