// A teammate typing over cells of rows the extension wrote (notes, usage, expiry), seen by the round's full
// check and carried to the other vault; two vaults meet through the loopback mock sheet (tests/e2e/sheets-mock.mjs).
import { beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { editCode, saveCaptures, setUsage } from '@/utils/vault/commands';
import { loadPopupView } from '@/utils/vault/queries';
import { createSheetsClient } from '@/utils/team-sheet/sheets-api';
import { syncRound } from '@/utils/team-sheet/round';
import { col } from '@/utils/team-sheet/row';
import { fullCheckDue, FULL_CHECK_EVERY_MS, FULL_CHECK_ON_OPENING_MS, HAND_EDITOR } from '@/utils/team-sheet/hand-edits';
import { createSheetsMock, type SheetsMock } from '../e2e/sheets-mock.mjs';
import { makeCode, NOW } from './dashboard-fixtures';

let mock: SheetsMock;
let sheetId: string;
let seq = 0;

function profile(token: string, me: string) {
  const db = openCodesDb(`hand-${++seq}-${me}`);
  const client = createSheetsClient({ token: async () => token, fetch: mock.fetch });
  let clock = NOW;
  return {
    db,
    tick: () => (clock += 1000),
    /** An incremental round (no full check) unless asked. */
    sync: (fullCheck = false) => syncRound(db, client, sheetId, { me, now: (clock += 1000), zone: 'UTC', fullCheck }),
    byCode: async (code: string) => (await db.codes.where('code').equals(code).first())!,
  };
}
const save = (db: CodesDb, code: string, now: number, notes = '') =>
  saveCaptures(
    db,
    [
      {
        code,
        periodDays: 30,
        sentAt: NOW - 86_400_000,
        notes,
        source: {
          kind: 'gmail',
          senderName: 'Ana',
          senderEmail: 'ana@brand.com',
          subject: 'Your code',
          url: 'https://mail.google.com/mail/u/0/#inbox/1',
        },
      },
    ],
    now,
  );
const cell = (row: number, name: Parameters<typeof col>[0]) => mock.rows(sheetId)[row - 1][col(name)];

/** A and B share three codes (row 2, 3, 4), all synced both ways. */
async function shared() {
  const a = profile('tok-a', 'ana@team.com');
  const b = profile('tok-b', 'bea@team.com');
  for (let i = 0; i < 3; i++) await save(a.db, makeCode(10 + i), a.tick(), i ? '' : 'from Ana');
  await editCode(a.db, (await a.byCode(makeCode(11))).id!, { tags: ['Q4', 'beauty'], creatorHandle: '@glow.daily' }, a.tick());
  await setUsage(a.db, (await a.byCode(makeCode(12))).id!, true, a.tick(), { advertiserId: '7001' });
  await a.sync();
  await b.sync();
  return { a, b };
}

beforeEach(async () => {
  mock = createSheetsMock({ tokens: ['tok-a', 'tok-b'] });
  sheetId = await createSheetsClient({ token: async () => 'tok-a', fetch: mock.fetch }).create('Team codes');
});

describe('hand edits to rows the extension wrote', () => {
  it('a note typed over by hand reaches the other vault and its popup; the row is stamped so others read it incrementally', async () => {
    const { a, b } = await shared();
    const code = makeCode(10);
    const before = cell(2, 'updated_at');
    mock.typeCell(sheetId, 2, col('notes'), 'Cy: creator wants the code back by Friday');
    // An incremental round cannot see it: the row's updated_at did not move.
    expect((await b.sync()).rowsRead).toBe(0);
    expect((await b.byCode(code)).notes).toBe('from Ana');

    const check = await b.sync(true);
    expect(check).toMatchObject({ fullCheck: true, handEdits: 1, rowsRead: 3 });
    expect((await b.byCode(code)).notes).toBe('Cy: creator wants the code back by Friday');
    expect(check.changes).toEqual([expect.objectContaining({ code, by: HAND_EDITOR, fields: ['notes'] })]);
    const view = await loadPopupView(b.db, NOW, 3, '', { usable: 30, expired: 10 });
    expect(view.usable.find((r) => r.code === code)?.notes).toBe('Cy: creator wants the code back by Friday');
    expect(cell(2, 'updated_at')).not.toBe(before);
    expect(cell(2, 'updated_by')).toBe(HAND_EDITOR);
    expect(cell(2, 'notes')).toBe('Cy: creator wants the code back by Friday');

    const inA = await a.sync();
    expect(inA.rowsRead).toBe(1);
    expect((await a.byCode(code)).notes).toBe('Cy: creator wants the code back by Friday');
    // Nothing was typed since: a full check finds nothing and writes nothing, in either vault.
    for (const p of [a, b]) expect(await p.sync(true)).toMatchObject({ handEdits: 0, rowsWritten: 0, problems: 0 });
  });

  it('kept-both notes are settled by typing the notes over by hand: both vaults stop asking', async () => {
    const { a, b } = await shared();
    const code = makeCode(10);
    await editCode(a.db, (await a.byCode(code)).id!, { notes: 'Ana: Q4' }, a.tick());
    await editCode(b.db, (await b.byCode(code)).id!, { notes: 'Bea: wait' }, b.tick());
    await a.sync();
    await b.sync();
    await a.sync();
    expect(cell(2, 'problems')).toMatch(/^Both kept/);
    mock.typeCell(sheetId, 2, col('notes'), 'Q4, agreed with the creator');
    await a.sync(true);
    await b.sync();
    for (const p of [a, b]) {
      expect((await p.byCode(code)).notes).toBe('Q4, agreed with the creator');
      expect((await p.db.teamReplica.get(code))?.conflicts).toBeUndefined();
    }
    expect(cell(2, 'problems') ?? '').toBe('');
  });

  it('usage and expiry typed by hand: the code is used and its expiry moves in the other vault', async () => {
    const { a, b } = await shared();
    mock.typeCell(sheetId, 3, col('usage'), 'Used');
    // A date without a time is the end of that day (as everywhere a date is typed).
    mock.typeCell(sheetId, 3, col('expires_at'), '2027-01-15');
    mock.typeCell(sheetId, 4, col('usage'), 'unused');
    const check = await a.sync(true);
    expect(check.handEdits).toBe(2);
    expect(await a.byCode(makeCode(11))).toMatchObject({ status: 'used', expiresAt: Date.UTC(2027, 0, 15, 23, 59) });
    expect(await a.byCode(makeCode(12))).toMatchObject({ status: 'unused', uses: [] });
    await b.sync();
    expect(await b.byCode(makeCode(11))).toMatchObject({
      status: 'used',
      expiresAt: Date.UTC(2027, 0, 15, 23, 59),
      tags: ['Q4', 'beauty'],
    });
    expect((await b.byCode(makeCode(12))).status).toBe('unused');
  });

  it('a value typed by hand that does not read gets a problems note and loses nothing', async () => {
    const { a, b } = await shared();
    const code = makeCode(10);
    const expiresAt = (await b.byCode(code)).expiresAt;
    mock.typeCell(sheetId, 2, col('expires_at'), 'sometime next spring');
    // Meanwhile A changes the same code: its push must not overwrite what was typed.
    await editCode(a.db, (await a.byCode(code)).id!, { notes: 'Ana again' }, a.tick());
    const roundA = await a.sync();
    expect(roundA.problems).toBe(1);
    expect(cell(2, 'problems')).toMatch(/^Not imported: expiry /);
    expect(cell(2, 'expires_at')).toBe('sometime next spring');
    expect(await a.db.teamOutbox.count()).toBe(1);
    // Options can say why the change waits, and where: row 2, the expiry cell. A quiet round still knows.
    expect(roundA.held).toEqual([{ code, row: 2, column: 'expires_at' }]);
    expect((await a.sync()).held).toEqual([{ code, row: 2, column: 'expires_at' }]);
    await b.sync(true);
    expect(await b.byCode(code)).toMatchObject({ expiresAt, notes: 'from Ana' });

    // The teammate fixes the cell: it is read, A's queued note goes out with it, and the note is cleared.
    mock.typeCell(sheetId, 2, col('expires_at'), '2027-02-01');
    expect((await a.sync(true)).held).toEqual([]);
    expect(await a.db.teamOutbox.count()).toBe(0);
    expect(cell(2, 'problems') ?? '').toBe('');
    await b.sync();
    expect(await b.byCode(code)).toMatchObject({ expiresAt: Date.UTC(2027, 1, 1, 23, 59), notes: 'Ana again' });
  });

  it('a local change pushed before any full check keeps the cell a teammate typed in the same row', async () => {
    const { a, b } = await shared();
    const code = makeCode(11);
    mock.typeCell(sheetId, 3, col('notes'), 'typed in the sheet');
    await editCode(a.db, (await a.byCode(code)).id!, { tags: ['Q4', 'beauty', 'renewal'] }, a.tick());
    await a.sync();
    expect(cell(3, 'notes')).toBe('typed in the sheet');
    expect(cell(3, 'tags')).toBe('Q4; beauty; renewal');
    await b.sync();
    expect(await b.byCode(code)).toMatchObject({ notes: 'typed in the sheet', tags: ['Q4', 'beauty', 'renewal'] });
  });
});

describe('when a round reads every row', () => {
  it('every 15 minutes on the alarm, every 3 when a page opens, always on "Sync now" or with no check yet', () => {
    const t = NOW;
    expect(fullCheckDue(undefined, t)).toBe(true);
    expect(fullCheckDue(t, t + 60_000, 'alarm')).toBe(false);
    expect(fullCheckDue(t, t + FULL_CHECK_EVERY_MS, 'alarm')).toBe(true);
    expect(fullCheckDue(t, t + FULL_CHECK_ON_OPENING_MS - 1, 'opening')).toBe(false);
    expect(fullCheckDue(t, t + FULL_CHECK_ON_OPENING_MS, 'opening')).toBe(true);
    expect(fullCheckDue(t, t + FULL_CHECK_ON_OPENING_MS, 'change')).toBe(false);
    expect(fullCheckDue(t, t + 1, 'manual')).toBe(true);
  });
});
