import type { CodesDb } from '@/utils/vault/db';
import { savedAmong } from '@/utils/vault/queries';
import { extractAdCodes } from '@/utils/extract';
import { CONTROL_CSS } from '@/utils/capture/styles';
import { contextOf } from '@/utils/capture/code-context';
import { barWords } from '@/utils/i18n/bar/words';
import { resolveLanguage } from '@/utils/i18n/core';
import { getSettings } from '@/utils/settings';
import type { Handlers } from './router';

/**
 * Reads codes out of text that mail and DM pages send. The extractor lives here rather than in
 * those pages' scripts because it is most of their size; the reply also says which codes are
 * saved already, so a page needs one round trip per message.
 */
export function captureHandlers(db: CodesDb): Handlers {
  return {
    async findCodes({ text }) {
      const found = extractAdCodes(text);
      if (!found.length) return [];
      const saved = new Set(
        await savedAmong(
          db,
          found.map((f) => f.code),
        ),
      );
      return found.map((f) => {
        const context = contextOf(text, f.code);
        return { ...f, saved: saved.has(f.code), ...(context ? { context } : {}) };
      });
    },
    /** The bar's stylesheet and its words in the user's UI language (the same choice as describeExpiry's wording). */
    async barKit() {
      const lang = resolveLanguage((await getSettings()).language, globalThis.navigator?.languages);
      return { css: CONTROL_CSS, lang, words: barWords(lang) };
    },
  };
}
