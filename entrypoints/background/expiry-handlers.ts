import type { CodesDb } from '@/utils/vault/db';
import { choosePeriod, restoreExpiryBasis, setReceivedAt } from '@/utils/vault/expiry-commands';
import { describeExpiry, isEstimated, shortDay, type DerivationFacts } from '@/utils/expiry-derivation';
import { computeExpiry } from '@/utils/expiry';
import { resolveLanguage, translator } from '@/utils/i18n';
import { resolveZone } from '@/utils/i18n/dates';
import { getSettings } from '@/utils/settings';
import { resolveSentAt } from '@/utils/sent-at';
import type { Handlers } from './router';

/**
 * How an expiry is worked out, and the fixes for it: the Save bar asks here for its wording (so
 * the mail scripts carry no i18n), the popup and drawer send the period chips and the arrival date.
 */
export function expiryHandlers(db: CodesDb, changed: () => Promise<void> | void): Handlers {
  return {
    async describeExpiry({ periodDays, periodChosen, sentAt, sentAtText }) {
      const settings = await getSettings();
      const lang = resolveLanguage(settings.language, globalThis.navigator?.languages);
      const at = resolveSentAt({ sentAt, sentAtText });
      const receivedAt = at ?? Date.now();
      const period = periodDays ?? settings.defaultPeriodDays;
      const facts: DerivationFacts = {
        periodDays: period,
        periodAssumed: periodDays === undefined,
        receivedAt,
        receivedAtUnknown: at === undefined,
        expiresAt: computeExpiry(receivedAt, period),
        expirySource: periodDays === undefined ? 'assumed' : periodChosen ? 'chosen' : 'stated',
      };
      const day = shortDay(lang, resolveZone(settings.timeZone));
      const text = describeExpiry(facts, translator(lang), day);
      return { text, estimated: isEstimated(facts), dateUnknown: at === undefined, ...(at === undefined ? {} : { receivedDay: day(at) }) };
    },
    async choosePeriod({ id, periodDays }) {
      const fix = await choosePeriod(db, id, periodDays, Date.now());
      await changed();
      return { before: fix?.before };
    },
    async setReceivedAt({ id, receivedAt }) {
      const fix = await setReceivedAt(db, id, receivedAt, Date.now());
      await changed();
      return { before: fix?.before };
    },
    async restoreExpiryBasis({ id, basis }) {
      await restoreExpiryBasis(db, id, basis, Date.now());
      await changed();
    },
  };
}
