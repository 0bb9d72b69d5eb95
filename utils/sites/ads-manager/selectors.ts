import { closestDeep } from '../../deep-dom';

/**
 * The few stable hooks Ads Manager exposes, as data. Each list is tried in order: the first
 * entries are what the live UI uses today (vi- kit, data-testid), the later ones are generic
 * fallbacks for a rebuilt UI. fixtures.ts states how many matches each one has on every saved
 * page kind, and tests/unit/ads-manager-site.test.ts checks it, so a drifting selector shows.
 */
export const SELECTORS = {
  /** Dialogs and drawers (the Smart+ media drawer is `.sideslip`). */
  dialog: ['dialog', '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', '.vi-dialog', '.sideslip'],
  /** The "form item" around one field: its label and its error line live here. */
  formItem: ['.vi-form-item', '[class*="form-item" i]:not([class*="__"])', '[class*="formItem"]'],
  formItemLabel: ['.vi-form-item__label', 'label'],
  /** Where TikTok writes why a code was refused, under the field. */
  fieldError: ['.vi-form-item__error', '[role="alert"]', '[class*="error" i]'],
  /** Anything a person clicks as a button; ks- web components hold a real <button> in their shadow root. */
  button: ['button, [role="button"]'],
  /**
   * Buttons that commit codes whatever the UI language: Smart+ "Add TikTok posts", the media
   * drawer's final "Confirm", the creative library's confirm.
   */
  commitButton: [
    '[data-testid*="native-batch-authorize"].vi-button--primary',
    '[data-testid="hybrid-drawer-footer-submit-button"]',
    '[data-testid="creative_detail_libraryConfirm"]',
  ],
  /** The Smart+ code textarea (placeholder wording "TikTok post code", one per line). */
  smartPlusCodes: ['textarea[placeholder*="TikTok post code" i]'],
  /** The media drawer's "TikTok posts" tab. */
  tiktokPostsTab: ['#tab-tiktok_mixed_post'],
} as const satisfies Record<string, readonly string[]>;

export type SelectorName = keyof typeof SELECTORS;

/** One selector string for `matches`/`querySelectorAll`: any of the entries (dialogs, buttons, commit hooks). */
export const anyOf = (name: SelectorName): string => SELECTORS[name].join(', ');

/** The nearest ancestor matching the first entry that matches at all: a fallback only when the live hook is gone. */
export function closestInOrder(el: Element, name: SelectorName): Element | undefined {
  for (const selector of SELECTORS[name]) {
    const hit = closestDeep(el, selector);
    if (hit) return hit;
  }
  return undefined;
}
