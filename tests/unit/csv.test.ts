import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { codesToCsv, CSV_COLUMNS, CsvReader, parseCsv, parseSheetDate, readCsvFile, unescapeCell } from '@/utils/csv';
import { csvRowToRecord } from '@/utils/import-preview';
import type { AdCodeRecord } from '@/utils/code-record';

import { makeCode, NOW, record as baseRecord } from './dashboard-fixtures';

const CODE = makeCode(7);
const record = (over: Partial<AdCodeRecord> = {}) => baseRecord({ id: 1, code: CODE, creatorHandle: '@josé.cocina', notes: '=HYPERLINK("http://evil")', ...over });

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

// Issue 12.3: a big sheet is read slice by slice; where the slices fall must never change a row.
describe('CSV read in pieces', () => {
  const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Ñoño 🎬', 'a,b', 'say "hi"', 'two\r\nlines', 'x\ny', ' ', '=1+1'));
  const sheet = fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 25 });
  const csvOf = (rows: [string, string][], newline: '\r\n' | '\n') =>
    `\uFEFF${Papa.unparse({ fields: ['code', 'notes', 'tags'], data: rows.map(([a, b], i) => [`c${i}`, a, b]) }, { newline })}${newline}`;

  it('gives the same rows, lines and problems wherever the text is cut', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom('\r\n' as const, '\n' as const), fc.array(fc.nat(), { maxLength: 6 }), (rows, newline, cuts) => {
        const text = csvOf(rows, newline);
        const whole = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data.slice(1);
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const reader = new CsvReader();
        let from = 0;
        for (const c of [...at, text.length]) {
          reader.push(text.slice(from, c));
          from = c;
        }
        const pieces = reader.end();
        expect(pieces).toEqual(parseCsv(text));
        if (!pieces.ok) throw new Error(pieces.error);
        expect(pieces.rows.map((r) => r.cells.code)).toEqual(whole.map((f) => f[0].trim()));
        expect(pieces.rows.map((r) => [r.cells.notes ?? '', r.cells.tags ?? ''])).toEqual(whole.map((f) => [unescapeCell(f[1].trim()), unescapeCell((f[2] ?? '').trim())]));
      }),
      { numRuns: 300 },
    );
  });

  it('a file read in slices keeps characters cut between slices, and finds the rows the whole text has', async () => {
    const text = csvOf([['Ñoño 🎬 “quoted”', 'a\r\nb'], ['日本語のメモ', 'Q4; Navidad']], '\r\n');
    const file = new Blob([text]);
    for (const slice of [1, 2, 3, 5, 7, 64]) expect(await readCsvFile(file, slice)).toEqual(parseCsv(text));
    expect(parseCsv(text)).toMatchObject({ ok: true, rows: [{ line: 2, cells: { notes: 'Ñoño 🎬 “quoted”' } }, { line: 4, cells: { notes: '日本語のメモ' } }] });
  });

  it('an unclosed quote does not make the reader wait for the whole file: it refuses the file, naming the line', () => {
    const reader = new CsvReader();
    reader.push('code,notes\r\nc1,ok\r\nc2,"never closed\r\n');
    const filler = 'x'.repeat(1_000_000);
    for (let i = 0; i < 5 && !reader.failed; i++) reader.push(filler);
    expect(reader.failed).toMatch(/the row at line 3 is longer than 4,000,000 characters \(an unclosed quote\?\)/);
    expect(reader.end()).toEqual({ ok: false, error: reader.failed });
  });
});
