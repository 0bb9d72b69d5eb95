/**
 * Every size limit of a saved code, defined once. Protocol, capture, backup, import, the vault's
 * commands and the UI all read these, so no path can store a value another path refuses.
 * No zod here: extension pages import this (input maxLength, messages) without the validator.
 *
 * Sizes are generous on purpose: they must hold everything the extension itself writes (a
 * right-click capture keeps the page title and URL; merging captures grows the notes; TikTok's
 * facts carry a caption and a poster URL). Capture paths fit values to these limits before
 * storing (see fitCapture), so the stored record always parses.
 */
export const LIMITS = {
  /** A normalized code is # + about 64 characters; raw text handed in may carry spaces. */
  code: 200,
  rawCode: 1000,
  senderName: 1000,
  senderEmail: 320,
  subject: 4000,
  /** Source page URL (the page a right-click capture came from): Chrome allows 2 MB; we keep 32 KB. */
  sourceUrl: 32_768,
  messageId: 1000,
  postUrl: 4096,
  handle: 64,
  notes: 50_000,
  tag: 60,
  tags: 50,
  uses: 10_000,
  advertiserId: 64,
  accountName: 1000,
  /** Ad accounts one code is recorded in, and history lines kept per code. */
  accounts: 500,
  history: 200,
  /** Ad groups recorded as running one code's post, over all accounts. */
  liveAdGroups: 500,
  alertThresholdDays: 365,
  alertsSent: 400,
  /** Periods a capture may state; stored records (import, TikTok) may carry any whole number of days up to periodDaysMax. */
  capturePeriods: [7, 30, 60, 365] as const,
  periodDaysMax: 3650,
  verifiedShortText: 200,
  tiktokName: 1000,
  videoText: 20_000,
  posterUrl: 32_768,
  verifiedError: 4000,
  /** A date as a page prints it ("Wed, Aug 20, 2025, 1:19 PM"); and how many a capture may offer (newest first). */
  dateText: 200,
  dateTexts: 20,
  /** Characters of a popup search that are searched for (no code, handle or tag is longer). */
  search: 1000,
} as const;

/** How many items one message may carry; bigger jobs are sent in chunks of this size. */
export const BATCH = {
  /** Captures per saveCodes message (the popup's "Save all" sends more in turn). */
  save: 1000,
  /** Codes per savedCodes lookup. */
  lookup: 1000,
  /** Ids per delete / bulk edit / restore. */
  ids: 100_000,
  /** Records per importCodes message; bigger imports are staged in chunks of this size under one import id. */
  import: 2_000,
  /** Records one staged import may hold in the background before its single commit. */
  importTotal: 500_000,
  /** Records per write inside an import's one transaction. */
  importWrite: 10_000,
  /** Codes the picker fills or marks at once. */
  picker: 50,
  /** Codes per TikTok check message. */
  verify: 200,
  /** Characters of page text per findCodes message. */
  findText: 200_000,
  /** Rows of one popup list per popupView answer ("Show more" asks for 50 more each time). */
  popupRows: 100_000,
} as const;

/** The random tokens messages carry: a picker session (made in the Ads Manager page script), an undo. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** How long a delete can be undone: the background keeps the deleted records this long. */
export const UNDO_WINDOW_MS = 24 * 3_600_000;

/** The biggest file the importer reads (a browser string holds about 512 M characters); the preview states it. */
export const IMPORT_FILE_MAX_BYTES = 400 * 1024 * 1024;

/**
 * A JSON backup is still read as one string and parsed whole (a CSV is read slice by slice): 256 MB holds
 * about 380,000 codes as the dashboard writes them and stays well inside a tab's memory; the preview states it.
 */
export const IMPORT_JSON_MAX_BYTES = 256 * 1024 * 1024;

/** A staged import nobody finished (tab closed mid-import) is dropped after this long. */
export const IMPORT_STAGE_TTL_MS = 10 * 60_000;
