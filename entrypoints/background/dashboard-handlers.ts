import type { AdCodeRecord } from '@/utils/code-record';
import type { CodesDb } from '@/utils/codes-db';
import { normalizeAdCode } from '@/utils/extract';
import { mergeImported } from '@/utils/import-preview';
import type { StoredRecord } from '@/utils/backup';
import type { BulkEdit } from '@/utils/protocol';
import type { Handlers } from './router';

/** Writes the dashboard asks for. Each runs in one transaction: a failure changes nothing. */

export function applyBulkEdit(r: AdCodeRecord, edit: BulkEdit, now: number): boolean {
  switch (edit.kind) {
    case 'addTag': {
      const tag = edit.tag.trim();
      if (r.tags.includes(tag) || r.tags.length >= 50) return false;
      r.tags = [...r.tags, tag];
      break;
    }
    case 'removeTag':
      if (!r.tags.includes(edit.tag)) return false;
      r.tags = r.tags.filter((t) => t !== edit.tag);
      break;
    case 'archive':
      if (r.archived === edit.archived) return false;
      r.archived = edit.archived;
      break;
    case 'usage':
      if ((r.status === 'used') === edit.used) return false;
      r.status = edit.used ? 'used' : 'unused';
      if (edit.used) r.uses = [...r.uses, { at: now }];
      break;
  }
  r.updatedAt = now;
  return true;
}

export async function bulkEdit(db: CodesDb, ids: number[], edit: BulkEdit, now: number): Promise<number> {
  return db.transaction('rw', db.codes, async () => {
    let changed = 0;
    await db.codes
      .where('id')
      .anyOf(ids)
      .modify((r) => {
        if (applyBulkEdit(r, edit, now)) changed++;
      });
    return changed;
  });
}

/**
 * Adds new codes and merges known ones (same normalized code) in a single transaction.
 * Any bad record throws, which aborts the transaction: the vault is left exactly as it was.
 */
export async function commitImport(db: CodesDb, records: StoredRecord[], now: number): Promise<{ added: number; merged: number }> {
  return db.transaction('rw', db.codes, async () => {
    const incoming = records.map((r, i) => {
      const code = normalizeAdCode(r.code);
      if (!code) throw new Error(`Record ${i + 1} is not an ad code; nothing was imported.`);
      return { ...r, code };
    });
    // One index read for all known codes instead of one per record (10 000 rows in well under a second).
    const known = new Map((await db.codes.where('code').anyOf(incoming.map((r) => r.code)).toArray()).map((r) => [r.code, r]));
    const fresh = new Map<string, AdCodeRecord>();
    const merged = new Map<string, AdCodeRecord>();
    for (const r of incoming) {
      const base = merged.get(r.code) ?? known.get(r.code);
      if (base) merged.set(r.code, { ...mergeImported(base, r), updatedAt: Math.max(now, base.updatedAt) });
      else if (fresh.has(r.code)) fresh.set(r.code, mergeImported(fresh.get(r.code)!, r));
      else fresh.set(r.code, { ...r } as AdCodeRecord);
    }
    if (fresh.size) await db.codes.bulkAdd([...fresh.values()]);
    if (merged.size) await db.codes.bulkPut([...merged.values()]);
    return { added: fresh.size, merged: merged.size };
  });
}

export function dashboardHandlers(db: CodesDb, changed: () => Promise<void> | void): Handlers {
  return {
    async bulkEditCodes({ ids, edit }) {
      const n = await bulkEdit(db, ids, edit, Date.now());
      await changed();
      return { changed: n };
    },
    async importCodes({ records }) {
      const result = await commitImport(db, records as StoredRecord[], Date.now());
      await changed();
      return result;
    },
  };
}
