import type { SiteFixtures } from '../site-fixtures';
import { whatsappSite } from './reader';
import { WHATSAPP } from './selectors';

/** Saved WhatsApp Web pages (see utils/sites/site-fixtures.ts). */
export const WHATSAPP_FIXTURES: SiteFixtures = {
  selectors: WHATSAPP,
  reader: (url) => whatsappSite(() => url, Date.now, () => 'en-US'),
  pages: [
    {
      // 2026 build: role=row > [data-id][data-testid^=conv-msg-]; 2 day dividers without pre-plain text.
      file: 'whatsapp/chat.html', url: 'https://web.whatsapp.com/', units: 1,
      matches: { app: 1, conversation: 1, row: 6, text: 4, prePlain: 4, messageId: 4, self: 2, other: 1 },
    },
  ],
};
