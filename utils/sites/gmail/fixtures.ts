import type { SiteFixtures } from '../site-fixtures';
import { gmailSite } from './reader';
import { GMAIL } from './selectors';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrXkTmZqLwPvRkGjhSbTnCsx';
const base = { app: 1, 'thread.subject': 1, 'fullView.subject': 1 };
const noFullView = { 'fullView.message': 0, 'fullView.body': 0, 'fullView.sender': 0, 'fullView.date': 0 };

/** Saved Gmail pages, one per kind of URL (see utils/sites/site-fixtures.ts). */
export const GMAIL_FIXTURES: SiteFixtures = {
  selectors: GMAIL,
  reader: (url) => gmailSite(() => url),
  pages: [
    {
      file: 'gmail/thread.html', url: THREAD, units: 2,
      // The collapsed first message (div.kv) has a date but no body.
      matches: { ...base, ...noFullView, 'thread.message': 2, 'thread.body': 2, 'thread.sender': 2, 'thread.date': 3, 'thread.clipped': 0, quote: 1, quoteAttribution: 1 },
    },
    {
      // A reply whose earlier messages are collapsed: one code only in the quote (with a quote inside it), under its "On … wrote:" line.
      file: 'gmail/reply-chain.html', url: THREAD, units: 1,
      matches: { ...base, ...noFullView, 'thread.message': 1, 'thread.body': 1, 'thread.sender': 1, 'thread.date': 3, 'thread.clipped': 0, quote: 2, quoteAttribution: 2 },
    },
    {
      // Hidden empty twins, trimmed content (div.ajR, div.im), a clipped message, a collapsed one.
      file: 'gmail/real-traps.html', url: THREAD, units: 3,
      matches: { ...base, ...noFullView, 'thread.message': 3, 'thread.body': 3, 'thread.sender': 3, 'thread.date': 4, 'thread.clipped': 1, quote: 1 },
    },
    {
      file: 'gmail/split.html', url: 'https://mail.google.com/mail/u/0/#inbox', units: 1,
      matches: { ...base, ...noFullView, 'thread.message': 1, 'thread.body': 1, 'thread.sender': 1, 'thread.date': 1, 'thread.clipped': 0 },
    },
    {
      file: 'gmail/popout.html', url: 'https://mail.google.com/mail/u/0/popout?ver=1&search=inbox&th=%23thread-f%3A1851234567890123456', units: 1,
      matches: { ...base, ...noFullView, 'thread.message': 1, 'thread.body': 1, 'thread.sender': 1, 'thread.date': 1 },
    },
    {
      file: 'gmail/clipped.html', url: THREAD, units: 2,
      matches: { ...base, ...noFullView, 'thread.message': 2, 'thread.body': 2, 'thread.clipped': 2 },
    },
    {
      file: 'gmail/full-view.html', url: 'https://mail.google.com/mail/u/0?ui=2&ik=4f2a9c1e07&view=lg&permmsgid=msg-f:1851400000000000002', units: 1,
      matches: { app: 1, 'thread.message': 0, 'fullView.message': 1, 'fullView.body': 2, 'fullView.sender': 1, 'fullView.date': 1, 'fullView.subject': 1 },
    },
  ],
};
