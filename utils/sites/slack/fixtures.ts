import type { SiteFixtures } from '../site-fixtures';
import { slackSite } from './reader';
import { SLACK } from './selectors';

/** Saved Slack pages (see utils/sites/site-fixtures.ts), modelled on real 2021 fragments and 2025–26 scripts. */
export const SLACK_FIXTURES: SiteFixtures = {
  selectors: SLACK,
  reader: (url) => slackSite(() => url),
  pages: [
    {
      // 4 messages, one a follow-on without a sender; 2 day dividers.
      file: 'slack/channel.html', url: 'https://app.slack.com/client/T01ABCDEF/C07CREATORS', units: 1,
      matches: { app: 1, conversation: 1, row: 4, text: 4, sender: 3, timestamp: 4, dayDivider: 2 },
    },
  ],
};
