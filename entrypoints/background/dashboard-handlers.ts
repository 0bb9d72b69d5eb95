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
    let added = 0;
    let merged = 0;
    for (const [i, incoming] of records.entries()) {
      const code = normalizeAdCode(incoming.code);
      if (!code) throw new Error(`Record ${i + 1} is not an ad code; nothing was imported.`);
      const record = { ...incoming, code };
      const existing = await db.codes.where('code').equals(code).first();
      if (existing) {
        await db.codes.put({ ...mergeImported(existing, record), updatedAt: Math.max(now, existing.updatedAt) });
        merged++;
      } else {
        await db.codes.add({ ...record } as AdCodeRecord);
        added++;
      }
    }
    return { added, merged };
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
