import { chatSite, handleOf, type ChatReader } from '../../capture/chat-site';
import { cleanText, firstMatch } from '../../capture/dom';
import type { SiteAdapter } from '../../capture/types';
import { TIKTOK_DM } from './selectors';

/**
 * Who sent a row: its profile link (in the row or its [data-index] wrapper). Accounts differ on
 * whether own rows carry one, so a row is ours only when it links someone other than the
 * header's handle; a row without a link says nothing and the sender above carries forward.
 */
function rowFacts(row: Element): ReturnType<NonNullable<ChatReader['rowFacts']>> {
  const wrapper = firstMatch(row, TIKTOK_DM.rowSender) ? row : (row.closest(TIKTOK_DM.rowWrapper.join(',')) ?? row);
  const link = firstMatch(wrapper, TIKTOK_DM.rowSender);
  const handle = link ? handleOf(link) : undefined;
  if (!handle) return {};
  const doc = row.ownerDocument;
  const partnerEl = firstMatch(doc, TIKTOK_DM.partner);
  const partner = partnerEl ? handleOf(partnerEl) : undefined;
  if (partner && handle !== partner) return { self: true };
  const name = partner ? cleanText(firstMatch(doc, TIKTOK_DM.partnerName)?.textContent) : undefined;
  return { senderHandle: handle, senderName: name ?? handle };
}

export const TIKTOK_DM_READER: ChatReader = {
  kind: 'tiktok-dm',
  selectors: TIKTOK_DM,
  isActive: (url) => url.hostname === 'www.tiktok.com',
  rowFacts,
};

export function tiktokDmSite(pageUrl?: () => string, now?: () => number): SiteAdapter {
  return chatSite(TIKTOK_DM_READER, pageUrl, now);
}
