import type { SelectorName } from './selectors';
import type { TikTokCodeProblem } from './wordings';

/**
 * The saved page kinds this site's selectors and reader are checked against
 * (tests/fixtures/ads-manager/saved, driven by tests/unit/ads-manager-site.test.ts), the way
 * Refined GitHub checks its selectors: for every page, how many elements each entry of each
 * selector list matches (open shadow roots included), which code fields the reader finds, and
 * what the dialog's buttons do to a filled code. A selector that drifts, or a page that changes
 * shape, fails here first. Regenerate the pages with tests/fixtures/ads-manager/save-html.mjs
 * (React) and save-vue-html.mjs (Vue). The counts were recorded from the saved pages and reviewed
 * against what each page shows (e.g. the React fixtures have no vi- form items, only the English
 * Smart+ placeholder says "TikTok post code"); change them only when a page really changed.
 */
export interface SavedPageKind {
  page: string;
  kind: string;
  /** Matches per entry of each list in SELECTORS, in order. */
  selectors: Record<SelectorName, number[]>;
  /** The code fields the reader finds, in its order: how many codes each takes, and the dialog's title. */
  codeFields: { kind: 'single' | 'lines'; dialog: string | undefined }[];
  /** Buttons on the page by what they do to a filled code. */
  buttons: { commit: number; advance: number; cancel: number };
  /** TikTok's verdict shown under the first code field. */
  problem?: TikTokCodeProblem;
}

export const SAVED_PAGES: SavedPageKind[] = [
  {
    page: 'classic-de.html',
    kind: 'React fixture, classic Identity step: "Authorize TikTok Post" dialog (de)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'TikTok-Beitrag autorisieren' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'classic-en.html',
    kind: 'React fixture, classic Identity step: "Authorize TikTok Post" dialog (en)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Authorize TikTok Post' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'classic-es.html',
    kind: 'React fixture, classic Identity step: "Authorize TikTok Post" dialog (es)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Autorizar publicación de TikTok' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'classic-fr.html',
    kind: 'React fixture, classic Identity step: "Authorize TikTok Post" dialog (fr)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Autoriser la publication TikTok' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'classic-ja.html',
    kind: 'React fixture, classic Identity step: "Authorize TikTok Post" dialog (ja)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'TikTok投稿を承認' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'classic-pt.html',
    kind: 'React fixture, classic Identity step: "Authorize TikTok Post" dialog (pt)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Autorizar publicação do TikTok' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'other-en.html',
    kind: 'React fixture, a plain form with one "Spark Ads code" field among promo code, name and search fields (en)',
    selectors: {
      dialog: [0, 0, 0, 0, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 4],
      fieldError: [0, 0, 0], button: [1], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: undefined }],
    buttons: { commit: 0, advance: 0, cancel: 0 },
  },
  {
    page: 'roleless-modal.html',
    kind: 'hand-written: an authorization modal without ARIA roles, with hidden, read-only, password and email inputs',
    selectors: {
      dialog: [0, 0, 0, 0, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 2],
      fieldError: [0, 0, 0], button: [2], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Authorize TikTok Post' }],
    buttons: { commit: 1, advance: 0, cancel: 1 },
  },
  {
    page: 'smart-de.html',
    kind: 'React fixture, Smart+ "Authorize TikTok posts" dialog (textarea, one code per line) (de)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [4], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'lines', dialog: 'TikTok-Beiträge autorisieren' }],
    buttons: { commit: 0, advance: 1, cancel: 2 },
  },
  {
    page: 'smart-en.html',
    kind: 'React fixture, Smart+ "Authorize TikTok posts" dialog (textarea, one code per line) (en)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [4], commitButton: [0, 0, 0], smartPlusCodes: [1], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'lines', dialog: 'Authorize TikTok posts' }],
    buttons: { commit: 0, advance: 1, cancel: 2 },
  },
  {
    page: 'smart-es.html',
    kind: 'React fixture, Smart+ "Authorize TikTok posts" dialog (textarea, one code per line) (es)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [4], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'lines', dialog: 'Autorizar publicaciones de TikTok' }],
    buttons: { commit: 0, advance: 1, cancel: 2 },
  },
  {
    page: 'smart-fr.html',
    kind: 'React fixture, Smart+ "Authorize TikTok posts" dialog (textarea, one code per line) (fr)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [4], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'lines', dialog: 'Autoriser les publications TikTok' }],
    buttons: { commit: 0, advance: 1, cancel: 2 },
  },
  {
    page: 'smart-ja.html',
    kind: 'React fixture, Smart+ "Authorize TikTok posts" dialog (textarea, one code per line) (ja)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [4], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'lines', dialog: 'TikTok投稿を承認' }],
    buttons: { commit: 0, advance: 1, cancel: 2 },
  },
  {
    page: 'smart-pt.html',
    kind: 'React fixture, Smart+ "Authorize TikTok posts" dialog (textarea, one code per line) (pt)',
    selectors: {
      dialog: [0, 1, 0, 1, 0, 0], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [4], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'lines', dialog: 'Autorizar publicações do TikTok' }],
    buttons: { commit: 0, advance: 1, cancel: 2 },
  },
  {
    page: 'vue-classic-expired.html',
    kind: 'Vue vi- kit, field and buttons in ks- shadow roots, after Search: "Authorization expired." under the field',
    selectors: {
      dialog: [0, 1, 0, 1, 1, 0], formItem: [1, 1, 0], formItemLabel: [1, 1],
      fieldError: [1, 0, 2], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Authorize TikTok Post' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
    problem: 'code-expired',
  },
  {
    page: 'vue-classic-light.html',
    kind: 'Vue vi- kit, classic dialog, v-model input and vi-buttons in light DOM',
    selectors: {
      dialog: [0, 1, 0, 1, 1, 0], formItem: [1, 1, 0], formItemLabel: [1, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Authorize TikTok Post' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'vue-classic-shadow.html',
    kind: 'Vue vi- kit, classic dialog, ks-input and ks-buttons with open shadow roots',
    selectors: {
      dialog: [0, 1, 0, 1, 1, 0], formItem: [1, 1, 0], formItemLabel: [1, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 0], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Authorize TikTok Post' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'vue-library.html',
    kind: 'Vue vi- kit, Assets > Creative > Spark Ads posts > "Apply for authorization" dialog',
    selectors: {
      dialog: [0, 1, 0, 1, 1, 0], formItem: [1, 1, 0], formItemLabel: [1, 1],
      fieldError: [0, 0, 0], button: [5], commitButton: [0, 0, 1], smartPlusCodes: [0], tiktokPostsTab: [0],
    },
    codeFields: [{ kind: 'single', dialog: 'Apply for authorization' }],
    buttons: { commit: 1, advance: 0, cancel: 2 },
  },
  {
    page: 'vue-smart-authorize.html',
    kind: 'Vue vi- kit, Smart+ media drawer (.sideslip, TikTok posts tab) with "Authorize TikTok posts" open',
    selectors: {
      dialog: [0, 2, 0, 1, 1, 1], formItem: [1, 1, 0], formItemLabel: [1, 1],
      fieldError: [0, 0, 0], button: [7], commitButton: [0, 1, 0], smartPlusCodes: [1], tiktokPostsTab: [1],
    },
    codeFields: [{ kind: 'lines', dialog: 'Authorize TikTok posts' }],
    buttons: { commit: 1, advance: 1, cancel: 3 },
  },
  {
    page: 'vue-smart-confirm.html',
    kind: 'Vue vi- kit, Smart+ "Confirm TikTok posts" after Continue ("Add TikTok posts" in a shadow root)',
    selectors: {
      dialog: [0, 2, 0, 1, 1, 1], formItem: [0, 0, 0], formItemLabel: [0, 0],
      fieldError: [0, 0, 0], button: [7], commitButton: [1, 1, 0], smartPlusCodes: [0], tiktokPostsTab: [1],
    },
    codeFields: [],
    buttons: { commit: 2, advance: 0, cancel: 3 },
  },
];
