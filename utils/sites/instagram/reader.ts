import { chatSite, handleOf, type ChatReader, type RowFacts } from '../../capture/chat-site';
import { cleanText, firstMatch } from '../../capture/dom';
import type { SiteAdapter } from '../../capture/types';
import { INSTAGRAM } from './selectors';

/** Own bubbles hug the right: some element in the row is pushed to the end. */
function hugsRight(row: Element): boolean {
  const view = row.ownerDocument.defaultView;
  for (const el of row.querySelectorAll<HTMLElement>('[role="none"], [style*="justify-content"]')) {
    if (/flex-end|end|right/.test(el.style.justifyContent || (view?.getComputedStyle(el).justifyContent ?? ''))) return true;
  }
  return false;
}

/**
 * Received rows carry the avatar's "Open the profile page of <username>" link. Without it, a
 * row pushed to the right is ours; anything else continues the run above it.
 */
function rowFacts(row: Element): RowFacts {
  const id = firstMatch(row, INSTAGRAM.messageId)?.id || undefined;
  const link = firstMatch(row, INSTAGRAM.rowSender);
  if (link) {
    const handle = handleOf(link);
    const name = cleanText(link.getAttribute('aria-label')?.replace(/^Open the profile page of\s*/i, ''));
    return { senderHandle: handle, senderName: name ?? handle, id };
  }
  return hugsRight(row) ? { self: true, id } : { id };
}

export const INSTAGRAM_READER: ChatReader = {
  kind: 'instagram',
  selectors: INSTAGRAM,
  isActive: (url) => url.hostname === 'www.instagram.com' && INSTAGRAM.activePaths.some((p) => url.pathname.startsWith(p)),
  rowFacts,
  newestFirst: true,
};

/** The 2025 grid was drawn top-down; the 2026 list is column-reverse (newest first in the DOM). */
export function instagramSite(pageUrl?: () => string, now?: () => number): SiteAdapter {
  const topDown = chatSite({ ...INSTAGRAM_READER, newestFirst: false }, pageUrl, now);
  const bottomUp = chatSite(INSTAGRAM_READER, pageUrl, now);
  const pick = (doc: Document) => (doc.querySelector('[data-pagelet="IGDMessagesList"]') ? bottomUp : topDown);
  return { ...bottomUp, findUnits: (doc) => pick(doc).findUnits(doc) };
}
