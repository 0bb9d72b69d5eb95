import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDateOrder, localeDateOrder, readPeriod, readSheetDate, readStatus, STATUS_TABLE } from '@/utils/import/values';
import { columnLooks, guessMapping, headerSetKey, restoreMapping } from '@/utils/import/mapping';
import { sheetDelimiter } from '@/utils/import/read-table';
import { makeCode } from './dashboard-fixtures';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 23, 59);

describe('readSheetDate', () => {
  it.each([
    ['2026-11-05', 'mdy', day(2026, 11, 5)],
    ['11/05/2026', 'mdy', day(2026, 11, 5)],
    ['11/05/2026', 'dmy', day(2026, 5, 11)],
    ['05.11.2026', 'dmy', day(2026, 11, 5)],
    ['2026/11/05', 'dmy', day(2026, 11, 5)],
    ['5 Nov 2026', 'mdy', day(2026, 11, 5)],
    ['Nov 5, 2026', 'dmy', day(2026, 11, 5)],
    ['5. November 2026', 'dmy', day(2026, 11, 5)],
    ['5 de noviembre de 2026', 'dmy', day(2026, 11, 5)],
    ['5 nov. 2026', 'dmy', day(2026, 11, 5)],
    ['5 de março de 2026', 'dmy', day(2026, 3, 5)],
    ['1er décembre 2026', 'dmy', day(2026, 12, 1)],
    ['5 Dez 2026', 'dmy', day(2026, 12, 5)],
    ['11/05/2026 14:30', 'mdy', Date.UTC(2026, 10, 5, 14, 30)],
  ] as const)('%s (%s) is read', (text, order, expected) => {
    expect(readSheetDate(text, order, 'UTC')).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['11/05/26', /two-digit year/],
    ['5 Nov 26', /two-digit year/],
    ['26-11-05', /two-digit year/],
    ['soon', /not a date we can read/],
    ['31/02/2026', /not a date we can read/],
    ['2026-13-01', /not a date we can read/],
  ])('%s is refused, never guessed', (text, problem) => {
    expect(readSheetDate(text, 'dmy', 'UTC')).toEqual({ ok: false, problem: expect.stringMatching(problem) });
  });

  it('says how an ambiguous numeric date was read, and only then', () => {
    expect(readSheetDate('11/05/2026', 'dmy', 'UTC')).toMatchObject({ note: '“11/05/2026” read as 2026-05-11 (day first)' });
    expect(readSheetDate('13/05/2026', 'dmy', 'UTC')).not.toHaveProperty('note', expect.anything());
  });

  it('property: any day written D/M/Y day-first or M/D/Y month-first is the same day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }), (d) => {
        const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const dmy = readSheetDate(`${dd}/${m}/${y}`, 'dmy', 'UTC');
        const mdy = readSheetDate(`${m}/${dd}/${y}`, 'mdy', 'UTC');
        expect(dmy).toMatchObject({ ok: true, value: day(y, m, dd) });
        expect(mdy).toMatchObject({ ok: true, value: day(y, m, dd) });
      }),
    );
  });
});

describe('date order', () => {
  it('US English is month-first, the rest day-first', () => {
    expect(['en', 'en-US', 'en-GB', 'de', 'es', 'fr', 'pt-BR'].map(localeDateOrder)).toEqual([
      'mdy',
      'mdy',
      'dmy',
      'dmy',
      'dmy',
      'dmy',
      'dmy',
    ]);
  });
  it('one cell above 12 decides the whole column, whatever the locale', () => {
    expect(decideDateOrder(['01/02/2026', '25/03/2026'], 'en-US')).toEqual({ order: 'dmy', decidedBy: '25/03/2026' });
    expect(decideDateOrder(['01/02/2026', '03/25/2026'], 'de')).toEqual({ order: 'mdy', decidedBy: '03/25/2026' });
    expect(decideDateOrder(['01/02/2026', '2026-03-25'], 'de')).toEqual({ order: 'dmy' });
  });
});

describe('readPeriod', () => {
  it.each([
    ['60', 60, undefined],
    ['60 days', 60, '“60 days” read as 60 days'],
    ['60d', 60, '“60d” read as 60 days'],
    ['2 months', 60, '“2 months” read as 60 days'],
    ['1 year', 365, '“1 year” read as 365 days'],
    ['1 año', 365, '“1 año” read as 365 days'],
    ['30 Tage', 30, '“30 Tage” read as 30 days'],
    ['un mois', 30, '“un mois” read as 30 days'],
    ['2 semanas', 14, '“2 semanas” read as 14 days'],
    ['60j', 60, '“60j” read as 60 days'],
  ])('%s → %i days', (text, days, note) => {
    const r = readPeriod(text);
    expect(r).toMatchObject({ ok: true, value: days });
    if (r.ok) expect(r.note).toBe(note);
  });
  it.each(['soon', '0', '-5 days', '3 fortnights', '', '99999'])('%s is refused', (text) => {
    expect(readPeriod(text).ok).toBe(false);
  });
});

describe('readStatus (the visible table)', () => {
  it.each([
    ['Live', 'used'],
    ['Running', 'used'],
    ['Used', 'used'],
    ['Active', 'used'],
    ['Paused', 'used'],
    ['Aktiv', 'used'],
    ['Utilisé', 'used'],
    ['New', 'unused'],
    ['Unused', 'unused'],
    ['Ready', 'unused'],
    ['Pending', 'unused'],
    ['Neu', 'unused'],
    ['Sin usar', 'unused'],
    ['Expired', 'expired'],
    ['Abgelaufen', 'expired'],
    ['expiré', 'expired'],
  ] as const)('%s → %s', (text, reading) => {
    expect(readStatus(text).reading).toBe(reading);
  });
  it('an unknown word is reported and sets nothing', () => {
    expect(readStatus('Waiting on legal')).toEqual({
      note: 'status “Waiting on legal” is not one we know (see the status table); the status is left as it was',
    });
  });
  it('every word in the table reads as its row says', () => {
    for (const { reading, words } of STATUS_TABLE) for (const w of words) expect(readStatus(w).reading).toBe(reading);
  });
});

describe('guessMapping', () => {
  const code = makeCode(3);
  it.each([
    [['Creator', 'TikTok handle', 'Spark code'], [['Leo Park', '@leo.lifts', code]], ['creator_name', 'tiktok_handle', 'code']],
    [['Creator', 'Code'], [['@leo.lifts', code]], ['tiktok_handle', 'code']],
    [['Handle', 'Code'], [['Leo Park', code]], ['creator_name', 'code']],
    [['Anzeigencode', 'Zeitraum', 'Datum'], [[code, '30 Tage', '05.11.2026']], ['code', 'period_days', 'received_at']],
    [['Código de anuncio', 'Periodo', 'Fecha'], [[code, '60', '2026-11-01']], ['code', 'period_days', 'received_at']],
    [['Código', 'Estado'], [[code, 'Usado']], ['code', 'usage']],
    [['Statut', 'Code publicitaire'], [['Actif', code]], ['usage', 'code']],
    [
      ['Whatever', 'Stuff', 'Clip'],
      [[code, '@ana', 'https://www.tiktok.com/@ana/video/7300000000000000000']],
      ['code', 'tiktok_handle', 'post_url'],
    ],
    [['Link', 'Code'], [['https://mail.google.com/mail/u/0/#inbox/1', code]], ['source_url', 'code']],
    [['Code', 'Ad code'], [['n/a', code]], ['ignore', 'code']],
  ])('%j', (headers, rows, expected) => {
    expect(guessMapping(headers, rows).map((g) => g.field)).toEqual(expected);
  });

  it('property: a column of ad codes is the code column whatever its header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 500 }), (header, seed) => {
        const mapping = guessMapping(
          ['Notes', header],
          [
            ['hello there', makeCode(seed)],
            ['', makeCode(seed + 1)],
          ],
        );
        expect(mapping[1].field).toBe('code');
      }),
    );
  });

  it('a column of full names is never the handle', () => {
    expect(columnLooks(['Leo Park', 'Ana María Souza'])).toBe('name');
    expect(guessMapping(['TikTok handle'], [['Leo Park'], ['Ana Souza']])[0].field).toBe('creator_name');
  });
});

describe('remembering a mapping', () => {
  it('keys by the normalised headers, and restores only a mapping that fits', () => {
    expect(headerSetKey(['Spark code', 'Creator'])).toBe(headerSetKey([' spark  CODE', 'créator']));
    expect(headerSetKey(['Spark code', 'Creator'])).not.toBe(headerSetKey(['Creator', 'Spark code']));
    const guess = guessMapping(['Code', 'Name'], []);
    expect(restoreMapping(['code', 'notes'], ['Code', 'Name'], guess)).toEqual(['code', 'notes']);
    expect(restoreMapping(['code'], ['Code', 'Name'], guess)).toEqual(['code', 'creator_name']);
    expect(restoreMapping(['code', 'nonsense'], ['Code', 'Name'], guess)).toEqual(['code', 'creator_name']);
  });
});

describe('sheetDelimiter', () => {
  it('tells pasted tab-separated text, German semicolons and commas apart', () => {
    expect(sheetDelimiter('Code\tCreator\n#x\t@a')).toBe('\t');
    expect(sheetDelimiter('Code;Creator;"a,b"\n')).toBe(';');
    expect(sheetDelimiter('Code,Creator\n')).toBe(',');
    expect(sheetDelimiter('"Notes, long";Code\n')).toBe(';');
    // Blank lines above the header (Papa skips them) do not make a semicolon sheet a comma one.
    expect(sheetDelimiter('\r\n \r\nCode;Creator;Notes\r\n')).toBe(';');
  });
});
