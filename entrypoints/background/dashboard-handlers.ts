import type { CodesDb } from '@/utils/vault/db';
import { bulkEdit, commitImport, VaultRefused } from '@/utils/vault/commands';
import { ImportStage } from '@/utils/vault/import-stage';
import { interruptedMessage } from '@/utils/import-chunks';
import type { Handlers } from './router';

type CommitImport = typeof commitImport;

/**
 * Writes the dashboard asks for. Each is one vault command (one transaction): a failure changes nothing.
 * `commit` is passed in so tests can drive 200,000 staged records without writing them to fake-indexeddb.
 */
export function dashboardHandlers(db: CodesDb, changed: () => Promise<void> | void, commit: CommitImport = commitImport): Handlers {
  // A big import arrives in chunks; they wait here and go into the vault in one transaction at the end.
  const stage = new ImportStage();
  return {
    async bulkEditCodes({ ids, edit }) {
      const n = await bulkEdit(db, ids, edit, Date.now());
      await changed();
      return { changed: n };
    },
    async importCodes({ records, importId, more, cancel, total }) {
      const now = Date.now();
      if (importId && cancel) {
        stage.drop(importId);
        return { added: 0, merged: 0, staged: 0 };
      }
      if (importId && more) return { added: 0, merged: 0, staged: stage.add(importId, records, now) };
      const all = importId ? stage.take(importId, now) : [];
      for (const r of records) all.push(r);
      // MV3 stops an idle service worker and its memory (the stage) goes with it: a commit that finds
      // fewer records than the dashboard sent writes nothing rather than a part of the file.
      if (total !== undefined && all.length !== total) throw new VaultRefused(interruptedMessage(all.length, total));
      if (!all.length) return { added: 0, merged: 0 };
      const result = await commit(db, all, now);
      // The codes are saved: answer now. Recounting the badge over a fresh 200,000-record vault takes a while,
      // and its failure must not tell the user that a committed import failed.
      void Promise.resolve()
        .then(changed)
        .catch(() => {});
      return result;
    },
  };
}
