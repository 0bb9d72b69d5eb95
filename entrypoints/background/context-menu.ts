import { browser, type Browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { extractAdCodes } from '@/utils/extract';
import { getSettings } from '@/utils/settings';
import { resolveLanguage, translator, type Translator } from '@/utils/i18n';

export const SAVE_SELECTION_MENU = 'save-selection-as-ad-code';

async function userTranslator(): Promise<Translator> {
  return translator(resolveLanguage((await getSettings()).language, globalThis.navigator?.languages));
}

export async function createContextMenu() {
  const { t } = await userTranslator();
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SAVE_SELECTION_MENU, title: t('menuSaveSelection'), contexts: ['selection'] });
}

/** The menu speaks the language chosen in Settings, also right after it changes. */
export async function retitleContextMenu() {
  const { t } = await userTranslator();
  await browser.contextMenus.update(SAVE_SELECTION_MENU, { title: t('menuSaveSelection') }).catch(() => undefined);
}

/** What the notification after "Save as ad code" says. */
export function selectionResultMessage(tr: Translator, found: number, saved: number, known: number): string {
  if (!found) return tr.t('selectionNoCode');
  return `${[saved && tr.tn('selectionSaved', saved), known && tr.tn('selectionKnown', known)].filter(Boolean).join(', ')}.`;
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
  const tr = await userTranslator();
  let message: string;
  if (!found.length) {
    message = selectionResultMessage(tr, 0, 0, 0);
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
    message = selectionResultMessage(tr, found.length, saved, known);
  }
  await browser.notifications.create(`selection-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tr.t('appName'),
    message,
  });
}
