// A full disk or a closed database must never leave the vault half-written, and the person who
// clicked Save / Undo / Import must read what happened in words, not "QuotaExceededError".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import type { AdCodeRecord } from '@/utils/code-record';
import { commitImport, deleteCodes, restoreDeleted, saveCaptures } from '@/utils/vault/commands';
import { CLOSED_MESSAGE, QUOTA_MESSAGE } from '@/utils/storage-errors';
import { makeCode, NOW, record } from './dashboard-fixtures';
import { GMAIL_TAB, startBackground } from './protocol-fuzz.harness';

const quotaError = () => new DOMException('The operation failed because the quota was exceeded.', 'QuotaExceededError');

/**
 * The browser refusing writes once `budget` more rows have been written: whole requests fail as
 * IndexedDB's put() does when the quota is hit, and inside a bulk request only the rows past the
 * budget fail (IndexedDB reports each request of a bulk separately).
 */
function diskFullAfter(rows: { budget: number }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'disk-full',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            const n = req.values.length;
            if (rows.budget >= n) {
              rows.budget -= n;
              return table.mutate(req);
            }
            if (n === 1) throw quotaError();
            // Write what fits, report the rest as failed, like a bulk of separate IDB requests.
            const fits = Math.max(0, rows.budget);
            rows.budget = 0;
            const head = await table.mutate({ ...req, values: req.values.slice(0, fits), keys: req.keys?.slice(0, fits) } as DBCoreMutateRequest);
            const failures: Record<number, Error> = {};
            for (let i = fits; i < n; i++) failures[i] = quotaError();
            return { numFailures: n - fits, failures, results: head.results, lastResult: head.lastResult };
          },
        };
      },
    }),
  };
}

const sorted = (rows: AdCodeRecord[]) => [...rows].sort((a, b) => a.code.localeCompare(b.code));
const capture = (seed: number) => ({ code: makeCode(seed), periodDays: 30 as const, sentAt: NOW, source: { kind: 'gmail' as const, subject: `Code ${seed}` } });

let db: CodesDb;
let disk: { budget: number };
let before: AdCodeRecord[];

beforeEach(async () => {
  fakeBrowser.reset();
  db = openCodesDb(`quota-${Math.random()}`);
  disk = { budget: Infinity };
  // Middleware only applies to a database opened after it is added.
  db.use(diskFullAfter(disk));
  await db.codes.bulkAdd([1, 2, 3].map((s) => record({ code: makeCode(s), notes: `note ${s}` })));
  before = sorted(await db.codes.toArray());
});
afterEach(() => db.close());

describe('storage quota errors', () => {
  it('saving several codes: all or nothing, and the sender reads a clear message', async () => {
    const bg = startBackground(db);
    disk.budget = 2; // the third new code does not fit
    const reply = await bg.request('saveCodes', { captures: [10, 11, 12, 13].map(capture) }, GMAIL_TAB);
    expect(reply?.err?.message).toBe(QUOTA_MESSAGE);
    expect(sorted(await db.codes.toArray())).toEqual(before);
    expect(bg.changed).not.toHaveBeenCalled();
    bg.stop();

    // With space again, the same save succeeds in full.
    disk.budget = Infinity;
    expect((await saveCaptures(db, [10, 11, 12, 13].map(capture), NOW)).map((r) => r.outcome)).toEqual(['saved', 'saved', 'saved', 'saved']);
  });

  it('undo of a delete restores every row or none', async () => {
    const { undoToken } = await deleteCodes(db, before.map((r) => r.id!), NOW);
    disk.budget = 1;
    await expect(restoreDeleted(db, undoToken, NOW)).rejects.toThrow();
    expect(await db.codes.count()).toBe(0);

    disk.budget = Infinity;
    await restoreDeleted(db, undoToken, NOW);
    expect(sorted(await db.codes.toArray())).toEqual(before);
  });

  it('an import that runs out of space imports nothing', async () => {
    disk.budget = 3;
    const incoming = [20, 21, 22, 23, 24].map((s) => record({ code: makeCode(s) }));
    await expect(commitImport(db, incoming, NOW)).rejects.toThrow();
    expect(sorted(await db.codes.toArray())).toEqual(before);
  });

  it('an edit that cannot be written leaves the record as it was', async () => {
    const bg = startBackground(db);
    disk.budget = 0;
    const id = before[0].id!;
    const edit = await bg.request('updateCode', { id, patch: { notes: 'renewed until March', expiresAt: NOW + 1 } });
    const usage = await bg.request('setUsage', { id, used: true, advertiserId: '7001' });
    const bulk = await bg.request('bulkEditCodes', { ids: before.map((r) => r.id!), edit: { kind: 'addTag', tag: 'Spring' } });
    for (const reply of [edit, usage, bulk]) expect(reply?.err?.message).toBe(QUOTA_MESSAGE);
    expect(sorted(await db.codes.toArray())).toEqual(before);
    bg.stop();
  });
});

describe('a closed database', () => {
  it('refuses with a clear message and writes nothing', async () => {
    const bg = startBackground(db);
    db.close();
    const save = await bg.request('saveCodes', { captures: [capture(30)] }, GMAIL_TAB);
    expect(save?.err?.message).toBe(CLOSED_MESSAGE);
    // A read too (from an extension page: content scripts may not look codes up).
    const find = await bg.request('savedCodes', { codes: [makeCode(1)] });
    expect(find?.err?.message).toBe(CLOSED_MESSAGE);
    bg.stop();

    await db.open();
    expect(sorted(await db.codes.toArray())).toEqual(before);
  });

  it('messages that are not about storage keep their own wording', async () => {
    const bg = startBackground(db);
    const reply = await bg.request('importCodes', { records: [{ ...record({ code: '#not-a-code-at-all' }) }] });
    expect(reply?.err?.message).toMatch(/not an ad code; nothing was imported|invalid data/);
    bg.stop();
  });
});
