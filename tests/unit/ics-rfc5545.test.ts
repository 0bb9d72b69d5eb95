// The .ics export read back by an independent RFC 5545 parser (ical.js) over fuzzed notes, tags
// and names: whatever a user typed, the file is valid and says exactly what they typed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { codesToIcs } from '@/utils/ics';
import { makeCode, NOW, record } from './dashboard-fixtures';

/** What a calendar can hold of a text: line breaks (any style) as line breaks, no other control characters. */
const asCalendarText = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

const tricky = fc.constantFrom('\r', '\n', '\r\n', '\n\r', ',', ';', '\\', '\\n', ':', '"', '\t', ' ', '\u0000', '\u001b', '\u007f', 'é', '€', '日本', '😀', '👩‍👩‍👧', 'x');
const text = (maxLength: number) => fc.string({ unit: fc.oneof(tricky, fc.constantFrom('a', 'B', '1', '-')), maxLength });

const fuzzedRecord = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    notes: text(300),
    tags: fc.array(text(30).filter((t) => asCalendarText(t).length > 0), { maxLength: 5 }),
    senderName: text(80),
    handle: fc.option(fc.constantFrom('@ana', '@jose.cocina', '@a_b.c'), { nil: undefined }),
    days: fc.integer({ min: -30, max: 400 }),
  })
  .map(({ seed, notes, tags, senderName, handle, days }) =>
    record({
      code: makeCode(seed),
      notes,
      tags,
      creatorHandle: handle,
      expiresAt: Date.UTC(2026, 11, 1, 9, 30) + days * 86_400_000,
      source: { kind: 'gmail', senderName },
    }),
  );

describe('.ics export against ical.js', () => {
  it('is always valid RFC 5545 and round-trips every text, tag and reminder', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fuzzedRecord, { minLength: 1, maxLength: 4, selector: (r) => r.code }), (records) => {
        const ics = codesToIcs(records, [7, 3, 1, 0], NOW);
        // CRLF line ends only: no bare CR or LF anywhere, and no other control characters.
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u0008\u000B-\u001F\u007F]/);
        // Lines of at most 75 octets (RFC 5545 §3.1), folded without splitting a character.
        for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
        const calendar = new ICAL.Component(ICAL.parse(ics));
        const events = calendar.getAllSubcomponents('vevent');
        expect(events).toHaveLength(records.length);
        records.forEach((r, i) => {
          const event = events[i];
          // A title is one line: the name's breaks and runs of white space read as one space.
          const who = r.creatorHandle ?? (asCalendarText(r.source.senderName ?? '').replace(/\s+/g, ' ').trim() || 'unknown creator');
          expect(event.getFirstPropertyValue('summary')).toBe(`Ad code expires: ${who}`);
          const description = String(event.getFirstPropertyValue('description'));
          if (r.notes && asCalendarText(r.notes)) expect(description.endsWith(`Notes: ${asCalendarText(r.notes)}\nAsk the creator to re-authorize the video before this date.`)).toBe(true);
          const categories = event.getAllProperties('categories').flatMap((p) => p.getValues());
          expect(categories).toEqual(['Ad Code Keeper', ...r.tags.map(asCalendarText)]);
          expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(r.expiresAt);
          const triggers = event.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
          expect(triggers).toEqual([-7 * 86_400, -3 * 86_400, -86_400, 0]);
        });
      }),
      { numRuns: 300, seed: 20261201 },
    );
  }, 60_000);
});
