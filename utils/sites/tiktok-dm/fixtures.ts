import type { SiteFixtures } from '../site-fixtures';
import { tiktokDmSite } from './reader';
import { TIKTOK_DM } from './selectors';

/** Saved TikTok message pages (see utils/sites/site-fixtures.ts). */
export const TIKTOK_DM_FIXTURES: SiteFixtures = {
  selectors: TIKTOK_DM,
  reader: (url) => tiktokDmSite(() => url),
  pages: [
    {
      // 2026 dm-new-* DOM; the same page is what the Business Suite frame shows.
      file: 'tiktok-dm/dm-new.html', url: 'https://www.tiktok.com/messages?lang=en&scene=business', units: 1,
      matches: { app: 1, conversation: 1, row: 4, text: 4, partner: 1, partnerName: 1, timeDivider: 2, rowSender: 4, rowWrapper: 6 },
    },
    {
      // January 2026 generation (fallbacks).
      file: 'tiktok-dm/thread.html', url: 'https://www.tiktok.com/messages?lang=en&u=7012345678901234567', units: 1,
      matches: { app: 2, conversation: 1, row: 4, text: 4, partner: 1, partnerName: 1, timeDivider: 1, rowSender: 5, rowWrapper: 0 },
    },
    {
      // The Business Suite top page: the chat is in its frame, so nothing here.
      file: 'tiktok-dm/business-suite.html', url: 'https://www.tiktok.com/business-suite/messages', units: 0,
      matches: { app: 1, conversation: 0, row: 0 },
    },
  ],
};
