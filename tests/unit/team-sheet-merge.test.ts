import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeReplicas, NOTES_CONFLICT, type Replica } from '@/utils/team-sheet/merge';
import { sharedOf, SHARED_FIELDS, sortUses, type SharedCode } from '@/utils/team-sheet/shared';
import { makeCode, NOW, record } from './dashboard-fixtures';

const base: SharedCode = sharedOf(record({ code: makeCode(1), notes: 'base note', tags: ['Q4'], uses: [] }));
const side = (values: Partial<SharedCode>, at: number, by: string, fields = Object.keys(values)): Replica => ({
  values: { ...base, ...values },
  fieldAt: Object.fromEntries(fields.map((f) => [f, at])),
  by,
});

describe('mergeReplicas: the rules, one table row each', () => {
  const cases: { name: string; a: Replica; b: Replica; expect: Partial<SharedCode>; conflicts?: string[] }[] = [
    { name: 'only A edited notes: A wins', a: side({ notes: 'A' }, NOW, 'a@x'), b: side({}, NOW - 5, 'b@x'), expect: { notes: 'A' } },
    {
      name: 'different fields edited on each side: both kept (no whole-record loss)',
      a: side({ notes: 'A' }, NOW, 'a@x'),
      b: side({ uses: [{ at: NOW + 1, advertiserId: '7' }] }, NOW + 1, 'b@x'),
      expect: { notes: 'A', uses: [{ at: NOW + 1, advertiserId: '7' }] },
    },
    {
      name: 'both edited the expiry: the later change wins',
      a: side({ expiresAt: NOW + 10 }, NOW + 2, 'a@x'),
      b: side({ expiresAt: NOW + 20 }, NOW + 1, 'b@x'),
      expect: { expiresAt: NOW + 10 },
    },
    {
      name: 'both edited notes differently: both kept and the code asks',
      a: side({ notes: 'call Ana' }, NOW + 2, 'a@x'),
      b: side({ notes: 'used in Q4 launch' }, NOW + 1, 'b@x'),
      expect: { notes: `used in Q4 launch${NOTES_CONFLICT}call Ana` },
      conflicts: ['notes'],
    },
    {
      name: 'uses: each side added one, both kept',
      a: side({ uses: [{ at: 1 }] }, NOW, 'a@x'),
      b: side({ uses: [{ at: 2, advertiserId: '9' }] }, NOW, 'b@x'),
      expect: { uses: [{ at: 1 }, { at: 2, advertiserId: '9' }] },
    },
    {
      name: 'tags: A removed Q4, B added launch → launch only',
      a: side({ tags: [] }, NOW, 'a@x'),
      b: side({ tags: ['Q4', 'launch'] }, NOW, 'b@x'),
      expect: { tags: ['launch'] },
    },
    { name: 'a deletion travels as a tombstone', a: side({ deleted: true }, NOW + 5, 'a@x'), b: side({}, NOW, 'b@x', []), expect: { deleted: true } },
    {
      name: 'a deletion loses against a later edit on the other side',
      a: side({ deleted: true }, NOW + 5, 'a@x'),
      b: side({ notes: 'still running' }, NOW + 9, 'b@x'),
      expect: { deleted: false, notes: 'still running' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = mergeReplicas(base, c.a, c.b);
      expect(m.values).toMatchObject(c.expect);
      expect(m.conflicts).toEqual(c.conflicts ?? []);
    });
  }

  it('two codes meeting without a base (first sync) keep the union of uses and tags', () => {
    const a = side({ tags: ['A'], uses: [{ at: 1 }] }, NOW, 'a@x');
    const b = side({ tags: ['B'], uses: [{ at: 2 }] }, NOW, 'b@x');
    const m = mergeReplicas(undefined, a, b);
    expect(m.values.tags).toEqual(['A', 'B']);
    expect(m.values.uses.map((u) => u.at)).toEqual([1, 2]);
  });
});

// ---- properties ----

const notes = fc.constantFrom('', 'base note', 'alpha', 'beta', 'alpha beta');
const use = fc.record({ at: fc.integer({ min: 1, max: 6 }), advertiserId: fc.option(fc.constantFrom('1', '2'), { nil: undefined }) });
const uses = fc.uniqueArray(use, { selector: (u) => `${u.at}|${u.advertiserId ?? ''}`, maxLength: 4 });
const replica = fc.record({
  notes,
  tags: fc.uniqueArray(fc.constantFrom('Q4', 'launch', 'tt'), { maxLength: 3 }),
  uses,
  expiresAt: fc.constantFrom(NOW, NOW + 1, NOW + 2),
  archived: fc.constantFrom(0 as const, 1 as const),
  deleted: fc.boolean(),
  at: fc.integer({ min: 1, max: 5 }),
  by: fc.constantFrom('a@x', 'b@x', 'c@x'),
}).map(({ at, by, ...v }): Replica => ({
  values: { ...base, ...v, tags: [...v.tags].sort(), uses: sortUses(v.uses.map((u) => (u.advertiserId ? u : { at: u.at }))) },
  fieldAt: Object.fromEntries(SHARED_FIELDS.map((f) => [f, at])),
  by,
}));
const maybeBase = fc.option(replica.map((r) => r.values), { nil: undefined });

describe('mergeReplicas: properties', () => {
  it('is commutative: which side is "mine" never changes the result', () => {
    fc.assert(
      fc.property(maybeBase, replica, replica, (b, x, y) => {
        const xy = mergeReplicas(b, x, y);
        const yx = mergeReplicas(b, y, x);
        expect(yx.values).toEqual(xy.values);
        expect(yx.by).toBe(xy.by);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: merging a state with itself, or with the result, changes nothing', () => {
    fc.assert(
      fc.property(maybeBase, replica, replica, (b, x, y) => {
        expect(mergeReplicas(b, x, x).values).toEqual(x.values);
        const m = mergeReplicas(b, x, y);
        expect(mergeReplicas(m.values, m, m).values).toEqual(m.values);
      }),
      { numRuns: 400 },
    );
  });

  it('drops nothing: every use and note text either side added survives', () => {
    fc.assert(
      fc.property(maybeBase, replica, replica, (b, x, y) => {
        const m = mergeReplicas(b, x, y);
        const key = (u: { at: number; advertiserId?: string }) => `${u.at}|${u.advertiserId ?? ''}`;
        const baseUses = new Set((b?.uses ?? []).map(key));
        for (const side of [x, y]) {
          for (const u of side.values.uses) if (!baseUses.has(key(u))) expect(m.values.uses.map(key)).toContain(key(u));
          if (side.values.notes && side.values.notes !== b?.notes) expect(m.values.notes).toContain(side.values.notes);
        }
      }),
      { numRuns: 400 },
    );
  });
});
