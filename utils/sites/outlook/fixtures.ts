import type { SiteFixtures } from '../site-fixtures';
import { outlookSite } from './reader';
import { OUTLOOK } from './selectors';

/** Saved Outlook pages, one per kind of URL (see utils/sites/site-fixtures.ts). */
export const OUTLOOK_FIXTURES: SiteFixtures = {
  selectors: OUTLOOK,
  reader: (url) =>
    outlookSite(
      () => url,
      () => 'en-US',
    ),
  pages: [
    {
      file: 'outlook/reading-pane.html',
      url: 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWExYjAtMDACLTAwCgAQAKfO',
      units: 2,
      matches: { app: 1, body: 2, date: 2, sender: 2, subject: 1, quote: 1 },
    },
    {
      // Work account, German UI; one body id on the document element AND its child: 3 matches, 2 messages.
      file: 'outlook/cloud-de.html',
      url: 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkAGI2TG93AAA%3D',
      units: 2,
      matches: { app: 1, body: 3, date: 2, sender: 2, subject: 1, quote: 1 },
    },
    {
      // A reply chain: Outlook for Windows (German "Von:/Gesendet:" block, no ids) and Outlook on the web (#divRplyFwdMsg).
      file: 'outlook/reply-chain.html',
      url: 'https://outlook.live.com/mail/0/inbox/id/AAQkAGdsb3ctYXV0dW1u',
      units: 2,
      matches: { app: 1, body: 2, date: 2, sender: 2, subject: 1, quote: 1 },
    },
  ],
};
