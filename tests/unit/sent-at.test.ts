import { describe, expect, it } from 'vitest';
import { resolveSentAt, withSentAt } from '@/utils/sent-at';
import { dateText } from '@/utils/capture/date-text';
import { LIMITS } from '@/utils/vault/limits';

const NOW = new Date(2026, 10, 21, 12, 0).getTime();
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

describe('the background reads the date text a page sent', () => {
  it.each([
    [['Fri, Nov 20, 2026, 10:14\u202fAM'], undefined, local(2026, 11, 20, 10, 14)],
    [['11/06/2026 10:14 AM'], 'mdy', local(2026, 11, 6, 10, 14)],
    [['11/06/2026 10:14 AM'], 'dmy', local(2026, 6, 11, 10, 14)],
    [['Yesterday 9:41 AM'], undefined, local(2026, 11, 20, 9, 41)],
    // Newest first: a row's own label wins over the divider above it; an unreadable one falls back to the divider.
    [['not a date', 'November 20, 2026 14:05'], undefined, local(2026, 11, 20, 14, 5)],
  ] as const)('%j (%s) → the sent time', (texts, numericOrder, expected) => {
    expect(resolveSentAt({ sentAtText: dateText(texts, NOW, numericOrder) })).toBe(expected);
  });

  it('leaves a date it refuses unknown: never the time of capture', () => {
    for (const texts of [['11/06/2026 10:14 AM'], ['soon'], ['Nov 20, 2031 10:14 AM']]) {
      expect(resolveSentAt({ sentAtText: dateText(texts, NOW) })).toBeUndefined();
      const saved = withSentAt({ code: '#x', source: { kind: 'gmail' }, sentAtText: dateText(texts, NOW) });
      expect(saved).toEqual({ code: '#x', source: { kind: 'gmail' } });
    }
  });

  it('keeps an exact time the page had when the text does not read, and drops the text before the vault', () => {
    expect(resolveSentAt({ sentAt: 1795169742000, sentAtText: dateText(['soon'], NOW) })).toBe(1795169742000);
    expect(resolveSentAt({ sentAt: 1795169742000 })).toBe(1795169742000);
    expect(withSentAt({ code: '#x', source: { kind: 'slack' }, sentAt: 5, sentAtText: dateText(['Yesterday 9:41 AM'], NOW) })).toEqual({
      code: '#x',
      source: { kind: 'slack' },
      sentAt: local(2026, 11, 20, 9, 41),
    });
  });

  it('the page sends no blank texts, and never more than the schema takes', () => {
    expect(dateText([null, undefined, '  '], NOW)).toBeUndefined();
    const many = dateText(Array.from({ length: 50 }, (_, i) => `label ${i} ${'x'.repeat(500)}`), NOW)!;
    expect(many.texts).toHaveLength(LIMITS.dateTexts);
    expect(many.texts[0]).toHaveLength(LIMITS.dateText);
    expect(many.texts[0].startsWith('label 0 ')).toBe(true);
  });
});
