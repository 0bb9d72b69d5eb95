// The background's team-sheet status (entrypoints/background/team-sync.ts), as Options reads it: a local change
// held back because a teammate typed an unreadable value in its row says which row and cell, until it is fixed.
// Google is never contacted: the Sheets API is the in-memory mock of tests/e2e/sheets-mock.mjs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamSheetStatus } from '@/utils/team-sheet/settings';
import { col } from '@/utils/team-sheet/row';
import { openCodesDb } from '@/utils/vault/db';
import { editCode, saveCaptures } from '@/utils/vault/commands';
import type { Handlers } from '@/entrypoints/background/router';
import { createSheetsMock, type SheetsMock } from '../e2e/sheets-mock.mjs';
import { makeCode } from './dashboard-fixtures';

const handlers = vi.hoisted(() => ({}) as Record<string, (data: unknown) => Promise<unknown>>);
vi.mock('@/entrypoints/background/router', () => ({ registerHandlers: (h: Handlers) => Object.assign(handlers, h) }));
const { setupTeamSync } = await import('@/entrypoints/background/team-sync');

const ask = (type: string, data: unknown = {}) => handlers[type](data) as Promise<TeamSheetStatus>;
let mock: SheetsMock;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  mock = createSheetsMock({ tokens: ['tok-ana'] });
  vi.stubGlobal('fetch', mock.fetch);
});
afterEach(async () => {
  // Disconnected, a round a command scheduled a moment ago does nothing (and reaches no network).
  await ask('teamSheetDisconnect');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a change held back by an unreadable row', () => {
  it('the status names the row and the cell while the change waits, and drops it once the cell is fixed', async () => {
    const db = openCodesDb('team-sync-status');
    const code = makeCode(21);
    await saveCaptures(db, [{ code, periodDays: 30, sentAt: Date.now() - 86_400_000, source: { kind: 'gmail' } }], Date.now());
    setupTeamSync(db, () => {});
    const connected = await ask('teamSheetConnect', { sheet: '', me: 'ana@team.com', accessToken: 'tok-ana' });
    expect(connected).toMatchObject({ state: 'ok', pending: 0 });
    expect(connected.held ?? []).toEqual([]);
    const sheet = connected.spreadsheetId!;
    expect(mock.rows(sheet)[1][col('code')]).toBe(code);

    mock.typeCell(sheet, 2, col('expires_at'), 'sometime next spring');
    await editCode(db, (await db.codes.where('code').equals(code).first())!.id!, { notes: 'booked for Q4' }, Date.now());
    const waiting = await ask('teamSheetSync');
    expect(waiting).toMatchObject({ state: 'ok', pending: 1, held: [{ code, row: 2, column: 'expires_at' }] });
    // What Options reads when it opens later: the same, from storage.
    expect((await ask('teamSheetStatus')).held).toEqual([{ code, row: 2, column: 'expires_at' }]);

    mock.typeCell(sheet, 2, col('expires_at'), '2027-02-01');
    const fixed = await ask('teamSheetSync');
    expect(fixed).toMatchObject({ pending: 0, held: [] });
    expect(mock.rows(sheet)[1][col('notes')]).toBe('booked for Q4');
  });
});
