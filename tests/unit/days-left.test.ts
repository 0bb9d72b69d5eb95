// One rule for days left: the code picker counts calendar days in the zone chosen in Settings,
// exactly as the popup and dashboard do; and a sheet date with a two-digit year is refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expiryLine } from '@/entrypoints/code-picker/format';
import { pickerTranslator } from '@/utils/i18n/picker';
import { pickerWords } from '@/utils/i18n/picker/words';
import { localExpiryPhrase } from '@/utils/i18n/phrases';
import { translator } from '@/utils/i18n/core';
import { parseSheetDate } from '@/utils/csv';
import { previewImportFile } from '@/utils/import-preview';
import type { PickerCode } from '@/utils/protocol';
import { makeCode, NOW } from './dashboard-fixtures';

const code = (expiresAt: number): PickerCode => ({ id: 1, code: makeCode(1), notes: '', expiresAt, status: 'unused', usedHere: false });
const enPicker = pickerTranslator('en', pickerWords('en'));
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin'];

describe('days left in the code picker', () => {
  it('counts days in the Settings zone, not the browser’s', () => {
    // 09:00 UTC is 23:00 the same day at UTC+14; two hours later it is tomorrow there.
    const now = Date.UTC(2026, 10, 25, 9);
    const expiresAt = Date.UTC(2026, 10, 25, 11);
    expect(expiryLine(code(expiresAt), now, 3, 'Pacific/Kiritimati', enPicker).text).toBe('Expires tomorrow');
    expect(expiryLine(code(expiresAt), now, 3, 'UTC', enPicker).text).toBe('Expires in 2 hours');
  });

  it('says what the popup says, for any instant and zone', () => {
    const en = translator('en');
    fc.assert(
      fc.property(fc.integer({ min: -40 * 24, max: 400 * 24 }), fc.integer({ min: 0, max: 3_599_999 }), fc.constantFrom(...ZONES), (hours, ms, zone) => {
        const expiresAt = NOW + hours * 3_600_000 + ms;
        if (expiresAt <= NOW) return; // the picker says "Expired on <date>" there, by design
        const popup = localExpiryPhrase(en, expiresAt, NOW, zone);
        expect(expiryLine(code(expiresAt), NOW, 3, zone, enPicker).text.toLowerCase()).toBe(popup.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});

describe('sheet dates with a two-digit year', () => {
  it('are not dates', () => {
    expect(parseSheetDate('0075-06-01', 'UTC')).toBeUndefined();
    expect(parseSheetDate('0075-06-01T10:00:00Z', 'UTC')).toBeUndefined();
    expect(parseSheetDate('75-06-01', 'UTC')).toBeUndefined();
    expect(parseSheetDate('2075-06-01', 'UTC')).toBe(Date.UTC(2075, 5, 1, 23, 59));
  });

  it('are refused in the import preview with a message that says so', () => {
    const csv = ['code,creator,expires', `${makeCode(2)},@ana,0075-06-01`, `${makeCode(3)},@ben,75-06-01`].join('\n');
    const preview = previewImportFile('codes.csv', csv, new Map(), { zone: 'UTC', now: NOW, defaultPeriodDays: 30, fmtDate: (t) => new Date(t).toISOString() });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.rows.map((r) => r.outcome)).toEqual(['reject', 'reject']);
    for (const r of preview.rows) expect(r.detail).toMatch(/two-digit year.*full year/);
  });
});
