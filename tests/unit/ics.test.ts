import { describe, expect, it } from 'vitest';
import { codesToIcs, icsUid } from '@/utils/ics';
import { makeCode, NOW, record } from './dashboard-fixtures';

/** Unfolds RFC 5545 continuation lines so assertions read whole properties. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('codesToIcs', () => {
  const a = record({ code: makeCode(1), creatorHandle: '@ana', expiresAt: Date.UTC(2026, 11, 1, 9, 30) });
  const b = record({ code: makeCode(2), creatorHandle: '@ben', expiresAt: Date.UTC(2027, 0, 15, 23, 0), tags: [] });
  const ics = codesToIcs([a, b], [7, 3, 1], NOW);
  const text = unfold(ics);

  it('is a calendar with one event per code, CRLF line ends and 75-octet lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(text).toContain('METHOD:PUBLISH');
  });

  it('starts each event at the expiry instant in UTC', () => {
    expect(text).toContain('DTSTART:20261201T093000Z');
    expect(text).toContain('DTSTART:20270115T230000Z');
    expect(text).toContain('SUMMARY:Ad code expires: @ana');
  });

  it('has a reminder at each threshold', () => {
    const first = text.slice(text.indexOf('BEGIN:VEVENT'), text.indexOf('END:VEVENT'));
    expect(first.match(/BEGIN:VALARM/g)).toHaveLength(3);
    expect(first).toMatch(/TRIGGER:-P7D/);
    expect(first).toMatch(/TRIGGER:-P3D/);
    expect(first).toMatch(/TRIGGER:-P1D/);
  });

  it('uses a UID stable per code so a re-import updates instead of duplicating', () => {
    expect(text).toContain(`UID:${icsUid(a.code)}`);
    expect(icsUid(a.code)).toBe(icsUid(a.code));
    expect(icsUid(a.code)).not.toBe(icsUid(b.code));
    expect(icsUid(a.code)).toMatch(/^adcode-[0-9a-f]{16}@ad-code-keeper$/);
  });

  it('writes a valid empty calendar when there is nothing to export', () => {
    const empty = codesToIcs([], [7], NOW);
    expect(empty).toContain('BEGIN:VCALENDAR');
    expect(empty).toContain('END:VCALENDAR');
    expect(empty).not.toContain('VEVENT');
  });
});
