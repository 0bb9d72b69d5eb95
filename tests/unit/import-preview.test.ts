import { describe, expect, it } from 'vitest';
import { makeBackup } from '@/utils/backup';
import { mergeImported, previewImportFile } from '@/utils/import-preview';
import type { AdCodeRecord } from '@/utils/code-record';
import { makeCode, NOW, record } from './dashboard-fixtures';

const fmtDate = (ts: number) => new Date(ts).toISOString().slice(0, 10);
const opts = { zone: 'UTC', now: NOW, defaultPeriodDays: 30, fmtDate };
const saved = record({ id: 4, code: makeCode(1), tags: ['Q4'], expiresAt: Date.UTC(2026, 11, 1, 9), updatedAt: NOW - 5000 });
const existing = new Map<string, AdCodeRecord>([[saved.code, saved]]);

describe('previewImportFile (CSV)', () => {
  const csv = [
    'code,creator,expires,tags,notes',
    `${makeCode(2)},@ana,2026-12-20,Launch,`, // add
    `${makeCode(1).slice(1)},@jose.cocina,2026-12-24,Launch; Q4,`, // merge (no # in the sheet)
    'not-a-code,@x,2026-12-20,,', // reject
    `${makeCode(3)},@bad handle!,2026-12-20,,`, // reject
    `${makeCode(4)},@ok,soon,,`, // reject: not a date
    `${makeCode(2)},@ana,2026-12-21,,`, // reject: duplicate in file
  ].join('\n');
  const preview = previewImportFile('codes.csv', csv, existing, opts);
  if (!preview.ok) throw new Error(preview.error);

  it('says row by row what will be added, merged or rejected and why', () => {
    expect(preview.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'add'],
      [3, 'merge'],
      [4, 'reject'],
      [5, 'reject'],
      [6, 'reject'],
      [7, 'reject'],
    ]);
    expect(preview.rows[2].detail).toMatch(/not an ad code/);
    expect(preview.rows[3].detail).toMatch(/not a TikTok handle/);
    expect(preview.rows[4].detail).toMatch(/not a date/);
    expect(preview.rows[5].detail).toBe('same code as row 2 of this file');
  });

  it('describes what a merge changes', () => {
    expect(preview.rows[1].detail).toContain('expiry 2026-12-01 → 2026-12-24');
    expect(preview.rows[1].detail).toContain('tags + Launch');
  });

  it('computes the expiry from the received date when the sheet has none', () => {
    const p = previewImportFile('x.csv', `code,received,period\n${makeCode(9)},2026-11-01 10:00,7\n`, new Map(), opts);
    expect(p.ok && p.rows[0].record).toMatchObject({ receivedAt: Date.UTC(2026, 10, 1, 10), expiresAt: Date.UTC(2026, 10, 8, 10), periodDays: 7, periodAssumed: false });
  });
});

describe('previewImportFile (JSON)', () => {
  it('treats a backup of a known code as a merge, and a broken file as an error', () => {
    const p = previewImportFile('b.json', makeBackup([saved, record({ code: makeCode(5) })], 2, NOW), existing, opts);
    expect(p.ok && p.rows.map((r) => r.outcome)).toEqual(['merge', 'add']);
    expect(previewImportFile('b.json', '{"codes": [', existing, opts)).toEqual({ ok: false, error: expect.stringContaining('not valid JSON') });
  });
});

describe('mergeImported', () => {
  it('the newer side wins field by field; tags, uses and notes are combined', () => {
    const incoming = { ...record({ code: saved.code, tags: ['Launch'], notes: 'from sheet', uses: [{ at: 1 }], expiresAt: Date.UTC(2027, 0, 1), updatedAt: NOW }) };
    delete (incoming as Partial<AdCodeRecord>).id;
    const merged = mergeImported({ ...saved, notes: 'mine', alertsSent: [7] }, incoming);
    expect(merged.id).toBe(4);
    expect(merged.expiresAt).toBe(Date.UTC(2027, 0, 1));
    expect(merged.tags).toEqual(['Q4', 'Launch']);
    expect(merged.notes).toBe('mine\nfrom sheet');
    expect(merged.uses.map((u) => u.at)).toEqual([1, Date.UTC(2026, 10, 2)]);
    // The expiry moved, so alerts re-arm.
    expect(merged.alertsSent).toEqual([]);
  });

  it('an older backup does not overwrite newer edits', () => {
    const old = { ...saved, expiresAt: Date.UTC(2026, 0, 1), updatedAt: NOW - 99_999 };
    expect(mergeImported({ ...saved, updatedAt: NOW }, old).expiresAt).toBe(saved.expiresAt);
  });
});

describe('mergeImported keeps what either side knows about TikTok', () => {
  const base = { ...saved, updatedAt: NOW - 1000 };
  const incomingOf = (over: Partial<AdCodeRecord>) => {
    const r = { ...record({ code: saved.code, updatedAt: NOW, ...over }) };
    delete (r as Partial<AdCodeRecord>).id;
    return r;
  };

  it('an older backup does not forget the ad accounts the saved code is in', () => {
    const mine = { ...base, updatedAt: NOW, accounts: [{ advertiserId: '111', name: 'Brand EU', state: 'applied' as const, at: NOW - 50 }] };
    const older = incomingOf({ updatedAt: NOW - 5000, accounts: [{ advertiserId: '222', state: 'listed', at: NOW - 4000 }] });
    const merged = mergeImported(mine, older);
    expect(merged.accounts?.map((a) => [a.advertiserId, a.state, a.name])).toEqual([
      ['222', 'listed', undefined],
      ['111', 'applied', 'Brand EU'],
    ]);
  });

  it('for the same account the later fact wins and a known name is kept', () => {
    const mine = { ...base, accounts: [{ advertiserId: '111', name: 'Brand EU', state: 'listed' as const, at: NOW - 900 }] };
    const merged = mergeImported(mine, incomingOf({ accounts: [{ advertiserId: '111', state: 'applied', at: NOW - 10 }] }));
    expect(merged.accounts).toEqual([{ advertiserId: '111', name: 'Brand EU', state: 'applied', at: NOW - 10 }]);
  });

  it('history lines from both sides are kept once each, oldest first', () => {
    const line = (at: number, kind: 'listed' | 'applied') => ({ at, actor: 'tiktok' as const, kind, advertiserId: '111' });
    const mine = { ...base, history: [line(NOW - 300, 'listed'), line(NOW - 100, 'applied')] };
    const merged = mergeImported(mine, incomingOf({ history: [line(NOW - 300, 'listed'), line(NOW - 200, 'applied')] }));
    expect(merged.history?.map((h) => h.at)).toEqual([NOW - 300, NOW - 200, NOW - 100]);
  });

  it('a record with no TikTok facts on either side gains no empty lists', () => {
    const merged = mergeImported({ ...base }, incomingOf({}));
    expect('accounts' in merged).toBe(false);
    expect('history' in merged).toBe(false);
  });
});
