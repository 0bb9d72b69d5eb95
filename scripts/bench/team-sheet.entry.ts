/**
 * Runs in a Chromium page (real IndexedDB): a team sheet of `count` codes in the loopback Sheets mock
 * (tests/e2e/sheets-mock.mjs, answering through fetch), pulled into an empty vault: the first pull, then a
 * quiet incremental round, one after a teammate changed 10 rows (only those rows are read), and the periodic
 * full check that finds cells typed over by hand (every row read, only the edited ones merged and written).
 */
import { openCodesDb } from '@/utils/vault/db';
import { syncRound } from '@/utils/team-sheet/round';
import { createSheetsClient } from '@/utils/team-sheet/sheets-api';
import { rowOf, SHEET_COLUMNS, col } from '@/utils/team-sheet/row';
import { createSheetsMock } from '@/tests/e2e/sheets-mock.mjs';
import { adCode, random } from './random-codes';
import { normalizeAdCode } from '@/utils/extract';

const DAY = 86_400_000;

export async function run(count: number) {
  const now = Date.now();
  const rand = random(7);
  const mock = createSheetsMock({ tokens: ['bench-token'] });
  const rows = [[...SHEET_COLUMNS]];
  const codes = new Set<string>();
  for (let i = 0; codes.size < count; i++) {
    const receivedAt = now - Math.floor(rand() * 300) * DAY;
    const periodDays = [7, 30, 60, 365][i % 4];
    const code = normalizeAdCode(adCode(rand));
    // One row per code, as the extension writes them (a repeated code would be a problem row, read every round).
    if (!code || codes.has(code)) continue;
    codes.add(code);
    const values = {
      code,
      creatorHandle: `@creator.${i % 500}`,
      periodDays,
      receivedAt,
      expiresAt: receivedAt + periodDays * DAY,
      archived: 0 as const,
      notes: i % 5 ? '' : `Campaign ${i % 40}`,
      tags: i % 3 ? [] : ['Q4'],
      uses: i % 4 ? [] : [{ at: receivedAt + DAY, advertiserId: '7001' }],
      senderName: `Creator ${i}`,
      sourceKind: 'gmail' as const,
      deleted: false,
    };
    rows.push(rowOf(values, { updatedAt: now - DAY, updatedBy: 'teammate@agency.com', fieldAt: { notes: now - DAY } }));
  }
  mock.addBook('benchSheet000000000000000001', 'Bench', rows);
  const db = openCodesDb(`bench-team-${now}`);
  const client = createSheetsClient({ token: async () => 'bench-token', fetch: mock.fetch });
  const round = async (at: number, fullCheck?: boolean) => {
    const t = performance.now();
    const report = await syncRound(db, client, 'benchSheet000000000000000001', { me: 'me@agency.com', now: at, zone: 'UTC', fullCheck });
    return { ms: performance.now() - t, report };
  };
  const first = await round(now);
  const stored = await db.codes.count();
  const quiet = await round(now + 60_000);
  // A teammate changes 10 rows (new notes and updated_at), as their extension would.
  const sheet = mock.rows('benchSheet000000000000000001');
  for (let k = 1; k <= 10; k++) {
    const r = sheet[k * 97];
    r[col('notes')] = `changed by a teammate ${k}`;
    r[col('updated_at')] = String(now + 90_000);
    r[col('field_at')] = JSON.stringify({ notes: now + 90_000 });
  }
  const changed = await round(now + 120_000);
  // Someone types over 5 notes cells by hand (updated_at stays): only the periodic full check can see them.
  for (let k = 1; k <= 5; k++) sheet[k * 131][col('notes')] = `typed by hand ${k}`;
  const full = await round(now + 180_000, true);
  return {
    first: { ms: first.ms, rowsRead: first.report.rowsRead, imported: first.report.imported, requests: first.report.requests, stored },
    quiet: { ms: quiet.ms, rowsRead: quiet.report.rowsRead, requests: quiet.report.requests },
    changed: {
      ms: changed.ms,
      rowsRead: changed.report.rowsRead,
      requests: changed.report.requests,
      changes: changed.report.changes.length,
    },
    full: {
      ms: full.ms,
      rowsRead: full.report.rowsRead,
      requests: full.report.requests,
      handEdits: full.report.handEdits,
      written: full.report.rowsWritten,
    },
  };
}
