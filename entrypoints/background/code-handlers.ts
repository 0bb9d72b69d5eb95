import type { CodesDb } from '@/utils/vault/db';
import { deleteCodes, editCode, restoreDeleted, saveCaptures, setUsage } from '@/utils/vault/commands';
import { loadPopupView, savedAmong } from '@/utils/vault/queries';
import { getSettings } from '@/utils/settings';
import { withSentAt } from '@/utils/sent-at';
import type { Handlers } from './router';

/** Handlers for saving, reading (the popup's lists) and editing codes. `changed` runs after every write (badge, alarms). */
export function codeHandlers(db: CodesDb, changed: () => Promise<void> | void): Handlers {
  return {
    async saveCodes({ captures }) {
      const { defaultPeriodDays } = await getSettings();
      // Page scripts send dates as the page printed them; they are read here (see utils/sent-at.ts).
      const results = await saveCaptures(db, captures.map(withSentAt), Date.now(), defaultPeriodDays);
      await changed();
      return results;
    },
    savedCodes: ({ codes }) => savedAmong(db, codes),
    async popupView({ query, limits }) {
      const { alertWindowDays } = await getSettings();
      return loadPopupView(db, Date.now(), alertWindowDays, query, limits);
    },
    async setUsage({ id, used, advertiserId, uses }) {
      await setUsage(db, id, used, Date.now(), { advertiserId, uses });
      await changed();
    },
    async updateCode({ id, patch }) {
      await editCode(db, id, patch, Date.now());
      await changed();
    },
    async deleteCodes({ ids }) {
      const receipt = await deleteCodes(db, ids, Date.now());
      await changed();
      return receipt;
    },
    async restoreDeleted({ undoToken }) {
      const result = await restoreDeleted(db, undoToken, Date.now());
      await changed();
      return result;
    },
  };
}
