// Every capture site's selectors against its saved pages (Refined GitHub style): each page kind
// states how many elements each selector list matches and how many messages the reader finds.
// A list no page exercises fails too, so `selectors.ts` holds no untested hopes.
import { describe, expect, it } from 'vitest';
import { allMatches } from '@/utils/capture/dom';
import type { SiteFixtures } from '@/utils/sites/site-fixtures';
import { GMAIL_FIXTURES } from '@/utils/sites/gmail/fixtures';
import { INSTAGRAM_FIXTURES } from '@/utils/sites/instagram/fixtures';
import { OUTLOOK_FIXTURES } from '@/utils/sites/outlook/fixtures';
import { SLACK_FIXTURES } from '@/utils/sites/slack/fixtures';
import { TIKTOK_DM_FIXTURES } from '@/utils/sites/tiktok-dm/fixtures';
import { TIKTOK_SHOP_FIXTURES } from '@/utils/sites/tiktok-shop/fixtures';
import { WHATSAPP_FIXTURES } from '@/utils/sites/whatsapp/fixtures';
import { loadFixture } from './capture-fixture';

const SITES: Record<string, SiteFixtures> = {
  gmail: GMAIL_FIXTURES,
  outlook: OUTLOOK_FIXTURES,
  instagram: INSTAGRAM_FIXTURES,
  'tiktok-dm': TIKTOK_DM_FIXTURES,
  'tiktok-shop': TIKTOK_SHOP_FIXTURES,
  whatsapp: WHATSAPP_FIXTURES,
  slack: SLACK_FIXTURES,
};

/** Every selector list in a selectors object, by dotted path (`matches`/`activePaths` are URL patterns, not selectors). */
function lists(o: object, prefix = ''): [string, readonly string[]][] {
  return Object.entries(o).flatMap(([k, v]): [string, readonly string[]][] => {
    if (Array.isArray(v)) return k === 'matches' || k === 'activePaths' ? [] : [[prefix + k, v as string[]]];
    return v && typeof v === 'object' && !(v instanceof RegExp) ? lists(v, `${prefix}${k}.`) : [];
  });
}

for (const [site, fx] of Object.entries(SITES)) {
  describe(`${site} selectors on saved pages`, () => {
    const byPath = new Map(lists(fx.selectors));
    for (const page of fx.pages) {
      it(`${page.file}: matches per selector and ${page.units} unit(s)`, () => {
        loadFixture(page.file);
        for (const path of Object.keys(page.matches)) expect(byPath.has(path), `${path} is a selector list`).toBe(true);
        const counted = Object.fromEntries(Object.keys(page.matches).map((p) => [p, allMatches(document, byPath.get(p)!).length]));
        expect(counted).toEqual(page.matches);
        const reader = fx.reader(page.url);
        expect(reader.isActive(new URL(page.url)), 'active on its URL').toBe(true);
        expect(reader.findUnits(document)).toHaveLength(page.units);
      });
    }
    it('every selector list matches something on at least one saved page', () => {
      const hit = new Set<string>();
      for (const page of fx.pages) for (const [p, n] of Object.entries(page.matches)) if (n > 0) hit.add(p);
      const missing = [...byPath.keys()].filter((p) => !hit.has(p) && !fx.unexercised?.[p]);
      expect(missing).toEqual([]);
    });
  });
}
