import type { SiteAdapter } from '../capture/types';

/**
 * A saved page a site's selectors are checked against (the way Refined GitHub checks its
 * selectors): one per kind of URL the site has. tests/unit/site-selectors.test.ts loads each
 * page and compares the counts, so a selector list that no page exercises fails the test.
 */
export interface SavedPage {
  /** Under tests/fixtures/. */
  file: string;
  /** The kind of URL the page stands for (the reader is given it). */
  url: string;
  /** Messages or chats the reader finds on the page. */
  units: number;
  /** Matches per selector list, by its path in the site's selectors ("thread.body"); the first list entry that matches counts. */
  matches: Record<string, number>;
}

export interface SiteFixtures {
  /** The site's selectors object; every list in it must be exercised by some page. */
  selectors: object;
  /** Lists exempt from the every-list-is-exercised rule, with why. */
  unexercised?: Record<string, string>;
  reader(url: string): SiteAdapter;
  pages: SavedPage[];
}
