import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdCodeRecord } from '@/utils/code-record';
import { previewImportFile, type ImportPreview } from '@/utils/import-preview';
import { NOW, record } from './dashboard-fixtures';

/** Five sheets laid out as teams keep them (tests/fixtures/sheets/README.md), each read as CSV and as pasted TSV. */

const sheet = (name: string) => readFileSync(`tests/fixtures/sheets/${name}`, 'utf8');
const fmtDate = (ts: number) => new Date(ts).toISOString().slice(0, 10);
const endOfDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 23, 59);
const DAY = 86_400_000;

function preview(name: string, locale: string, existing = new Map<string, AdCodeRecord>()): Extract<ImportPreview, { ok: true }> {
  const p = previewImportFile(name, sheet(name), existing, { zone: 'UTC', now: NOW, defaultPeriodDays: 30, locale, fmtDate });
  if (!p.ok) throw new Error(p.error);
  return p;
}

for (const ext of ['csv', 'tsv']) {
  describe(`agency tracker (${ext})`, () => {
    const p = preview(`agency.${ext}`, 'en-US');

    it('maps every column and names the one it ignores', () => {
      expect(p.sheet?.mapping).toEqual([
        'creator_name',
        'tiktok_handle',
        'post_url',
        'code',
        'period_days',
        'received_at',
        'usage',
        'ignore',
      ]);
      expect(p.sheet?.ignoredColumns).toEqual(['Account manager']);
    });

    it('reads names, handles, links, periods in words, US dates and statuses, field by field', () => {
      expect(p.rows.map((r) => r.outcome)).toEqual(['add', 'add', 'add', 'add', 'reject', 'reject']);
      const [leo, ana, mia, tom] = p.rows.map((r) => r.record!);
      expect(leo).toMatchObject({
        code: '#DBseR7YRQ7xraQJurWOYDFaMyEAxzxpmEuirl7rUpvPUaMo5bNzRZoWKWCNZ3kZa',
        creatorHandle: '@leo.lifts',
        postUrl: 'https://www.tiktok.com/@leo.lifts/video/7311111111111111111',
        periodDays: 60,
        periodAssumed: false,
        receivedAt: endOfDay(2026, 10, 1),
        // 60 days from the sheet's received date, not 30 days from today.
        expiresAt: endOfDay(2026, 11, 30),
        status: 'used',
        source: { kind: 'import', senderName: 'Leo Park' },
      });
      expect(ana).toMatchObject({
        creatorHandle: '@ana.cocina',
        periodDays: 365,
        receivedAt: endOfDay(2026, 11, 5),
        expiresAt: endOfDay(2027, 11, 5),
        status: 'unused',
      });
      expect(mia).toMatchObject({ creatorHandle: '@mia.runs', periodDays: 30, receivedAt: endOfDay(2026, 11, 5), status: 'used' });
      expect(mia.postUrl).toBeUndefined();
      expect(tom).toMatchObject({
        periodDays: 60,
        receivedAt: endOfDay(2026, 11, 5),
        expiresAt: endOfDay(2026, 11, 5) + 60 * DAY,
        status: 'unused',
      });
    });

    it('says every value it read other than literally, and why a row is refused', () => {
      expect(p.rows[0].notes).toEqual(['“60 days” read as 60 days', '“Live” read as used']);
      expect(p.rows[1].notes).toEqual([
        '“1 year” read as 365 days',
        'received date “11/05/2026” read as 2026-11-05 (month first)',
        '“New” read as unused',
      ]);
      expect(p.rows[3].notes).toContain('“Expired” read as expired: the expiry date says so, nothing is marked');
      expect(p.rows[4].detail).toBe('“not a code yet” is not an ad code');
      expect(p.rows[5].detail).toMatch(/^period “soon” is not a number of days/);
    });

    it('reads 11/05/2026 as 11 May outside the US', () => {
      expect(preview(`agency.${ext}`, 'en-GB').rows[1].record?.receivedAt).toBe(endOfDay(2026, 5, 11));
    });

    it('re-imported onto a saved code, replaces what the sheet says and keeps the rest', () => {
      const code = '#cBxfOFhrQ7xm84ZN8cSB8Ib7S6Cs1WTOUuwMfBZmW52tY6rU58qfX9CEsNPMDHDo';
      const saved = record({ id: 9, code, status: 'used', notes: 'keep me', updatedAt: NOW - DAY });
      const again = preview(`agency.${ext}`, 'en-US', new Map([[code, saved]]));
      const merged = again.rows[1];
      expect(merged.outcome).toBe('merge');
      // The sheet says "New" here, so the status follows the sheet; the saved sender stays, the creator's name joins the notes.
      expect(merged.record).toMatchObject({
        status: 'unused',
        notes: 'keep me\nCreator: Ana Souza',
        periodDays: 365,
        uses: saved.uses,
        tags: saved.tags,
      });
      expect(merged.record?.source.senderName).toBe(saved.source.senderName);
    });
  });

  describe(`German sheet (${ext})`, () => {
    const p = preview(`german.${ext}`, 'de');
    it('reads German headers, day-first dates, "30 Tage", "1 Jahr" and German statuses', () => {
      expect(p.sheet?.mapping).toEqual(['code', 'creator_name', 'tiktok_handle', 'period_days', 'received_at', 'usage', 'notes']);
      expect(p.sheet?.dateOrders.received_at).toEqual({ order: 'dmy', decidedBy: '13.10.2026' });
      const [lena, jonas, emma] = p.rows.map((r) => r.record!);
      expect(lena).toMatchObject({
        creatorHandle: '@lena.vogel',
        periodDays: 30,
        receivedAt: endOfDay(2026, 11, 5),
        expiresAt: endOfDay(2026, 12, 5),
        status: 'used',
        notes: 'Weihnachtskampagne',
        source: { senderName: 'Lena Vogel' },
      });
      expect(jonas).toMatchObject({
        creatorHandle: '@jonas.weber',
        periodDays: 365,
        receivedAt: endOfDay(2026, 10, 13),
        status: 'unused',
        notes: '',
      });
      expect(emma).toMatchObject({
        periodDays: 60,
        receivedAt: endOfDay(2026, 10, 1),
        expiresAt: endOfDay(2026, 11, 30),
        status: 'unused',
        notes: 'Zweite Zeile\nim selben Feld',
      });
    });
  });

  describe(`codes only (${ext})`, () => {
    it('finds the code column by its cells and fills the rest with the defaults', () => {
      const p = preview(`codes-only.${ext}`, 'en');
      expect(p.sheet?.mapping).toEqual(['code']);
      // No received date in the sheet: the popup will ask for it.
      expect(p.rows.map((r) => r.record?.receivedAtUnknown)).toEqual([true, true]);
      expect(
        p.rows.map((r) => [
          r.outcome,
          r.record?.code,
          r.record?.periodDays,
          r.record?.periodAssumed,
          r.record?.receivedAt,
          r.record?.status,
        ]),
      ).toEqual([
        ['add', '#JTeaMup7Q7xT21JAHRekXn05JXm9YVnGb38STR5ruu6+x0M1zYpp5HWtIFXXZkRW', 30, true, NOW, 'unused'],
        ['add', '#hA8/PqtOQ7xpKnAl61ff0MPzJiOrGA5fPm84Zge/sREk2dmn05MM+xb4xyRtL6wp', 30, true, NOW, 'unused'],
      ]);
    });
  });

  describe(`name, handle and link in odd order, French (${ext})`, () => {
    it('tells the video link, the name and the handle apart and reads "un mois", "60j", "5 nov. 2026"', () => {
      const p = preview(`odd-order.${ext}`, 'fr');
      expect(p.sheet?.mapping).toEqual([
        'post_url',
        'notes',
        'creator_name',
        'period_days',
        'code',
        'tiktok_handle',
        'received_at',
        'usage',
      ]);
      const [chloe, hugo] = p.rows.map((r) => r.record!);
      expect(chloe).toMatchObject({
        code: '#6tuF2r9bQ7xmoalHeK+fShFMjR7Thx8h6gCrvBQ76M4bN1SlwAS3Noj2d20Pwot+',
        creatorHandle: '@chloe.mode',
        postUrl: 'https://www.tiktok.com/@chloe.mode/video/7333333333333333333',
        periodDays: 30,
        receivedAt: endOfDay(2026, 11, 5),
        status: 'used',
        notes: 'Collab hiver',
        source: { senderName: 'Chloé Martin' },
      });
      expect(hugo).toMatchObject({
        creatorHandle: '@hugo.cuisine',
        periodDays: 60,
        receivedAt: endOfDay(2026, 11, 20),
        expiresAt: endOfDay(2027, 1, 19),
        status: 'unused',
      });
    });
  });

  describe(`our own export (${ext})`, () => {
    it('comes back field by field, the derived columns ignored by name', () => {
      const p = preview(`own-export.${ext}`, 'en');
      expect(p.sheet?.ignoredColumns).toEqual(['state', 'times_used', 'last_used_at']);
      const [a, b] = p.rows.map((r) => r.record!);
      expect(a).toMatchObject({
        code: '#ECQ7s01XQ7xLCcHKhqYj0c9S2Ite9X1rrS4E1Myff0MPzJO7U79jBJYoIcwylQDa',
        creatorHandle: '@jose.cocina',
        status: 'used',
        periodDays: 60,
        periodAssumed: false,
        receivedAt: Date.UTC(2026, 9, 1, 9),
        expiresAt: Date.UTC(2026, 10, 30, 9),
        tags: ['Navidad', 'Q4'],
        notes: 'Línea 1\nLínea 2',
        postUrl: 'https://www.tiktok.com/@jose.cocina/video/7355555555555555555',
        source: {
          kind: 'gmail',
          senderName: 'José Müller',
          senderEmail: 'jose@example.com',
          subject: 'Código',
          url: 'https://mail.google.com/mail/u/0/#inbox/1',
        },
      });
      expect(b).toMatchObject({
        creatorHandle: '@ana',
        status: 'unused',
        periodDays: 30,
        periodAssumed: true,
        archived: 1,
        expiresAt: Date.UTC(2026, 11, 10, 15),
        source: { kind: 'paste' },
      });
    });
  });
}

describe('merging a sheet into saved codes', () => {
  const code = '#JTeaMup7Q7xT21JAHRekXn05JXm9YVnGb38STR5ruu6+x0M1zYpp5HWtIFXXZkRW';
  const saved = record({
    id: 3,
    code,
    status: 'used',
    periodDays: 60,
    receivedAt: Date.UTC(2026, 9, 1),
    expiresAt: Date.UTC(2026, 10, 30),
    notes: 'n',
    updatedAt: NOW - DAY,
  });

  it('a sheet without status or period columns changes neither (nor the expiry)', () => {
    const p = preview('codes-only.csv', 'en', new Map([[code, saved]]));
    expect(p.rows[0]).toMatchObject({ outcome: 'merge', detail: 'Same code already saved: nothing changes' });
    expect(p.rows[0].record).toMatchObject({
      status: 'used',
      periodDays: 60,
      receivedAt: saved.receivedAt,
      expiresAt: saved.expiresAt,
      creatorHandle: saved.creatorHandle,
      notes: 'n',
    });
  });

  it('a new period without a received date counts from the saved received date', () => {
    const csv = `code,period\n${code},1 year\n`;
    const p = previewImportFile('s.csv', csv, new Map([[code, saved]]), { zone: 'UTC', now: NOW, fmtDate });
    expect(p.ok && p.rows[0].record).toMatchObject({
      periodDays: 365,
      receivedAt: saved.receivedAt,
      expiresAt: saved.receivedAt + 365 * DAY,
      status: 'used',
    });
  });
});
