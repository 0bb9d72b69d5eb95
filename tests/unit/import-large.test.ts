// Issue 12.3: imports and restores of 200,000 codes. The dashboard sends them in chunks under one
// import id; the background stages the chunks and writes them in one transaction at the end, so a
// failure or cancel midway leaves the vault exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { readAllCodes } from '@/utils/vault/queries';
import { BATCH } from '@/utils/vault/limits';
import type { StoredRecord } from '@/utils/vault/schema';
import type { ImportChunk } from '@/utils/protocol';
import { newImportId, sendImportInChunks, type ImportProgress } from '@/utils/import-chunks';
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
  it('commits 200,000 codes in chunks with progress, and every one is stored', async () => {
    const bg = startBackground(db);
    const sent: ImportChunk[] = [];
    const progress: ImportProgress[] = [];
    const all = records(200_000);
    const res = await sendImportInChunks(all, sender(bg, sent), newImportId, (p) => progress.push(p));
    expect(res).toEqual({ added: 200_000, merged: 0 });
    expect(sent.length).toBe(Math.ceil(200_000 / BATCH.import));
    expect(sent.every((c) => c.records.length <= BATCH.import)).toBe(true);
    expect(progress.at(-1)).toEqual({ sent: 200_000, total: 200_000, committing: false });
    expect(progress.some((p) => p.committing)).toBe(true);
    expect(progress.map((p) => p.sent)).toEqual([...progress.map((p) => p.sent)].sort((a, b) => a - b));
    const stored = await readAllCodes(db);
    expect(stored).toHaveLength(200_000);
    const byCode = new Map(stored.map((r) => [r.code, r]));
    for (const i of [0, 1, 99_999, 150_001, 199_999]) expect(byCode.get(all[i].code)).toMatchObject({ ...all[i] });
    bg.stop();
  }, 900_000); // fake-indexeddb writes 200,000 rows slowly (about 1 to 5 minutes on a loaded 2-core machine)

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
    const finish = await bg.request('importCodes', { importId: cancel.importId, records: [] });
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
    await expect(send({ importId, records: last })).rejects.toThrow(/disk trouble/);
    expect(await readAllCodes(db)).toEqual(snapshot);
    expect(await send({ importId, records: [] })).toEqual({ added: 0, merged: 0 }); // the stage is gone
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
    expect(await send({ importId, records: [] })).toEqual({ added: 0, merged: 0 });
    expect(await readAllCodes(db)).toEqual([]);
    bg.stop();
  });
});
