import type { CodesDb } from '@/utils/vault/db';
import { bulkEdit, commitImport } from '@/utils/vault/commands';
import { ImportStage } from '@/utils/vault/import-stage';
import type { Handlers } from './router';

/** Writes the dashboard asks for. Each is one vault command (one transaction): a failure changes nothing. */
export function dashboardHandlers(db: CodesDb, changed: () => Promise<void> | void): Handlers {
  // A big import arrives in chunks; they wait here and go into the vault in one transaction at the end.
  const stage = new ImportStage();
  return {
    async bulkEditCodes({ ids, edit }) {
      const n = await bulkEdit(db, ids, edit, Date.now());
      await changed();
      return { changed: n };
    },
    async importCodes({ records, importId, more, cancel }) {
      const now = Date.now();
      if (importId && cancel) {
        stage.drop(importId);
        return { added: 0, merged: 0, staged: 0 };
      }
      if (importId && more) return { added: 0, merged: 0, staged: stage.add(importId, records, now) };
      const all = importId ? [...stage.take(importId, now), ...records] : records;
      if (!all.length) return { added: 0, merged: 0 };
      const result = await commitImport(db, all, now);
      await changed();
      return result;
    },
  };
}
