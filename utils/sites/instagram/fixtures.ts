import type { SiteFixtures } from '../site-fixtures';
import { instagramSite } from './reader';
import { INSTAGRAM } from './selectors';

const THREAD = 'https://www.instagram.com/direct/t/17842501234567890/';

/** Saved Instagram DM pages (see utils/sites/site-fixtures.ts). */
export const INSTAGRAM_FIXTURES: SiteFixtures = {
  selectors: INSTAGRAM,
  reader: (url) => instagramSite(() => url),
  pages: [
    {
      // 2026: column-reverse list, one [role=group] per message, avatar link on received rows.
      file: 'instagram/dm-2026.html', url: THREAD, units: 1,
      matches: { app: 1, conversation: 1, row: 6, text: 6, rowSender: 5, partner: 1, timeDivider: 2, messageId: 6 },
    },
    {
      // 2025 grid (fallbacks): role=grid/row/gridcell; only the header links a profile.
      file: 'instagram/thread.html', url: THREAD, units: 1,
      matches: { app: 1, conversation: 1, row: 9, text: 7, rowSender: 1, partner: 1, timeDivider: 2, messageId: 0 },
    },
  ],
};
