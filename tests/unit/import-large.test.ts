// Issue 12.3: imports and restores of 200,000 codes. The dashboard sends them in chunks under one
// import id; the background stages the chunks and writes them in one transaction at the end, so a
// failure or cancel midway leaves the vault exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { readAllCodes } from '@/utils/vault/queries';
import { BATCH } from '@/utils/vault/limits';
import type { StoredRecord } from '@/utils/vault/schema';
import type { ImportChunk } from '@/utils/protocol';
import { ImportInterrupted, isImportInterrupted, newImportId, sendImportInChunks, type ImportProgress } from '@/utils/import-chunks';
import { normalizeAdCode } from '@/utils/extract';
import { makeCode, record } from './dashboard-fixtures';
import { startBackground } from './protocol-fuzz.harness';

let db: CodesDb;
beforeEach(() => {
  db = openCodesDb(`import-large-${Math.random()}`);
});
afterEach(() => db.close());

/** n distinct valid codes from seed `from` on (makeCode's rare implausible bodies are skipped). */
function records(n: number, from = 0): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (let seed = from + 1; out.length < n; seed++) {
    const code = makeCode(seed);
    if (!normalizeAdCode(code)) continue;
    const r = record({ code, notes: `row ${seed}`, tags: [] }) as StoredRecord & { id?: number };
    delete r.id;
    out.push(r);
  }
  return out;
}

/** The dashboard's send, through the real background router (messages are JSON-serialized as Chrome does). */
function sender(bg: ReturnType<typeof startBackground>, sent: ImportChunk[] = [], failOn?: (chunk: ImportChunk, n: number) => boolean) {
  return async (chunk: ImportChunk) => {
    sent.push(chunk);
    // A record the schema refuses (a negative period), as a corrupted file or a bug would send.
    const delivered = failOn?.(chunk, sent.length) ? { ...chunk, records: [{ ...chunk.records[0], periodDays: -5 }, ...chunk.records.slice(1)] } : chunk;
    const reply = await bg.request('importCodes', delivered);
    if (!reply || reply.err) throw new Error(reply?.err?.message ?? 'no answer');
    return reply.res as { added: number; merged: number };
  };
}

describe('large imports (issue 12.3)', () => {
  // fake-indexeddb writes about 4,000 rows a second, so the 200,000-record path is proven here up to the commit
  // (router, schema, stage, counts), the commit itself on 20,000 rows below, and 200,000 in Chromium's IndexedDB
  // by tests/e2e/restore-large.test.mjs.
  it('sends 200,000 codes in chunks with progress, and the one commit receives every one of them', async () => {
    const committed: StoredRecord[][] = [];
    const bg = startBackground(db, {
      commitImport: async (_db, recs) => {
        committed.push(recs);
        return { added: recs.length, merged: 0 };
      },
    });
    const sent: ImportChunk[] = [];
    const progress: ImportProgress[] = [];
    const all = records(200_000);
    const res = await sendImportInChunks(all, sender(bg, sent), newImportId, { onProgress: (p) => progress.push(p) });
    expect(res).toEqual({ added: 200_000, merged: 0 });
    expect(sent.length).toBe(Math.ceil(200_000 / BATCH.import));
    expect(sent.every((c) => c.records.length <= BATCH.import)).toBe(true);
    expect(sent.at(-1)).toMatchObject({ total: 200_000 });
    expect(progress.at(-1)).toEqual({ sent: 200_000, total: 200_000, committing: false });
    expect(progress.some((p) => p.committing)).toBe(true);
    expect(progress.map((p) => p.sent)).toEqual([...progress.map((p) => p.sent)].sort((a, b) => a - b));
    expect(committed).toHaveLength(1);
    const [got] = committed;
    expect(got).toHaveLength(200_000);
    expect(new Set(got.map((r) => r.code)).size).toBe(200_000);
    for (const i of [0, 1, 1999, 2000, 99_999, 150_001, 199_999]) expect(got[i]).toEqual(all[i]);
    expect(await db.codes.count()).toBe(0);
    bg.stop();
  }, 120_000);

  it('commits 20,000 codes from chunks into the vault in one step: count and samples', async () => {
    const bg = startBackground(db);
    const all = records(20_000);
    expect(await sendImportInChunks(all, sender(bg), newImportId)).toEqual({ added: 20_000, merged: 0 });
    expect(await db.codes.count()).toBe(20_000);
    for (const i of [0, 1999, 2000, 10_001, 19_999]) {
      expect(await db.codes.where('code').equals(all[i].code).first()).toMatchObject({ ...all[i] });
    }
    bg.stop();
  }, 120_000);

  it('a service worker restarted between chunks loses the stage: the import stops, says so and writes nothing', async () => {
    const before = records(10, 600_000);
    await db.codes.bulkAdd(before.map((r) => ({ ...r })));
    const snapshot = await readAllCodes(db);
    let bg = startBackground(db);
    let delivered = 0;
    const restarting = async (chunk: ImportChunk) => {
      if (++delivered === 3) {
        bg.stop();
        bg = startBackground(db); // a fresh worker: a fresh, empty stage
      }
      return sender(bg)(chunk);
    };
    const err = await sendImportInChunks(records(BATCH.import * 5), restarting, newImportId).catch((e: Error) => e);
    expect(err).toBeInstanceOf(ImportInterrupted);
    expect(isImportInterrupted(err)).toBe(true);
    expect((err as Error).message).toMatch(/The import was interrupted: .* holds 2000 of the 10000 codes sent .* nothing was imported\. Try again\./);
    expect(await readAllCodes(db)).toEqual(snapshot);
    bg.stop();
  });

  it('a last chunk that reaches a restarted worker is refused: the staged count is not the declared total', async () => {
    const before = records(10, 600_000);
    await db.codes.bulkAdd(before.map((r) => ({ ...r })));
    const snapshot = await readAllCodes(db);
    const send = sender(startBackground(db));
    const importId = newImportId();
    await send({ importId, more: true, records: records(BATCH.import) });
    const restarted = startBackground(db);
    const err = await sender(restarted)({ importId, records: records(10, 700_000), total: BATCH.import + 10 }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^The import was interrupted: .* holds 10 of the 2010 codes sent/);
    expect(isImportInterrupted(err)).toBe(true);
    expect(await readAllCodes(db)).toEqual(snapshot);
    // A last chunk without its declared total is not a message the background accepts.
    expect((await restarted.request('importCodes', { importId, records: records(1) }))?.err?.message).toMatch(/invalid data/);
    restarted.stop();
  });

  it('a chunk refused midway leaves the vault exactly as before, and the stage is dropped', async () => {
    const before = records(50, 900_000);
    await db.codes.bulkAdd(before.map((r) => ({ ...r })));
    const snapshot = await readAllCodes(db);
    const bg = startBackground(db);
    const sent: ImportChunk[] = [];
    const incoming = [...records(BATCH.import * 4), ...before.map((r) => ({ ...r, notes: 'changed' }))];
    await expect(sendImportInChunks(incoming, sender(bg, sent, (_c, n) => n === 3), newImportId)).rejects.toThrow(/invalid data/);
    expect(await readAllCodes(db)).toEqual(snapshot);
    // The dashboard cancelled the stage: finishing that import now commits nothing of the first chunks.
    const cancel = sent.at(-1)!;
    expect(cancel).toMatchObject({ cancel: true, records: [] });
    const finish = await bg.request('importCodes', { importId: cancel.importId, records: [], total: 0 });
    expect(finish?.res).toEqual({ added: 0, merged: 0 });
    expect(await readAllCodes(db)).toEqual(snapshot);
    bg.stop();
  });

  it('a last chunk the vault refuses aborts the one transaction: nothing of the staged chunks is written', async () => {
    const before = records(20, 800_000);
    await db.codes.bulkAdd(before.map((r) => ({ ...r })));
    const snapshot = await readAllCodes(db);
    const bg = startBackground(db);
    const send = sender(bg);
    const importId = newImportId();
    await send({ importId, more: true, records: records(BATCH.import) });
    await send({ importId, more: true, records: before.map((r) => ({ ...r, notes: 'merged in' })) });
    // The disk fails on one record of the final write (as a full disk would, mid-transaction).
    const last = records(10, 700_000);
    db.codes.hook('creating', (_key, obj) => {
      if (obj.code === last[5].code) throw new Error('disk trouble');
    });
    await expect(send({ importId, records: last, total: BATCH.import + 30 })).rejects.toThrow(/disk trouble/);
    expect(await readAllCodes(db)).toEqual(snapshot);
    expect(await send({ importId, records: [], total: 0 })).toEqual({ added: 0, merged: 0 }); // the stage is gone
    bg.stop();
  });

  it('a chunk with a bad code is refused when it arrives, naming the record', async () => {
    const bg = startBackground(db);
    const send = sender(bg);
    const importId = newImportId();
    await send({ importId, more: true, records: records(10) });
    const bad = records(5, 500);
    bad[2] = { ...bad[2], code: 'not a code' };
    await expect(send({ importId, more: true, records: bad })).rejects.toThrow(/Record 13 is not an ad code; nothing was imported/);
    expect(await send({ importId, records: [], total: 0 })).toEqual({ added: 0, merged: 0 });
    expect(await readAllCodes(db)).toEqual([]);
    bg.stop();
  });
});
