import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type PickerPageWords } from '@/utils/protocol';

/** The per-page secret shared with the background and the frame; never put in the page's DOM. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export interface PageRegistration {
  /** Tells the background this page's token; false once the extension is gone from under the page. */
  register(): Promise<boolean>;
  /** The background's words from the last answer; empty (English defaults) until one arrived. */
  readonly words: Partial<PickerPageWords>;
}

/**
 * The page script's registration with the background, which answers with the few words the page
 * shows itself in the user's language: this script stays small by carrying no catalog.
 */
export function pageRegistration(ctx: ContentScriptContext, token: string): PageRegistration {
  let words: Partial<PickerPageWords> = {};
  return {
    get words() {
      return words;
    },
    async register() {
      try {
        // An answer without words (a background from before it sent them) keeps the English ones.
        const answer: Partial<PickerPageWords> | undefined = await sendMessage('pickerRegister', { token });
        words = answer ?? {};
        return true;
      } catch {
        // The extension was updated or removed under this page: reading isValid lets WXT notice
        // and run the clean-up, so the page is left as it was.
        void ctx.isValid;
        return false;
      }
    },
  };
}
