import { browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { findByCodes } from '@/utils/vault/queries';
import { getSettings } from '@/utils/settings';
import { withSentAt } from '@/utils/sent-at';
import { credentialsReady, getApiCredentials } from '@/utils/api-settings';
import { connectedAccounts, getAccountsStore } from '@/utils/tiktok-accounts';
import { TIKTOK_API_PERMISSION } from '@/utils/tiktok-api';
import { applyLink } from '@/utils/apply-link';
import { resolveLanguage, translator } from '@/utils/i18n';
import type { Handlers } from './router';

/**
 * The Save bar's "Apply to ad accounts…" (mail and chat pages): the page only learns whether the
 * item is worth showing, then hands over the codes; the background saves them if needed and opens
 * the dashboard's Apply dialog for them. No request to TikTok is made here (the dialog makes them).
 */
export function applyFromPageHandlers(db: CodesDb, changed: () => Promise<void> | void): Pick<Handlers, 'applyReady' | 'applyFromPage'> {
  async function ready(): Promise<boolean> {
    const creds = await getApiCredentials();
    if (!credentialsReady(creds) || !connectedAccounts(creds, await getAccountsStore()).length) return false;
    return browser.permissions.contains({ origins: [TIKTOK_API_PERMISSION] });
  }
  return {
    applyReady: () => ready(),
    async applyFromPage({ captures }) {
      const { defaultPeriodDays, language } = await getSettings();
      if (!(await ready())) throw new Error(translator(resolveLanguage(language, globalThis.navigator?.languages)).t('apConnectFirst'));
      const results = await saveCaptures(db, captures.map(withSentAt), Date.now(), defaultPeriodDays);
      await changed();
      const codes = results.filter((r) => r.outcome !== 'invalid').map((r) => r.code);
      const ids = (await findByCodes(db, codes)).map((r) => r.id!);
      if (ids.length) await browser.tabs.create({ url: browser.runtime.getURL(applyLink(ids) as '/dashboard.html') });
      return results;
    },
  };
}
