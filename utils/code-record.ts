/** Where a code was captured. Kept so the user can find the original message again. */
export type CaptureKind = 'gmail' | 'outlook' | 'instagram' | 'tiktok-dm' | 'tiktok-shop' | 'whatsapp' | 'slack' | 'selection' | 'paste' | 'import';

export interface CaptureSource {
  kind: CaptureKind;
  senderName?: string;
  senderEmail?: string;
  subject?: string;
  /** Link back to the thread or page the code came from. */
  url?: string;
  messageId?: string;
}

/** A use of the code in an Ads Manager advertiser account. */
export interface CodeUse {
  advertiserId?: string;
  at: number;
}

/** Facts returned by TikTok's Marketing API (optional feature). */
export interface VerifiedFacts {
  checkedAt: number;
  authStatus?: string;
  itemStatus?: string;
  authStart?: number;
  authEnd?: number;
  tiktokName?: string;
  videoText?: string;
  posterUrl?: string;
  itemId?: string;
  error?: string;
  /** Why the last check failed for this code: 'code-expired' (offer a renewal request), 'code-revoked', 'code-invalid'. */
  errorKind?: string;
}

export type UsageStatus = 'unused' | 'used';

/** One saved ad code. IndexedDB cannot index booleans, hence `archived: 0 | 1`. */
export interface AdCodeRecord {
  id?: number;
  /** Normalized `#` + body; unique. */
  code: string;
  creatorHandle?: string;
  postUrl?: string;
  periodDays: number;
  /** True when the message stated no period and the default was used. */
  periodAssumed: boolean;
  /** When the creator sent the code (message date), epoch ms. */
  receivedAt: number;
  /** Estimated (or verified / user-edited) end of the authorization, epoch ms. */
  expiresAt: number;
  expiryEdited?: boolean;
  status: UsageStatus;
  uses: CodeUse[];
  archived: 0 | 1;
  notes: string;
  tags: string[];
  source: CaptureSource;
  renewalRequestedAt?: number;
  /** Thresholds (days before expiry) already notified, so each fires once. */
  alertsSent: number[];
  /** A notification was snoozed: remind again at this time (epoch ms). */
  alertSnoozedUntil?: number;
  verified?: VerifiedFacts;
  createdAt: number;
  updatedAt: number;
}

/** What a capture (mail page, selection, paste, import) hands to the background. */
export interface CaptureInput {
  code: string;
  periodDays?: number;
  creatorHandle?: string;
  postUrl?: string;
  /** Message sent date, epoch ms. Missing → time of capture. */
  sentAt?: number;
  source: CaptureSource;
  notes?: string;
}
