import { chatSite, handleOf, type ChatReader, type RowFacts } from '../../capture/chat-site';
import { cleanText, firstMatch } from '../../capture/dom';
import type { SiteAdapter } from '../../capture/types';
import { TIKTOK_SHOP } from './selectors';

/** Own rows say so; the creator's rows are named by the open contact card. */
function rowFacts(row: Element): RowFacts {
  const label = cleanText(firstMatch(row, TIKTOK_SHOP.rowTime)?.textContent);
  // Labels are in the page's own locale and zone; the background reads them (one it cannot read for sure is left out).
  const time = label ? { dateLabel: label } : {};
  if (TIKTOK_SHOP.self.some((s) => row.matches(s) || row.querySelector(s))) return { self: true, ...time };
  if (!row.matches(TIKTOK_SHOP.row[0])) return time;
  const doc = row.ownerDocument;
  const handleEl = firstMatch(doc, TIKTOK_SHOP.contactHandle);
  const senderHandle = handleEl ? handleOf(handleEl) : undefined;
  return { senderName: cleanText(firstMatch(doc, TIKTOK_SHOP.contactName)?.textContent), senderHandle, ...time };
}

const onShopHost = (url: URL) =>
  TIKTOK_SHOP.affiliateHost.test(url.hostname) || (TIKTOK_SHOP.sellerHost.test(url.hostname) && url.pathname.startsWith('/chat/'));

export const TIKTOK_SHOP_READER: ChatReader = {
  kind: 'tiktok-shop',
  selectors: TIKTOK_SHOP,
  // Affiliate pages anywhere (the chat opens as a panel there too); Seller Center only in its chat.
  isActive: onShopHost,
  rowFacts,
};

export function tiktokShopSite(pageUrl?: () => string, now?: () => number): SiteAdapter {
  return chatSite(TIKTOK_SHOP_READER, pageUrl, now);
}
