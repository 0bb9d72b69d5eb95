import { z } from 'zod';
import { storedRecordSchema, type AdCodeRecord, type StoredRecord } from './vault/schema';

/**
 * Lossless JSON backup: every stored field of every record, with the backup format version
 * (to refuse files from a future version instead of misreading them) and the database schema
 * version it was taken from.
 */

export const BACKUP_FORMAT = 'ad-code-keeper-backup';
export const BACKUP_VERSION = 1;

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
    if (parsed.success) return { index: i + 1, record: parsed.data };
    const issue = parsed.error.issues[0];
    return { index: i + 1, problem: `${issue.path.join('.') || 'record'}: ${issue.message}` };
  });
  return { ok: true, entries };
}
