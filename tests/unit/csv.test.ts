import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { codesToCsv, CSV_COLUMNS, parseSheetDate, unescapeCell } from '@/utils/csv';
import { parseCsv } from '@/utils/import/sheet';
import { csvRowToRecord } from '@/utils/import-preview';
import type { AdCodeRecord } from '@/utils/code-record';

import { makeCode, NOW, record as baseRecord } from './dashboard-fixtures';

const CODE = makeCode(7);
const record = (over: Partial<AdCodeRecord> = {}) =>
  baseRecord({ id: 1, code: CODE, creatorHandle: '@josé.cocina', notes: '=HYPERLINK("http://evil")', ...over });

describe('codesToCsv', () => {
  const csv = codesToCsv([record()], 'Europe/Madrid', NOW, 3);

  it('is Excel-friendly: UTF-8 BOM, CRLF, header row of known columns', () => {
    expect(csv.startsWith('\uFEFFcode,tiktok_handle,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv.split('\r\n')[0].replace('\uFEFF', '').split(',')).toEqual([...CSV_COLUMNS]);
  });

  it('keeps accents and guards formulas so Excel never runs a cell', () => {
    const [, row] = Papa.parse<string[]>(csv.slice(1)).data;
    const cell = (c: string) => row[CSV_COLUMNS.indexOf(c as never)];
    expect(cell('sender_name')).toBe('José Müller');
    expect(cell('notes')).toBe(`'=HYPERLINK("http://evil")`);
    expect(cell('tiktok_handle')).toBe('josé.cocina');
    expect(cell('expires_at')).toBe('2026-12-01T09:00:00.000Z');
    expect(cell('expires_local')).toBe('2026-12-01 10:00');
    expect(cell('tags')).toBe('Navidad; Q4');
  });

  it('refuses a creator that is not a TikTok handle instead of dropping it silently', () => {
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(csvRowToRecord(parsed.rows[0], { zone: 'UTC', now: NOW })).toEqual({ problem: expect.stringContaining('not a TikTok handle') });
  });

  it('round-trips every field a sheet can carry', () => {
    const r = record({ creatorHandle: '@jose.cocina', notes: 'Línea 1\nLínea 2, "citada"' });
    const parsed = parseCsv(codesToCsv([r], 'America/New_York', NOW, 3));
    if (!parsed.ok) throw new Error(parsed.error);
    const res = csvRowToRecord(parsed.rows[0], { zone: 'UTC', now: NOW });
    if (!('record' in res)) throw new Error(res.problem);
    expect(res.record).toMatchObject({
      code: r.code,
      creatorHandle: '@jose.cocina',
      expiresAt: r.expiresAt,
      receivedAt: r.receivedAt,
      periodDays: 30,
      status: 'used',
      notes: r.notes,
      tags: ['Navidad', 'Q4'],
      source: { kind: 'gmail', senderName: 'José Müller', senderEmail: 'jose@example.com', subject: 'Código' },
    });
  });
});

describe('parseCsv', () => {
  it('refuses a file without a code column and says what it found', () => {
    const res = parseCsv('name,date\nx,y\n');
    expect(res).toEqual({ ok: false, error: expect.stringContaining('no "code" column') });
  });

  it('accepts people’s own headers and reports malformed rows', () => {
    const res = parseCsv(`Ad Code;Creator\n${CODE};@ana\n`.replace(/;/g, ','));
    expect(res.ok && res.rows[0].cells).toEqual({ code: CODE, tiktok_handle: '@ana' });
    const bad = parseCsv(`code,creator\n${CODE},@a,extra\n`);
    expect(bad.ok && bad.rows[0].problem).toMatch(/fields/);
  });

  it('keeps line numbers right across quoted newlines', () => {
    const res = parseCsv(`code,notes\n${CODE},"a\nb"\n#bad,x\n`);
    expect(res.ok && res.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('unescapes only the export’s own formula guard', () => {
    expect(unescapeCell("'=1+1")).toBe('=1+1');
    expect(unescapeCell("'quoted'")).toBe("'quoted'");
  });
});

describe('parseSheetDate', () => {
  it('reads a bare date as the end of that day in the zone, and ISO with offset as an instant', () => {
    expect(parseSheetDate('2026-12-01', 'UTC')).toBe(Date.UTC(2026, 11, 1, 23, 59));
    expect(parseSheetDate('2026-12-01 18:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 9, 0));
    expect(parseSheetDate('2026-12-01T18:00:00+01:00', 'Asia/Tokyo')).toBe(Date.UTC(2026, 11, 1, 17, 0));
    expect(parseSheetDate('01/12/2026', 'UTC')).toBeUndefined();
    expect(parseSheetDate('2026-02-30', 'UTC')).toBeUndefined();
  });
});
