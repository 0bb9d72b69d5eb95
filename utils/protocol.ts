import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AdCodeRecord, CaptureInput, CodePatch, ExpiryBasis, SentAtText, StoredRecord } from './vault/schema';
import type { ExtractedCode } from './extract';
import type { SaveResult } from './vault/commands';
import type { PopupView } from './vault/queries';
import type { Language } from './i18n/core';
import type { PickerCatalog } from './i18n/picker/en';
import type { BarWords } from './i18n/bar/en';
import type { RefusalKey } from './i18n/picker/refusals';
import type { TeamSheetStatus } from './team-sheet/settings';

/**
 * Every runtime message in the extension. Types only: this file is imported by content
 * scripts, so the zod schemas that check payloads live in protocol-schemas.ts (background).
 */

/** What the Ads Manager code picker shows; never more than it needs. */
export interface PickerCode {
  id: number;
  code: string;
  creatorHandle?: string;
  notes: string;
  expiresAt: number;
  status: AdCodeRecord['status'];
  /** Already used in the advertiser account the page is showing. */
  usedHere: boolean;
  lastUsedAt?: number;
  /** How the expiry was worked out ("Aug 20 message + 60 days stated in the message"), worded by the background. */
  expiryHow?: string;
}

export interface PickerList {
  codes: PickerCode[];
  alertWindowDays: number;
  /** The display zone setting ('local' or an IANA name): the picker counts days left there, like the popup. */
  timeZone: string;
  now: number;
  /** The advertiser account (aadvid) of the page the picker is shown on. */
  advertiserId?: string;
  /** That account's name, when the TikTok connection has learned it (utils/tiktok-accounts.ts). */
  accountName?: string;
  /** The UI language chosen in Settings, resolved, and the picker's words in it (the frame carries no catalog). */
  language: Language;
  words: PickerCatalog;
  /** The last codes this page marked used, so the picker can offer undo. */
  recentlyMarked?: { ids: number[]; at: number };
  /** TikTok just refused a code this page filled (its error text under the field): say so, offer renewal. */
  refused?: PickerRefusal;
}

/** What TikTok's error under the code field meant, as recorded on the code. */
export type CodeProblem = 'code-expired' | 'code-invalid' | 'code-revoked';

export interface PickerRefusal {
  id: number;
  problem: CodeProblem;
  creatorHandle?: string;
  code: string;
  /** Our wording of TikTok's verdict (never the page's own text). */
  message: string;
  at: number;
}

/** What the picker asks its page-side script to do (relayed by the background, never via the page). */
export type PickerUiAction =
  | { action: 'close'; refocusField: boolean }
  /** `minHeight`: the header and three rows (all rows when fewer), the least worth showing below or above the field. */
  | { action: 'resize'; height: number; minHeight?: number };

/** The only words the Ads Manager page script shows itself, in the user's language (it carries no catalog). */
export interface PickerPageWords {
  frameTitle: string;
  /** The key button's accessible name and its tooltip. */
  buttonLabel: string;
  buttonTitle: string;
}

/** What the page-side script tells the picker about the field it serves. */
export interface PickerFieldContext {
  kind: 'single' | 'lines';
  /** Codes already typed in the field (a Smart+ textarea can hold several). */
  present: string[];
}

/** What the user did in the picker to fill: a page can slide a frame under a pointer, not under a key. */
export type FillTrigger = 'pointer' | 'keyboard';

/** Why the Ads Manager page refused a fill, as refusal keys (that script carries no words): the background says them in the user's language. */
export type FillRefusal = Extract<RefusalKey, 'pickerFieldClosed' | 'pickerNotYourAction' | 'pickerTampered'>;
/** What the page did to the list that made it refuse ("Fill refused because {reason}"). */
export type TamperReason = Extract<RefusalKey, `pickerTamper${string}`>;

export interface FillResult {
  ok: boolean;
  /** For the user, in their language (the background fills it in from `refused`). */
  error?: string;
  refused?: FillRefusal;
  tamper?: TamperReason;
  /** Codes that went into the field (a textarea skips codes already in it). */
  filledIds?: number[];
}

/**
 * One importCodes message. Without importId the records are committed at once. With it, `more`
 * stages the chunk in the background, the chunk without `more` commits every staged record in one
 * transaction (all or nothing), and `cancel` drops the stage.
 */
export interface ImportChunk {
  records: StoredRecord[];
  importId?: string;
  more?: boolean;
  cancel?: boolean;
  /** Required on the last chunk of a chunked import: the count every chunk holds together (the background checks it). */
  total?: number;
}

/** Outcome of asking TikTok about saved codes (optional API feature, `verifyCodes`). */
export interface VerifyReport {
  /** False when the feature is off or not set up: nothing was sent anywhere. */
  ran: boolean;
  /** Codes TikTok answered about (facts stored in each record's `verified`). */
  verified: number;
  /** Of those, codes TikTok says are expired or revoked; they now show as expired. */
  lost: number;
  /** Per-code problems (4025 expired, revoked, not accepted); also stored in `record.verified.error`. */
  failed: { id: number; kind: string; message: string }[];
  /** Requested codes not checked because the run stopped early (see `error`). */
  skipped: number;
  /** Why the run did not run or stopped: feature off, bad token, wrong advertiser, rate limit, offline… */
  error?: { kind: string; message: string; retryAt?: number };
}

/** Outcome of the options page's "Test connection". */
export interface ConnectionReport {
  ok: boolean;
  advertiserName?: string;
  error?: { kind: string; message: string };
}

/** A problem that stopped (part of) a TikTok run, in words the user can act on. */
export interface ApiProblem {
  kind: string;
  message: string;
}

/** What "Import from Ads Manager" would bring in, per account, before anything is written. */
export interface ImportPreview {
  ok: boolean;
  accounts: { advertiserId: string; name?: string; posts: number; newCodes: number; knownCodes: number; error?: ApiProblem }[];
  /** Distinct codes over all accounts (one code can be in several): what the import will add and update. */
  newCodes: number;
  knownCodes: number;
  error?: ApiProblem;
}

/** Outcome of an import or re-sync: per account, and the changes TikTok reported. */
export interface SyncReport {
  ran: boolean;
  accounts: {
    advertiserId: string;
    name?: string;
    ok: boolean;
    posts: number;
    added: number;
    updated: number;
    changes: string[];
    error?: ApiProblem;
    /** Live ads could not be checked (e.g. the token lacks "Read Ads"); the posts were still merged. */
    adsError?: ApiProblem;
  }[];
  added: number;
  updated: number;
  changes: number;
  /** Why the run did not run or stopped (feature off, token expired: sign in again…). */
  error?: ApiProblem;
}

/** "Apply to ad accounts…": one row per code × account, in plain words, and the totals. */
export interface ApplyReport {
  ran: boolean;
  results: {
    id: number;
    code: string;
    who?: string;
    advertiserId: string;
    accountName?: string;
    outcome: 'applied' | 'already' | 'failed';
    words: string;
    retry: boolean;
  }[];
  applied: number;
  already: number;
  failed: number;
  error?: ApiProblem;
}

/** One change applied to many codes from the dashboard's table. */
export type BulkEdit =
  | { kind: 'addTag'; tag: string }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'archive'; archived: 0 | 1 }
  | { kind: 'usage'; used: boolean };

/** What a delete answers: how many codes went, and the token that undoes it. */
export interface DeleteReceipt {
  deleted: number;
  undoToken: string;
}

/** A capture not saved yet: what the Save bar knows about its expiry. */
export interface ExpiryQuestion {
  periodDays?: number;
  /** The period is one the user picked on a chip. */
  periodChosen?: boolean;
  sentAt?: number;
  sentAtText?: SentAtText;
}

export interface ExpiryAnswer {
  /** "Aug 20 message + 60 days stated in the message" */
  text: string;
  estimated: boolean;
  /** The message date could not be read: the bar asks for it. */
  dateUnknown: boolean;
  /** The day the code arrived, short, in the user's language ("Oct 5"): a quoted code's label names it. */
  receivedDay?: string;
}

/** What the background sends before the first Save bar shows: its stylesheet and its words in the user's language. */
export interface BarKit {
  css: string;
  lang: Language;
  words: BarWords;
}

/** A code found in a page's text, with what the text says about it and whether it is saved. */
export type FoundInText = ExtractedCode & {
  saved: boolean;
  /** What the sender wrote beside the code ("Morning routine"), so the Save bar can tell codes apart. */
  context?: string;
};

/** How many rows of each popup list to send (the popup pages by PAGE_SIZE). */
export interface PopupLimits {
  usable: number;
  expired: number;
}

export interface ProtocolMap {
  // content scripts / popup → background
  saveCodes(data: { captures: CaptureInput[] }): SaveResult[];
  savedCodes(data: { codes: string[] }): string[];
  /** Mail/DM pages: the extractor is too big for page scripts, so the background reads the text. */
  findCodes(data: { text: string }): FoundInText[];
  /** The Save bar before saving: how the expiry will be worked out, in the user's language (the wording lives in the background). */
  describeExpiry(data: ExpiryQuestion): ExpiryAnswer;
  /** The Save bar's stylesheet and words in the user's language: served by the background so the mail-page scripts stay under their size budget. */
  barKit(data: Record<string, never>): BarKit;
  /** The Save bar: whether "Apply to ad accounts…" has accounts to apply to (API on, granted, an account connected). */
  applyReady(data: Record<string, never>): boolean;
  /** The Save bar's "Apply to ad accounts…": saves the codes if needed and opens dashboard.html?apply=<ids>. */
  applyFromPage(data: { captures: CaptureInput[] }): SaveResult[];
  // extension pages → background (the background owns every write)
  /** A code is used while it has at least one use; marking unused takes back `uses` (their times), or all. */
  setUsage(data: { id: number; used: boolean; advertiserId?: string; uses?: number[] }): void;
  updateCode(data: { id: number; patch: CodePatch }): void;
  /** The background keeps the deleted records until the undo window closes; the token brings them back. */
  deleteCodes(data: { ids: number[] }): DeleteReceipt;
  restoreDeleted(data: { undoToken: string }): { restored: number };
  /** The popup's lists, read by the background: the popup itself carries no database code. */
  popupView(data: { query: string; limits: PopupLimits }): PopupView;
  // background → extension pages (runtime broadcast): a vault command committed, read again.
  vaultChanged(data: Record<string, never>): void;
  /** A period chip after saving; answers the facts it replaced, for undo. */
  choosePeriod(data: { id: number; periodDays: number }): { before?: ExpiryBasis };
  /** "When did this code arrive?" answered for a saved code; answers the facts it replaced. */
  setReceivedAt(data: { id: number; receivedAt: number }): { before?: ExpiryBasis };
  /** Undo of choosePeriod / setReceivedAt. */
  restoreExpiryBasis(data: { id: number; basis: ExpiryBasis }): void;
  // Dashboard (extension page → background)
  bulkEditCodes(data: { ids: number[]; edit: BulkEdit }): { changed: number };
  /** All-or-nothing: every record is added or merged by code in one transaction, or none is. */
  importCodes(data: ImportChunk): { added: number; merged: number; staged?: number };
  // Ads Manager: content script ↔ background ↔ picker iframe
  // (content script → background)
  /** Answers the list frame's title and the field button's words in the user's language (the page-side script carries no words). */
  pickerRegister(data: { token: string }): PickerPageWords;
  /** Vouches for the picker frame that posted this hello nonce to the page's window from the frame we created. */
  pickerBind(data: { token: string; nonce: string }): void;
  pickerConfirmed(data: { token: string; ids: number[] }): { markedIds: number[] };
  /** TikTok's error under the field after a fill, about the one code this page filled there. */
  pickerCodeProblem(data: { token: string; id: number; problem: CodeProblem }): { changed: boolean };
  // (picker iframe → background)
  /** The frame's own session, known by its tab and frame id; a nonce to hand up until the content script vouched for it. */
  pickerSession(data: Record<string, never>): { token: string } | { nonce: string };
  pickerList(data: { token: string; includeExpired?: boolean }): PickerList;
  pickerFill(data: { token: string; ids: number[]; via: FillTrigger }): FillResult;
  pickerUndoUsed(data: { token: string; ids: number[] }): void;
  /** Opens the editable renewal request for a code TikTok refused (dashboard tab). */
  pickerRequestRenewal(data: { token: string; id: number }): void;
  pickerUi(data: { token: string } & PickerUiAction): void;
  // background → Ads Manager content script (browser.tabs.sendMessage to the registered frame)
  fillCode(data: { token: string; codes: { id: number; code: string }[]; via: FillTrigger }): FillResult;
  pickerUiRelay(data: { token: string } & PickerUiAction): void;
  // TikTok API verification (extension pages → background; only the background talks to TikTok)
  verifyCodes(data: { ids: number[] }): VerifyReport;
  testTikTokConnection(data: Record<string, never>): ConnectionReport;
  /** Adds an ad account by advertiser ID, named through /advertiser/info/. */
  tiktokAddAccount(data: { advertiserId: string }): { ok: boolean; name?: string; error?: ApiProblem };
  tiktokRemoveAccount(data: { advertiserId: string }): void;
  /** Reads every account's authorized posts (/tt_video/list/) and says what an import would do; writes nothing. */
  tiktokPreviewImport(data: Record<string, never>): ImportPreview;
  /** Import ('import', after the preview) or re-sync now ('sync'): merges every account's posts into the vault. */
  tiktokSync(data: { mode: 'import' | 'sync' }): SyncReport;
  /** Applies the codes to the accounts (/tt_video/authorize/ per pair); codes already there are not sent again. */
  tiktokApplyCodes(data: { ids: number[]; advertiserIds: string[] }): ApplyReport;
  // Team sheet (optional; extension pages → background; only the background talks to Google Sheets)
  /** Signs in (Google, or the pasted access token) and connects the sheet at `sheet` (address or id; '' creates one). */
  teamSheetConnect(data: { sheet: string; me: string; accessToken?: string }): TeamSheetStatus;
  teamSheetDisconnect(data: Record<string, never>): TeamSheetStatus;
  /** Pushes what is queued and pulls what changed, now. */
  teamSheetSync(data: Record<string, never>): TeamSheetStatus;
  teamSheetStatus(data: Record<string, never>): TeamSheetStatus;
  /** Settles a code's kept-both notes: one version (its index in the conflict's sides) or both, plainly. */
  teamSheetSettle(data: { code: string; keep: number | 'both' }): TeamSheetStatus;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
