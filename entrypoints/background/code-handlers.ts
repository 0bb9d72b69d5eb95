import type { CodesDb } from '@/utils/codes-db';
import { deleteCodes, markUsage, restoreCodes, saveCaptures, savedAmong, updateCode } from '@/utils/code-store';
import type { AdCodeRecord } from '@/utils/code-record';
import { getSettings } from '@/utils/settings';
import type { Handlers } from './router';

/** Handlers for saving and editing codes. `changed` runs after every write (badge, alarms). */
export function codeHandlers(db: CodesDb, changed: () => Promise<void> | void): Handlers {
  return {
    async saveCodes({ captures }) {
      const { defaultPeriodDays } = await getSettings();
      const results = await saveCaptures(db, captures, Date.now(), defaultPeriodDays);
      await changed();
      return results;
    },
    savedCodes: ({ codes }) => savedAmong(db, codes),
    async setUsage({ id, used, advertiserId }) {
      await markUsage(db, id, used, Date.now(), advertiserId);
      await changed();
    },
    async updateCode({ id, patch }) {
      await updateCode(db, id, patch, Date.now());
      await changed();
    },
    async deleteCodes({ ids }) {
      const rows = await deleteCodes(db, ids);
      await changed();
      return rows;
    },
    async restoreCodes({ records }) {
      await restoreCodes(db, records as AdCodeRecord[]);
      await changed();
    },
  };
}
