import { browser, type Browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { extractAdCodes } from '@/utils/extract';
import { getSettings } from '@/utils/settings';

export const SAVE_SELECTION_MENU = 'save-selection-as-ad-code';

export function createContextMenu() {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: SAVE_SELECTION_MENU, title: 'Save as ad code', contexts: ['selection'] }),
  );
}

/**
 * The menu's selectionText flattens line breaks, which can glue a wrapped code to the next
 * word; with activeTab we can read the real selection once the user has clicked the menu.
 */
async function selectedText(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<string> {
  if (tab?.id !== undefined) {
    try {
      const [res] = await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: info.frameId !== undefined ? [info.frameId] : undefined },
        func: () => getSelection()?.toString() ?? '',
      });
      if (typeof res?.result === 'string' && res.result.trim()) return res.result;
    } catch {
      // Pages such as the Web Store refuse scripting; the menu's own text still works.
    }
  }
  return info.selectionText ?? '';
}

export async function saveSelection(
  db: CodesDb,
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  changed: () => Promise<void> | void,
) {
  const text = await selectedText(info, tab);
  const found = extractAdCodes(text);
  let message: string;
  if (!found.length) {
    message = 'No ad code in the selection. A code starts with # followed by about 64 letters and digits.';
  } else {
    const { defaultPeriodDays } = await getSettings();
    const pageUrl = info.pageUrl ?? tab?.url;
    const results = await saveCaptures(
      db,
      found.map((c) => ({
        ...c,
        source: { kind: 'selection' as const, url: pageUrl?.startsWith('http') ? pageUrl : undefined, subject: tab?.title },
      })),
      Date.now(),
      defaultPeriodDays,
    );
    await changed();
    const saved = results.filter((r) => r.outcome === 'saved').length;
    const known = results.filter((r) => r.outcome === 'updated').length;
    message = [saved && `${saved} code${saved === 1 ? '' : 's'} saved`, known && `${known} already saved`].filter(Boolean).join(', ') + '.';
  }
  await browser.notifications.create(`selection-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Ad Code Keeper',
    message,
  });
}
