import { describe, expect, it } from 'vitest';
import { applyIdsOf, applyLink, withoutApply, APPLY_LINK_MAX_IDS } from '@/utils/apply-link';

describe('dashboard.html?apply=<id>,<id> (the Apply dialog link)', () => {
  it('is exactly this address', () => {
    expect(applyLink([12, 7])).toBe('/dashboard.html?apply=12,7');
    expect(applyLink([3])).toBe('/dashboard.html?apply=3');
  });

  it.each<[string, number[]]>([
    ['?apply=12,7', [12, 7]],
    ['?apply=12%2C7', [12, 7]],
    ['?apply=5', [5]],
    ['?apply= 4 , 4 ,9', [4, 9]],
    ['?apply=0,-1,x,2.5,8', [8]],
    ['?apply=', []],
    ['', []],
    ['?view=table', []],
    ['?apply=99999999999999999999', []],
  ])('%s → %j', (search, ids) => {
    expect(applyIdsOf(search)).toEqual(ids);
  });

  it('round-trips, without duplicates or invalid ids, capped at one request', () => {
    expect(applyIdsOf(applyLink([1, 2, 2, 0, 3]).split('dashboard.html')[1])).toEqual([1, 2, 3]);
    const many = Array.from({ length: APPLY_LINK_MAX_IDS + 5 }, (_, i) => i + 1);
    expect(applyIdsOf(applyLink(many).split('dashboard.html')[1])).toHaveLength(APPLY_LINK_MAX_IDS);
  });

  it('closing the dialog drops only the apply parameter', () => {
    expect(withoutApply('?apply=1,2')).toBe('');
    expect(withoutApply('?x=1&apply=1,2')).toBe('?x=1');
  });
});
