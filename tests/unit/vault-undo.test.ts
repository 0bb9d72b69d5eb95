// Issue 12.1: undo restores exactly what was deleted, always. The codes here are the kind the
// extension itself stores (right-click captures of pages with very long titles and URLs, notes
// grown long): before the vault, undo sent them back through a schema that refused them all.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { saveSelection } from '@/entrypoints/background/context-menu';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { deleteCodes, restoreDeleted, saveCaptures } from '@/utils/vault/commands';
import { LIMITS, UNDO_WINDOW_MS } from '@/utils/vault/limits';
import type { DeleteReceipt } from '@/utils/protocol';
import { makeCode } from './dashboard-fixtures';
import { startBackground } from './protocol-fuzz.harness';

const NOW = Date.UTC(2026, 10, 25, 12);
let db: CodesDb;

beforeEach(() => {
  db = openCodesDb(`undo-${Math.random()}`);
  (browser as unknown as { notifications: unknown }).notifications = { create: vi.fn().mockResolvedValue('id') };
  (browser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn().mockRejectedValue(new Error('no access')) };
});

/** 50 right-click captures from pages with 20 000-character titles and 30 000–40 000-character URLs, then long notes. */
async function fiftyLongCodes() {
  for (let i = 0; i < 50; i++) {
    const url = `https://example.com/thread/${i}?q=${'x'.repeat(i % 2 ? 30_000 : 40_000)}`;
    const title = `Campaign ${i} — ${'très long titre '.repeat(1250)}`;
    await saveSelection(db, { menuItemId: 'x', editable: false, pageUrl: url, selectionText: `code ${makeCode(i + 1)}` } as never, { id: 3, url, title } as never, vi.fn());
  }
  // Notes grown by merging captures, up to the limit.
  const note = (i: number) => `${i}: ${'note '.repeat(4000)}`;
  for (let round = 0; round < 2; round++) {
    await saveCaptures(db, Array.from({ length: 50 }, (_, i) => ({ code: makeCode(i + 1), notes: note(i * 10 + round), source: { kind: 'paste' as const } })), NOW);
  }
  return db.codes.orderBy('id').toArray();
}

describe('undo of a delete', () => {
  it('50 codes with very long titles, URLs and notes, deleted and undone through the messages, are identical', async () => {
    const before = await fiftyLongCodes();
    expect(before).toHaveLength(50);
    expect(before[0].source.subject!.length).toBe(LIMITS.subject);
    expect(before[0].notes.length).toBeGreaterThan(39_000);
    // A URL within the limit is kept whole; one past it is left out rather than cut (a cut link leads nowhere).
    expect(before[1].source.url!.length).toBeGreaterThan(30_000);
    expect(before[0].source.url).toBeUndefined();

    const bg = startBackground(db);
    const del = await bg.request('deleteCodes', { ids: before.map((r) => r.id!) });
    const receipt = del?.res as DeleteReceipt;
    expect(receipt.deleted).toBe(50);
    expect(await db.codes.count()).toBe(0);

    const undo = await bg.request('restoreDeleted', { undoToken: receipt.undoToken });
    expect(undo?.err).toBeUndefined();
    expect(undo?.res).toEqual({ restored: 50 });
    expect(await db.codes.orderBy('id').toArray()).toEqual(before);
    bg.stop();
  });

  it('a second undo of the same delete, or one after the undo window, changes nothing and says why', async () => {
    const [a] = await saveCaptures(db, [{ code: makeCode(1), source: { kind: 'paste' } }], NOW);
    const first = await deleteCodes(db, [a.id!], NOW);
    await restoreDeleted(db, first.undoToken, NOW + 1000);
    await expect(restoreDeleted(db, first.undoToken, NOW + 2000)).rejects.toThrow(/Nothing to undo/);
    const late = await deleteCodes(db, [a.id!], NOW);
    await expect(restoreDeleted(db, late.undoToken, NOW + UNDO_WINDOW_MS + 1)).rejects.toThrow(/Nothing to undo/);
    expect(await db.codes.count()).toBe(0);
  });

  it('a code saved again between delete and undo comes back once, keeping what both had', async () => {
    const [a] = await saveCaptures(db, [{ code: makeCode(1), notes: 'from the mail', source: { kind: 'gmail' } }], NOW);
    const { undoToken } = await deleteCodes(db, [a.id!], NOW);
    await saveCaptures(db, [{ code: makeCode(1), notes: 'pasted again', source: { kind: 'paste' } }], NOW + 1000);
    await restoreDeleted(db, undoToken, NOW + 2000);
    const rows = await db.codes.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(a.id);
    expect(rows[0].notes).toContain('from the mail');
    expect(rows[0].notes).toContain('pasted again');
  });

  it('the trash forgets deletes older than the undo window', async () => {
    const [a, b] = await saveCaptures(db, [1, 2].map((s) => ({ code: makeCode(s), source: { kind: 'paste' as const } })), NOW);
    await deleteCodes(db, [a.id!], NOW);
    await deleteCodes(db, [b.id!], NOW + UNDO_WINDOW_MS + 1);
    expect(await db.trash.count()).toBe(1);
  });
});
