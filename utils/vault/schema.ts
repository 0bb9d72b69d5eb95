import { z } from 'zod';
import { LIMITS } from './limits';
import { isSingleEmail, tiktokVideoUrl } from '../links';

export { LIMITS, BATCH, TOKEN_PATTERN, UNDO_WINDOW_MS } from './limits';

/**
 * The one definition of a saved code and of a capture. Types are derived from these schemas
 * (`z.infer`), so the stored shape, the messages, the backup and the importer cannot drift.
 * Page scripts import the types only (`import type`), which keeps zod out of their bundles.
 */

const n = (v: number) => v.toLocaleString('en');
/** Text with a limit; the refusal names the limit and what to do about it. */
const text = (max: number) => z.string().max(max, `longer than ${n(max)} characters (the limit); shorten it`);
export const epochMs = z.number().finite().min(0).max(8.64e15);
export const recordId = z.number().int().positive();

export const captureKindSchema = z.enum(['gmail', 'outlook', 'instagram', 'tiktok-dm', 'tiktok-shop', 'whatsapp', 'slack', 'selection', 'paste', 'import']);
export const handleSchema = z
  .string()
  .regex(new RegExp(`^@[a-z0-9._]{1,${LIMITS.handle}}$`), 'a TikTok handle such as @name (letters, digits, . and _)');
export const postUrlSchema = z.url({ protocol: /^https$/, error: 'an https address' }).max(LIMITS.postUrl, `longer than ${n(LIMITS.postUrl)} characters (the limit)`);
/** Captures and edits follow the link rule (utils/links.ts): only an https tiktok.com video link is a link. */
export const videoUrlSchema = postUrlSchema.refine((u) => !!tiktokVideoUrl(u), 'only an https tiktok.com video link');
/** A period a message may state (typed as number, as the extractor reports it). */
export const periodSchema = z
  .number()
  .int()
  .refine((p) => (LIMITS.capturePeriods as readonly number[]).includes(p), `one of ${LIMITS.capturePeriods.join(', ')} days`);
export const notesSchema = text(LIMITS.notes);
export const tagSchema = z.string().min(1).max(LIMITS.tag, `a tag is longer than ${LIMITS.tag} characters (the limit); shorten it`);
export const tagsSchema = z.array(tagSchema).max(LIMITS.tags, `more than ${LIMITS.tags} tags (the limit); remove some`);
export const archivedSchema = z.union([z.literal(0), z.literal(1)]);
/**
 * How the expiry was worked out: the message stated the period, the default was assumed, TikTok
 * said it, the user set the expiry, or the user chose the period (one of the chips).
 */
export const expirySourceSchema = z.enum(['stated', 'assumed', 'tiktok', 'user', 'chosen']);

export const captureSourceSchema = z.object({
  kind: captureKindSchema,
  senderName: text(LIMITS.senderName).optional(),
  senderEmail: text(LIMITS.senderEmail).optional(),
  subject: text(LIMITS.subject).optional(),
  url: z
    .url({ protocol: /^(https?|chrome-extension|moz-extension)$/, error: 'a web address' })
    .max(LIMITS.sourceUrl, `longer than ${n(LIMITS.sourceUrl)} characters (the limit)`)
    .optional(),
  messageId: text(LIMITS.messageId).optional(),
});

export const codeUseSchema = z.object({ advertiserId: text(LIMITS.advertiserId).optional(), at: epochMs });

export const verifiedFactsSchema = z.object({
  checkedAt: epochMs,
  authStatus: text(LIMITS.verifiedShortText).optional(),
  itemStatus: text(LIMITS.verifiedShortText).optional(),
  authStart: epochMs.optional(),
  authEnd: epochMs.optional(),
  tiktokName: text(LIMITS.tiktokName).optional(),
  videoText: text(LIMITS.videoText).optional(),
  posterUrl: text(LIMITS.posterUrl).optional(),
  itemId: text(LIMITS.verifiedShortText).optional(),
  error: text(LIMITS.verifiedError).optional(),
  /** Why the last check failed: 'code-expired' (offer a renewal request), 'code-revoked', 'code-invalid'… */
  errorKind: text(LIMITS.verifiedShortText).optional(),
});

/** An ad account that holds the code: TikTok lists it among the account's authorized posts, or we applied it there. */
export const codeAccountSchema = z.object({
  advertiserId: text(LIMITS.advertiserId),
  name: text(LIMITS.accountName).optional(),
  state: z.enum(['listed', 'applied']),
  at: epochMs,
});

/**
 * An ad group in one ad account that runs Spark ads on the code's post (/ad/get/ + /adgroup/get/):
 * how many ads, and its scheduled end (none = continuous). Replaced whole for the account on each sync.
 */
export const liveAdGroupSchema = z.object({
  advertiserId: text(LIMITS.advertiserId),
  adgroupId: text(LIMITS.verifiedShortText),
  name: text(LIMITS.accountName).optional(),
  ads: z.number().int().min(1),
  scheduleEnd: epochMs.optional(),
  at: epochMs,
});

/**
 * One line of a code's history ("Dec 3: TikTok reports the authorization was extended to Mar 3").
 * Stored as facts, worded when shown, so the words follow the reader's language and time zone.
 */
export const historyEntrySchema = z.object({
  at: epochMs,
  actor: z.enum(['tiktok', 'me', 'import']),
  kind: z.enum(['imported', 'exact', 'end-moved', 'status', 'deleted', 'listed', 'applied']),
  advertiserId: text(LIMITS.advertiserId).optional(),
  accountName: text(LIMITS.accountName).optional(),
  from: z.union([epochMs, text(LIMITS.verifiedShortText)]).optional(),
  to: z.union([epochMs, text(LIMITS.verifiedShortText)]).optional(),
});

/** A saved code as it is stored, without its database id (what a backup or an import carries). */
export const storedRecordSchema = z.object({
  /** Normalized `#` + body; unique. */
  code: text(LIMITS.code),
  creatorHandle: handleSchema.optional(),
  postUrl: postUrlSchema.optional(),
  periodDays: z.number().int().min(1).max(LIMITS.periodDaysMax),
  /** True when the message stated no period and the default was used. */
  periodAssumed: z.boolean(),
  /** When the creator sent the code (message date), epoch ms. */
  receivedAt: epochMs,
  /** Estimated (or verified / user-edited) end of the authorization, epoch ms. */
  expiresAt: epochMs,
  expiryEdited: z.boolean().optional(),
  /** How the expiry was worked out. Optional so backups from before it existed still restore (see utils/expiry-derivation.ts). */
  expirySource: expirySourceSchema.optional(),
  /** The message date was not found: receivedAt is only the time of capture, so the expiry is an estimate. */
  receivedAtUnknown: z.boolean().optional(),
  /** Derived from uses: 'used' while the code has at least one use. */
  status: z.enum(['unused', 'used']),
  uses: z.array(codeUseSchema).max(LIMITS.uses),
  /** IndexedDB cannot index booleans, hence 0 | 1. */
  archived: archivedSchema,
  notes: notesSchema,
  tags: tagsSchema,
  source: captureSourceSchema,
  renewalRequestedAt: epochMs.optional(),
  /** Thresholds (days before expiry) already notified, so each fires once. */
  alertsSent: z.array(z.number().int().min(0).max(LIMITS.alertThresholdDays)).max(LIMITS.alertsSent),
  /** A notification was snoozed: remind again at this time (epoch ms). */
  alertSnoozedUntil: epochMs.optional(),
  verified: verifiedFactsSchema.optional(),
  /** The ad accounts that hold this code (optional TikTok API feature). */
  accounts: z.array(codeAccountSchema).max(LIMITS.accounts).optional(),
  /** What happened to the code, oldest first (TikTok's reports, imports); capped, oldest dropped. */
  history: z.array(historyEntrySchema).max(LIMITS.history).optional(),
  /** The ad groups running the code's post, per account (optional TikTok API feature). */
  liveAds: z.array(liveAdGroupSchema).max(LIMITS.liveAdGroups).optional(),
  /** The latest scheduled end among them (indexed: finds the codes live ads use without reading the vault). */
  liveAdsUntil: epochMs.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

/** A saved code with its database id. */
export const adCodeRecordSchema = storedRecordSchema.extend({ id: recordId.optional() });

/**
 * A sent date as the page printed it: mail and chat page scripts stay small by leaving the reading
 * to the background (utils/sent-at.ts). `texts` newest first: the first one that reads for sure wins.
 */
export const sentAtTextSchema = z.object({
  texts: z.array(text(LIMITS.dateText)).min(1).max(LIMITS.dateTexts),
  /** The page's now when it read the date: "Yesterday 9:41" is read from it. */
  now: epochMs,
  /** How the page prints all-numeric dates (11/06/2026), when it says so. */
  numericOrder: z.enum(['mdy', 'dmy']).optional(),
});

/** What a capture (mail page, selection, paste) hands to the background. */
export const captureInputSchema = z.object({
  code: text(LIMITS.rawCode),
  periodDays: periodSchema.optional(),
  creatorHandle: handleSchema.optional(),
  postUrl: videoUrlSchema.optional(),
  /** Message sent date, epoch ms. Missing → time of capture. */
  sentAt: epochMs.optional(),
  /** The period was chosen by the user (a chip in the Save bar), not read from the message. */
  periodChosen: z.boolean().optional(),
  /** Page scripts: the date text to read instead (the background turns it into sentAt before saving). */
  sentAtText: sentAtTextSchema.optional(),
  // Not one address (a page gave a list): the code is still saved, without it, so a draft never gains recipients.
  source: captureSourceSchema.extend({
    senderEmail: text(LIMITS.senderEmail)
      .transform((e) => (isSingleEmail(e.trim()) ? e.trim() : undefined))
      .optional(),
  }),
  notes: notesSchema.optional(),
});

/** The fields a user edits by hand (popup, drawer); everything else is the vault's to derive. */
export const codePatchSchema = z
  .object({
    notes: notesSchema,
    tags: tagsSchema,
    creatorHandle: handleSchema,
    postUrl: videoUrlSchema,
    archived: archivedSchema,
    renewalRequestedAt: epochMs,
    expiresAt: epochMs,
    periodDays: periodSchema,
  })
  .partial()
  .strict();

/** The facts an expiry is worked out from; a period or date fix returns the previous ones, for undo. */
export const expiryBasisSchema = z.object({
  periodDays: z.number().int().min(1).max(LIMITS.periodDaysMax),
  periodAssumed: z.boolean(),
  receivedAt: epochMs,
  receivedAtUnknown: z.boolean().optional(),
  expiresAt: epochMs,
  expiryEdited: z.boolean().optional(),
  expirySource: expirySourceSchema.optional(),
});

export type ExpirySource = z.infer<typeof expirySourceSchema>;
export type ExpiryBasis = z.infer<typeof expiryBasisSchema>;
export type CaptureKind = z.infer<typeof captureKindSchema>;
export type CaptureSource = z.infer<typeof captureSourceSchema>;
/** A use of the code in an Ads Manager advertiser account. */
export type CodeUse = z.infer<typeof codeUseSchema>;
/** Facts returned by TikTok's Marketing API (optional feature). */
export type VerifiedFacts = z.infer<typeof verifiedFactsSchema>;
export type CodeAccount = z.infer<typeof codeAccountSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type LiveAdGroup = z.infer<typeof liveAdGroupSchema>;
export type UsageStatus = AdCodeRecord['status'];
export type StoredRecord = z.infer<typeof storedRecordSchema>;
export type AdCodeRecord = z.infer<typeof adCodeRecordSchema>;
export type CaptureInput = z.infer<typeof captureInputSchema>;
export type SentAtText = z.infer<typeof sentAtTextSchema>;
export type CodePatch = z.infer<typeof codePatchSchema>;
export type CapturePeriod = (typeof LIMITS.capturePeriods)[number];
