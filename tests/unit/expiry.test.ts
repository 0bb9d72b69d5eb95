import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { badgeCount, codeStatus, computeExpiry, DAY_MS, expiryPhrase, isExpiringSoon } from '@/utils/expiry';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const rec = (daysLeft: number, extra: Partial<{ archived: 0 | 1; status: 'used' | 'unused' }> = {}) => ({
  expiresAt: NOW + daysLeft * DAY_MS,
  archived: 0 as 0 | 1,
  status: 'unused' as const,
  ...extra,
});

describe('computeExpiry', () => {
  it('adds the stated period in calendar days to the sent date', () => {
    const sent = Date.UTC(2026, 10, 20, 10, 14);
    expect(computeExpiry(sent, 30)).toBe(Date.UTC(2026, 11, 20, 10, 14));
    expect(computeExpiry(sent, 7)).toBe(Date.UTC(2026, 10, 27, 10, 14));
    expect(computeExpiry(sent, 365)).toBe(Date.UTC(2027, 10, 20, 10, 14));
  });
});

describe('status rules', () => {
  it('a code ending inside the window is expiring, one past it is active, an ended one expired', () => {
    expect(codeStatus(rec(2), NOW, 3)).toBe('expiring');
    expect(codeStatus(rec(3), NOW, 3)).toBe('expiring');
    expect(codeStatus(rec(3.01), NOW, 3)).toBe('active');
    expect(codeStatus(rec(0), NOW, 3)).toBe('expired');
    expect(codeStatus(rec(-5), NOW, 3)).toBe('expired');
  });
  it('archived wins over everything and used shows when not urgent', () => {
    expect(codeStatus(rec(-5, { archived: 1 }), NOW, 3)).toBe('archived');
    expect(codeStatus(rec(20, { status: 'used' }), NOW, 3)).toBe('used');
    expect(codeStatus(rec(1, { status: 'used' }), NOW, 3)).toBe('expiring');
  });
});

describe('badgeCount', () => {
  it('counts unarchived, unexpired codes ending within the window', () => {
    const codes = [rec(1), rec(2.5), rec(3), rec(4), rec(-1), rec(1, { archived: 1 }), rec(0.1, { status: 'used' })];
    expect(badgeCount(codes, NOW, 3)).toBe(4);
    expect(badgeCount(codes, NOW, 7)).toBe(5);
    expect(badgeCount([], NOW, 3)).toBe(0);
  });
  it('a code crosses into the window as time passes, with no other change', () => {
    const codes = [rec(5)];
    expect(badgeCount(codes, NOW, 3)).toBe(0);
    expect(badgeCount(codes, NOW + 2 * DAY_MS, 3)).toBe(1);
    expect(badgeCount(codes, NOW + 5 * DAY_MS, 3)).toBe(0);
  });
  it('agrees with isExpiringSoon for any codes and any time (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ expiresAt: fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + 400 * DAY_MS }), archived: fc.constantFrom(0 as const, 1 as const) })),
        fc.integer({ min: 1, max: 30 }),
        (codes, w) => badgeCount(codes, NOW, w) === codes.filter((c) => !c.archived && c.expiresAt > NOW && c.expiresAt - NOW <= w * DAY_MS).length,
      ),
    );
  });
});

describe('expiryPhrase', () => {
  it('speaks in days, hours and past tense', () => {
    expect(expiryPhrase(NOW + 10 * DAY_MS, NOW, 'UTC')).toBe('expires in 10 days');
    expect(expiryPhrase(NOW + DAY_MS, NOW, 'UTC')).toBe('expires tomorrow');
    expect(expiryPhrase(NOW + 3 * 3_600_000, NOW, 'UTC')).toBe('expires in 3 hours');
    expect(expiryPhrase(NOW - 60_000, NOW, 'UTC')).toBe('expired today');
    expect(expiryPhrase(NOW - 3 * DAY_MS, NOW, 'UTC')).toBe('expired 3 days ago');
  });
});

describe('isExpiringSoon', () => {
  it('is false for archived codes', () => expect(isExpiringSoon(rec(1, { archived: 1 }), NOW, 3)).toBe(false));
});
