import type { SiteFixtures } from '../site-fixtures';
import { tiktokShopSite } from './reader';
import { TIKTOK_SHOP } from './selectors';

/** Saved TikTok Shop chat pages (see utils/sites/site-fixtures.ts). */
export const TIKTOK_SHOP_FIXTURES: SiteFixtures = {
  selectors: TIKTOK_SHOP,
  reader: (url) => tiktokShopSite(() => url),
  // No saved Seller Center chat exists (its message DOM is unknown): its generic lists are fallbacks only.
  pages: [
    {
      file: 'tiktok-shop/affiliate-im.html', url: 'https://affiliate-us.tiktok.com/seller/im?shop_region=US&creator_id=7439000000000000001', units: 1,
      // 5 rows, 4 with text (one is an image); time labels on 3 rows only.
      matches: { app: 1, conversation: 1, row: 5, text: 4, self: 2, rowTime: 3, contactName: 1, contactHandle: 1 },
    },
  ],
};
