import { describe, expect, it } from 'vitest';
import { readRow, rowOf, SHEET_COLUMNS, col, type SheetColumn } from '@/utils/team-sheet/row';
import { recordFromShared, sharedOf } from '@/utils/team-sheet/shared';
import { computeExpiry } from '@/utils/expiry';
import { makeCode, NOW, record } from './dashboard-fixtures';

const ctx = { zone: 'UTC', now: NOW };
const typed = (cells: Partial<Record<SheetColumn, string>>) => SHEET_COLUMNS.map((c) => cells[c] ?? '');

describe('team sheet rows', () => {
  it('a record survives the trip to a row and back (every shared field, the uses, the field times)', () => {
    const r = record({
      code: makeCode(3),
      creatorHandle: '@ana.k',
      notes: '=not a formula, "quoted", line\nbreak',
      tags: ['Q4', 'launch'],
      uses: [{ at: NOW - 5, advertiserId: '7001' }, { at: NOW - 1 }],
      status: 'used',
      source: { kind: 'gmail', senderName: 'Ana', senderEmail: 'ana@example.com', subject: 'Spark code', url: 'https://mail.google.com/mail/u/0/#inbox/1' },
    });
    const s = sharedOf(r);
    const row = rowOf(s, { updatedAt: NOW, updatedBy: 'me@x.com', fieldAt: { notes: NOW - 3 } });
    expect(row[col('usage')]).toBe('used');
    expect(row[col('record_id')]).toBe(r.code);
    const back = readRow(row, ctx);
    expect(back).toMatchObject({ kind: 'code', typed: false, id: r.code, values: s, meta: { updatedAt: NOW, updatedBy: 'me@x.com', fieldAt: { notes: NOW - 3 } } });
  });

  it('a hand-typed row (no id) is read with the import value readers', () => {
    const read = readRow(typed({ code: makeCode(4), tiktok_handle: '@Bea', period_days: '60 days', received_at: '2026-11-01', usage: 'used', notes: 'typed by Bea' }), ctx);
    expect(read.kind).toBe('code');
    if (read.kind !== 'code') return;
    expect(read.typed).toBe(true);
    expect(read.values).toMatchObject({ code: makeCode(4), creatorHandle: '@bea', periodDays: 60, notes: 'typed by Bea', uses: [{ at: NOW }] });
    expect(new Date(read.values.receivedAt).toISOString().slice(0, 10)).toBe('2026-11-01');
    expect(read.values.expiresAt).toBe(computeExpiry(read.values.receivedAt, 60));
    // Every field it fills counts as changed now, so it wins against older edits elsewhere.
    expect(read.meta.fieldAt.notes).toBe(NOW);
  });

  it('a malformed row is refused whole, with a reason for the problems column', () => {
    expect(readRow(typed({ code: 'not a code', notes: 'x' }), ctx)).toEqual({ kind: 'invalid', problem: 'Not imported: “not a code” is not an ad code.' });
    const badDate = readRow(typed({ code: makeCode(5), expires_at: '31/31/2026' }), ctx);
    expect(badDate.kind).toBe('invalid');
    const edited = rowOf(sharedOf(record({ code: makeCode(6) })), { updatedAt: NOW, updatedBy: 'a', fieldAt: {} });
    edited[col('uses')] = '[oops';
    expect(readRow(edited, ctx)).toMatchObject({ kind: 'invalid', id: makeCode(6) });
    expect(readRow(typed({}), ctx)).toEqual({ kind: 'empty' });
  });

  it('applying the team version keeps local-only fields and derives the status from uses', () => {
    const local = record({ code: makeCode(7), alertsSent: [7], verified: { checkedAt: NOW } });
    const team = { ...sharedOf(local), uses: [{ at: NOW }], notes: 'from Bea' };
    const next = recordFromShared(local, team, NOW + 1);
    expect(next).toMatchObject({ status: 'used', notes: 'from Bea', alertsSent: [7], verified: { checkedAt: NOW }, updatedAt: NOW + 1 });
    const fresh = recordFromShared(undefined, team, NOW + 1);
    expect(fresh).toMatchObject({ code: makeCode(7), status: 'used', createdAt: NOW + 1 });
  });
});
