import { z } from 'zod';
import type { AdCodeRecord } from './code-record';

/**
 * Lossless JSON backup: every stored field of every record, with the backup format version
 * (to refuse files from a future version instead of misreading them) and the database schema
 * version it was taken from.
 */

export const BACKUP_FORMAT = 'ad-code-keeper-backup';
export const BACKUP_VERSION = 1;

const epochMs = z.number().finite().min(0).max(8.64e15);

export const backupSourceSchema = z.object({
  kind: z.enum(['gmail', 'outlook', 'instagram', 'tiktok-dm', 'tiktok-shop', 'whatsapp', 'slack', 'selection', 'paste', 'import']),
  senderName: z.string().max(300).optional(),
  senderEmail: z.string().max(320).optional(),
  subject: z.string().max(1000).optional(),
  url: z.url({ protocol: /^(https?|chrome-extension|moz-extension)$/ }).max(4096).optional(),
  messageId: z.string().max(300).optional(),
});

/** A stored record as it travels in a backup or an import message (id is not carried over). */
export const storedRecordSchema = z.object({
  code: z.string().max(200),
  creatorHandle: z.string().regex(/^@[a-z0-9._]{1,64}$/, 'a TikTok handle such as @name').optional(),
  postUrl: z.url({ protocol: /^https$/ }).max(2048).optional(),
  periodDays: z.number().int().min(1).max(3650),
  periodAssumed: z.boolean(),
  receivedAt: epochMs,
  expiresAt: epochMs,
  expiryEdited: z.boolean().optional(),
  status: z.enum(['unused', 'used']),
  uses: z.array(z.object({ advertiserId: z.string().max(64).optional(), at: epochMs })).max(10_000),
  archived: z.union([z.literal(0), z.literal(1)]),
  notes: z.string().max(20_000),
  tags: z.array(z.string().min(1).max(60)).max(50),
  source: backupSourceSchema,
  renewalRequestedAt: epochMs.optional(),
  alertsSent: z.array(z.number().int().min(0).max(60)).max(60),
  alertSnoozedUntil: epochMs.optional(),
  verified: z
    .object({
      checkedAt: epochMs,
      authStatus: z.string().max(100).optional(),
      itemStatus: z.string().max(100).optional(),
      authStart: epochMs.optional(),
      authEnd: epochMs.optional(),
      tiktokName: z.string().max(300).optional(),
      videoText: z.string().max(5000).optional(),
      posterUrl: z.string().max(4096).optional(),
      error: z.string().max(2000).optional(),
    })
    .optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
});

export type StoredRecord = Omit<AdCodeRecord, 'id'>;

const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  backupVersion: z.number().int().min(1),
  dbSchemaVersion: z.number().int().min(1).optional(),
  exportedAt: z.string().optional(),
  codes: z.array(z.unknown()),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  backupVersion: number;
  dbSchemaVersion: number;
  exportedAt: string;
  count: number;
  codes: AdCodeRecord[];
}

export function makeBackup(records: AdCodeRecord[], dbSchemaVersion: number, now: number): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    backupVersion: BACKUP_VERSION,
    dbSchemaVersion,
    exportedAt: new Date(now).toISOString(),
    count: records.length,
    codes: records,
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export interface BackupEntry {
  /** 1-based position in the file's codes array. */
  index: number;
  record?: StoredRecord;
  problem?: string;
}

export type BackupParseResult = { ok: true; entries: BackupEntry[] } | { ok: false; error: string };

/** A file-level problem (not JSON, not ours, from a newer version) refuses the whole file; a bad record only itself. */
export function parseBackup(text: string): BackupParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  const env = backupEnvelopeSchema.safeParse(json);
  if (!env.success) return { ok: false, error: 'not an Ad Code Keeper backup (expected "format": "ad-code-keeper-backup" and a "codes" list)' };
  if (env.data.backupVersion > BACKUP_VERSION) {
    return { ok: false, error: `made by a newer version of Ad Code Keeper (backup version ${env.data.backupVersion}); update the extension first` };
  }
  const entries = env.data.codes.map((raw, i): BackupEntry => {
    const parsed = storedRecordSchema.safeParse(raw);
    if (parsed.success) return { index: i + 1, record: parsed.data as StoredRecord };
    const issue = parsed.error.issues[0];
    return { index: i + 1, problem: `${issue.path.join('.') || 'record'}: ${issue.message}` };
  });
  return { ok: true, entries };
}
