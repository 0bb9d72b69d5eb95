// One sheet reader (utils/import/read-table.ts) for both import paths: the mapping step reads a sheet whole
// (parseCsv), a large file is read slice by slice (readLargeSheet). The same sheet must give the same rows.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import { unescapeCell } from '@/utils/csv';
import { LargeSheetReader, parseCsv, readLargeSheet } from '@/utils/import/sheet';
import { previewImportBlob } from '@/utils/import-file';
import { previewImportFile } from '@/utils/import-preview';
import { makeCode, NOW } from './dashboard-fixtures';

/** The large-file path on a whole text (what reading it in slices must give, row for row). */
function readWhole(text: string) {
  const reader = new LargeSheetReader();
  reader.push(text);
  return reader.end();
}

// Issue 12.3: a big sheet is read slice by slice; where the slices fall must never change a row.
describe('a sheet read in pieces', () => {
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
        const reader = new LargeSheetReader();
        let from = 0;
        for (const c of [...at, text.length]) {
          reader.push(text.slice(from, c));
          from = c;
        }
        const pieces = reader.end();
        expect(pieces).toEqual(readWhole(text));
        if (!pieces.ok) throw new Error(pieces.error);
        expect(pieces.rows.map((r) => r.cells.code)).toEqual(whole.map((f) => f[0].trim()));
        expect(pieces.rows.map((r) => [r.cells.notes ?? '', r.cells.tags ?? ''])).toEqual(
          whole.map((f) => [unescapeCell(f[1].trim()), unescapeCell((f[2] ?? '').trim())]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a file read in slices keeps characters cut between slices, and finds the rows the whole text has', async () => {
    const text = csvOf(
      [
        ['Ñoño 🎬 “quoted”', 'a\r\nb'],
        ['日本語のメモ', 'Q4; Navidad'],
      ],
      '\r\n',
    );
    const file = new Blob([text]);
    for (const slice of [1, 2, 3, 5, 7, 64]) expect(await readLargeSheet(file, 'en', slice)).toEqual(readWhole(text));
    expect(readWhole(text)).toMatchObject({
      ok: true,
      rows: [
        { line: 2, cells: { notes: 'Ñoño 🎬 “quoted”' } },
        { line: 4, cells: { notes: '日本語のメモ' } },
      ],
    });
  });

  it('an unclosed quote does not make the reader wait for the whole file: it refuses the file, naming the line', () => {
    const reader = new LargeSheetReader();
    reader.push('code,notes\r\nc1,ok\r\nc2,"never closed\r\n');
    const filler = 'x'.repeat(1_000_000);
    for (let i = 0; i < 5 && !reader.failed; i++) reader.push(filler);
    expect(reader.failed).toMatch(/the row at line 3 is longer than 4,000,000 characters \(an unclosed quote\?\)/);
    expect(reader.end()).toEqual({ ok: false, error: reader.failed });
    // The same when the first slice already holds the endless row (after a blank line, which still counts).
    const one = new LargeSheetReader();
    one.push(`code,notes\n\nc1,ok\nc2,"${'x'.repeat(4_000_001)}`);
    expect(one.failed).toMatch(/the row at line 4 is longer than/);
  });
});

describe('the mapping step and the large-file path read a sheet the same way', () => {
  const [a, b, c, d] = [1, 2, 3, 4].map((n) => makeCode(40 + n));
  // Excel in Europe: byte-order mark, CRLF, semicolons; a quoted cell with a line break and a semicolon;
  // our export's formula guard; a row that leaves its last cells empty; a row with one cell too many;
  // day-first dates the user's en-US locale would read month-first, decided by "13/10/2026".
  const tricky =
    '\uFEFFSpark code;Creator;TikTok handle;Notes;Date received;Authorization period;Account manager\r\n' +
    `${a};Leo Park;@leo.lifts;"line one\r\nline two; with a semicolon";05/11/2026;60 days;Kim\r\n` +
    `${b};Ana Ruiz;@ana.ruiz;"'=HYPERLINK(""http://x"")";13/10/2026;30;Kim\r\n` +
    `${c};Mia Chen;@mia.chen\r\n` +
    `\r\n` +
    `${d};Tom Berg;@tom.berg;ok;01/10/2026;30;Kim;stray cell\r\n`;

  it('same headers, mapping, rows, line numbers, ignored columns and date order, wherever the slices fall', async () => {
    const whole = parseCsv(tricky, { locale: 'en-US' });
    if (!whole.ok) throw new Error(whole.error);
    expect(whole.headers).toEqual([
      'Spark code',
      'Creator',
      'TikTok handle',
      'Notes',
      'Date received',
      'Authorization period',
      'Account manager',
    ]);
    expect(whole.mapping).toEqual(['code', 'creator_name', 'tiktok_handle', 'notes', 'received_at', 'period_days', 'ignore']);
    expect(whole.rows).toEqual([
      {
        line: 2,
        cells: {
          code: a,
          creator_name: 'Leo Park',
          tiktok_handle: '@leo.lifts',
          notes: 'line one\r\nline two; with a semicolon',
          received_at: '05/11/2026',
          period_days: '60 days',
        },
      },
      {
        line: 4,
        cells: {
          code: b,
          creator_name: 'Ana Ruiz',
          tiktok_handle: '@ana.ruiz',
          notes: '=HYPERLINK("http://x")',
          received_at: '13/10/2026',
          period_days: '30',
        },
      },
      { line: 5, cells: { code: c, creator_name: 'Mia Chen', tiktok_handle: '@mia.chen' } },
      { line: 7, cells: expect.objectContaining({ code: d }), problem: 'expected 7 fields, found 8' },
    ]);
    expect(whole.ignoredColumns).toEqual(['Account manager']);
    expect(whole.dateOrders.received_at?.order).toBe('dmy');
    const { guess: _guess, samples: _samples, ...read } = whole;
    for (const slice of [1, 3, 17, 4096]) expect(await readLargeSheet(new Blob([tricky]), 'en-US', slice)).toEqual(read);
  });

  it('the previews agree record for record (day-first dates included)', async () => {
    const opts = { zone: 'UTC', now: NOW, defaultPeriodDays: 30, locale: 'en-US', fmtDate: (t: number) => new Date(t).toISOString() };
    const step = previewImportFile('team.csv', tricky, new Map(), opts);
    const large = await previewImportBlob(new File([tricky], 'team.csv'), new Map(), opts, 7);
    if (!step.ok || !large.ok) throw new Error('not read');
    expect(large.rows).toEqual(step.rows);
    expect(step.rows.map((r) => r.outcome)).toEqual(['add', 'add', 'add', 'reject']);
    expect(step.rows[0].record).toMatchObject({ receivedAt: Date.UTC(2026, 10, 5, 23, 59), periodDays: 60 });
    expect(large.ignoredColumns).toEqual(step.sheet?.ignoredColumns);
  });

  it('a quote never closed refuses the file on both paths, importing nothing', async () => {
    const broken = `code;notes\n${a};fine\n${b};"never closed\n${c};swallowed\n`;
    const error = 'the quote opened on line 3 is never closed, so the rest of the file would be one cell; close it and import again';
    expect(parseCsv(broken)).toEqual({ ok: false, error });
    expect(await readLargeSheet(new Blob([broken]), 'en', 5)).toEqual({ ok: false, error });
  });

  it('the empty file, the header-only file and the sheet without a code column give the same answers', async () => {
    for (const text of ['', '\uFEFF \r\n', 'Name;Date\r\nLeo;05/11/2026\r\n']) {
      const whole = parseCsv(text);
      expect(whole.ok).toBe(false);
      expect(await readLargeSheet(new Blob([text]), 'en', 2)).toEqual(whole);
    }
    expect(parseCsv('Name;Date\r\nLeo;x\r\n')).toEqual({ ok: false, error: 'no "code" column (found: "Name", "Date")' });
  });
});
