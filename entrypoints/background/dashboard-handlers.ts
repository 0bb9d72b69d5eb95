import type { CodesDb } from '@/utils/vault/db';
import { bulkEdit, commitImport } from '@/utils/vault/commands';
import type { Handlers } from './router';

/** Writes the dashboard asks for. Each is one vault command (one transaction): a failure changes nothing. */
export function dashboardHandlers(db: CodesDb, changed: () => Promise<void> | void): Handlers {
  return {
    async bulkEditCodes({ ids, edit }) {
      const n = await bulkEdit(db, ids, edit, Date.now());
      await changed();
      return { changed: n };
    },
    async importCodes({ records }) {
      const result = await commitImport(db, records, Date.now());
      await changed();
      return result;
    },
  };
}
