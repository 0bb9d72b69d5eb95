import type { AdCodeRecord, CaptureKind, CaptureSource } from './code-record';
import { computeExpiry, DEFAULT_PERIOD_DAYS } from './expiry';
import { normalizeAdCode } from './extract';
import { parseBackup } from './backup';
import { storedRecordSchema, type StoredRecord } from './vault/schema';
import { clip } from './vault/fit';
import { LIMITS } from './vault/limits';
import { isSingleEmail, tiktokVideoUrl } from './links';
import { parseCsv, parseSheetDate, rowZone, twoDigitYear, type CsvRow } from './csv';

/**
 * What an import will do, row by row, before anything is written: add (new code), merge
 * (same code already saved) or reject (with the reason). The background commits the accepted
 * rows in one transaction; this module decides nothing the background does not re-check.
 */

export type ImportOutcome = 'add' | 'merge' | 'reject';

export interface PreviewRow {
  /** Spreadsheet line (CSV) or position in the list (JSON), as the user would look it up. */
  row: number;
  code?: string;
  creator?: string;
  outcome: ImportOutcome;
  /** Why a row is rejected, or what a merge changes. */
  detail: string;
  record?: StoredRecord;
}

export type ImportPreview = { ok: true; kind: 'csv' | 'json'; rows: PreviewRow[] } | { ok: false; error: string };

export interface PreviewOptions {
  zone: string;
  now: number;
  defaultPeriodDays?: number;
}

const HANDLE = new RegExp(`^@[a-z0-9._]{1,${LIMITS.handle}}$`);
const KINDS: CaptureKind[] = ['gmail', 'outlook', 'instagram', 'tiktok-dm', 'tiktok-shop', 'whatsapp', 'slack', 'selection', 'paste', 'import'];
const YES = /^(yes|y|true|1|x|✓|sí|si|sim|ja|oui)$/i;
const NO = /^(no|n|false|0|não|nao|nein|non)?$/i;

type RowResult = { record: StoredRecord } | { problem: string };

function httpsUrl(v: string | undefined, allowHttp = false): string | undefined | false {
  if (!v) return undefined;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || (allowHttp && u.protocol === 'http:') ? u.href : false;
  } catch {
    return false;
  }
}

/** Turns one sheet row into a full record, or says exactly which cell is wrong. */
export function csvRowToRecord(row: CsvRow, opts: PreviewOptions): RowResult {
  const c = row.cells;
  if (row.problem) return { problem: `the row is malformed: ${row.problem}` };
  const code = normalizeAdCode(c.code ?? '');
  if (!code) return { problem: c.code ? `“${c.code.slice(0, 24)}${c.code.length > 24 ? '…' : ''}” is not an ad code` : 'the code cell is empty' };
  const zone = rowZone(c, opts.zone);

  let creatorHandle: string | undefined;
  if (c.tiktok_handle) {
    const h = `@${c.tiktok_handle.replace(/^@/, '').toLowerCase()}`;
    if (!HANDLE.test(h)) return { problem: `creator “${c.tiktok_handle}” is not a TikTok handle (letters, digits, . and _ only)` };
    creatorHandle = h;
  }

  let periodDays = opts.defaultPeriodDays ?? DEFAULT_PERIOD_DAYS;
  let periodAssumed = true;
  if (c.period_days) {
    const p = Number(c.period_days.replace(/\s*(days?|d|días|dias|tage|jours)$/i, ''));
    if (!Number.isInteger(p) || p < 1 || p > LIMITS.periodDaysMax) return { problem: `period “${c.period_days}” is not a number of days (1 to ${LIMITS.periodDaysMax})` };
    periodDays = p;
    periodAssumed = c.period_assumed ? YES.test(c.period_assumed) : false;
  }

  const date = (label: string, v: string | undefined) => {
    if (!v) return { ok: true as const, value: undefined };
    const t = parseSheetDate(v, zone);
    if (t !== undefined) return { ok: true as const, value: t };
    if (twoDigitYear(v)) return { ok: false as const, problem: `${label} “${v}” has a two-digit year; write the full year (for example 2026-12-01)` };
    return { ok: false as const, problem: `${label} “${v}” is not a date (use 2026-12-01, 2026-12-01 18:00 or ISO 8601)` };
  };
  const received = date('received date', c.received_at);
  if (!received.ok) return { problem: received.problem };
  const expiresIso = date('expiry', c.expires_at);
  if (!expiresIso.ok) return { problem: expiresIso.problem };
  const expiresLocal = expiresIso.value === undefined ? date('expiry', c.expires_local) : expiresIso;
  if (!expiresLocal.ok) return { problem: expiresLocal.problem };
  const renewal = date('renewal date', c.renewal_requested_at);
  if (!renewal.ok) return { problem: renewal.problem };

  const receivedAt = received.value ?? opts.now;
  const expiresAt = expiresLocal.value ?? computeExpiry(receivedAt, periodDays);
  if (expiresLocal.value !== undefined && !c.period_days) periodAssumed = false;

  let status: AdCodeRecord['status'] = 'unused';
  if (c.usage) {
    if (/^(used|in use|in_use)$/i.test(c.usage) || YES.test(c.usage)) status = 'used';
    else if (!/^(unused|not used|new)$/i.test(c.usage) && !NO.test(c.usage)) return { problem: `usage “${c.usage}” should be “used” or “unused”` };
  }
  let archived: 0 | 1 = 0;
  if (c.archived) {
    if (YES.test(c.archived)) archived = 1;
    else if (!NO.test(c.archived)) return { problem: `archived “${c.archived}” should be yes or no` };
  }

  const sourceUrl = httpsUrl(c.source_url, true);
  if (sourceUrl === false) return { problem: `source link “${c.source_url}” is not a web address` };
  if (c.sender_email && !isSingleEmail(c.sender_email.trim())) {
    return { problem: `sender email “${c.sender_email}” is not one email address (one address per code, no lists)` };
  }

  const tags = [...new Set((c.tags ?? '').split(/[;,]/).map((t) => t.trim()).filter(Boolean))];
  if (tags.some((t) => t.length > LIMITS.tag)) return { problem: `a tag is longer than ${LIMITS.tag} characters (the limit); shorten it in the file` };
  const kind = KINDS.includes(c.source_kind as CaptureKind) ? (c.source_kind as CaptureKind) : 'import';
  const source: CaptureSource = { kind };
  if (c.sender_name) source.senderName = clip(c.sender_name, LIMITS.senderName);
  if (c.sender_email) source.senderEmail = c.sender_email.trim();
  if (c.subject) source.subject = clip(c.subject, LIMITS.subject);
  if (sourceUrl) source.url = sourceUrl;

  const record: StoredRecord = {
    code,
    creatorHandle,
    postUrl: c.post_url?.trim() || undefined,
    periodDays,
    periodAssumed,
    receivedAt,
    expiresAt,
    expiryEdited: expiresLocal.value !== undefined && expiresAt !== computeExpiry(receivedAt, periodDays) ? true : undefined,
    // No received date in the sheet: the import time stands in, so the popup asks for the real one.
    receivedAtUnknown: received.value === undefined ? true : undefined,
    status,
    uses: [],
    archived,
    notes: c.notes ?? '',
    tags,
    source,
    renewalRequestedAt: renewal.value,
    alertsSent: [],
    createdAt: opts.now,
    // A sheet being imported is the user's latest word on these codes.
    updatedAt: opts.now,
  };
  const checked = storedRecordSchema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { problem: `${issue.path.join('.').replace(/^source\./, '') || 'row'} ${issue.message}` };
  }
  return { record: stripUndefined(followCaptureRules(record)) };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Same code on both sides: the newer version (by updatedAt) wins field by field, tags and
 * uses are combined, notes are kept from both. Thresholds already notified stay notified
 * unless the expiry moved.
 */
export function mergeImported(existing: AdCodeRecord, incoming: StoredRecord): AdCodeRecord {
  const newer = incoming.updatedAt > existing.updatedAt ? incoming : existing;
  const older = newer === incoming ? existing : incoming;
  const uses = [...existing.uses];
  for (const u of incoming.uses) if (!uses.some((e) => e.at === u.at && e.advertiserId === u.advertiserId)) uses.push(u);
  uses.sort((a, b) => a.at - b.at);
  const notes =
    !incoming.notes || existing.notes.includes(incoming.notes) ? existing.notes : !existing.notes || incoming.notes.includes(existing.notes) ? incoming.notes : `${existing.notes}\n${incoming.notes}`;
  const merged: AdCodeRecord = {
    ...older,
    ...stripUndefined(newer),
    id: existing.id,
    code: existing.code,
    creatorHandle: newer.creatorHandle ?? older.creatorHandle,
    postUrl: newer.postUrl ?? older.postUrl,
    source: { ...stripUndefined(older.source), ...stripUndefined(newer.source) },
    tags: [...new Set([...existing.tags, ...incoming.tags])].slice(0, 50),
    uses,
    notes,
    status: newer.status,
    alertsSent: newer.expiresAt === existing.expiresAt ? [...new Set([...existing.alertsSent, ...incoming.alertsSent])] : newer.alertsSent,
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
  };
  if (merged.source.kind === 'import' && existing.source.kind !== 'import') merged.source.kind = existing.source.kind;
  return merged;
}

/** Human summary of what a merge changes, for the preview. */
export function describeMerge(existing: AdCodeRecord, merged: AdCodeRecord, fmtDate: (ts: number) => string): string {
  const changes: string[] = [];
  if (merged.expiresAt !== existing.expiresAt) changes.push(`expiry ${fmtDate(existing.expiresAt)} → ${fmtDate(merged.expiresAt)}`);
  if (merged.creatorHandle !== existing.creatorHandle) changes.push(`creator ${existing.creatorHandle ?? '—'} → ${merged.creatorHandle}`);
  if (merged.status !== existing.status) changes.push(`usage ${existing.status} → ${merged.status}`);
  if (merged.archived !== existing.archived) changes.push(merged.archived ? 'archived' : 'unarchived');
  const newTags = merged.tags.filter((t) => !existing.tags.includes(t));
  if (newTags.length) changes.push(`tags + ${newTags.join(', ')}`);
  if (merged.notes !== existing.notes) changes.push('notes added');
  if (merged.uses.length !== existing.uses.length) changes.push(`${merged.uses.length - existing.uses.length} use(s) added`);
  return changes.length ? `Same code already saved: ${changes.join('; ')}` : 'Same code already saved: nothing changes';
}

interface Candidate {
  row: number;
  record?: StoredRecord;
  problem?: string;
}

/**
 * The capture rules, applied to imported records: only a TikTok video link is a link and only a
 * single address is a sender address; anything else is kept, as text, in the notes.
 */
export function followCaptureRules<R extends Pick<AdCodeRecord, 'postUrl' | 'source' | 'notes'>>(record: R): R {
  const kept: string[] = [];
  let { postUrl, source } = record;
  if (postUrl !== undefined && !tiktokVideoUrl(postUrl)) {
    kept.push(`Link (not a TikTok video, kept as text): ${postUrl}`);
    postUrl = undefined;
  }
  if (source.senderEmail !== undefined && !isSingleEmail(source.senderEmail)) {
    kept.push(`Sender address as imported (not one address, kept as text): ${source.senderEmail}`);
    source = { ...source, senderEmail: undefined };
    delete source.senderEmail;
  }
  if (!kept.length) return record;
  const out = { ...record, postUrl, source, notes: [record.notes, ...kept].filter(Boolean).join('\n') };
  if (postUrl === undefined) delete out.postUrl;
  return out;
}

export function previewCandidates(
  candidates: Candidate[],
  existing: ReadonlyMap<string, AdCodeRecord>,
  fmtDate: (ts: number) => string,
): PreviewRow[] {
  const seen = new Map<string, number>();
  return candidates.map(({ row, record, problem }): PreviewRow => {
    if (!record) return { row, outcome: 'reject', detail: problem ?? 'unreadable row' };
    const code = normalizeAdCode(record.code);
    const base = { row, code: code ?? record.code, creator: record.creatorHandle };
    if (!code) return { ...base, outcome: 'reject', detail: 'not an ad code' };
    const first = seen.get(code);
    if (first !== undefined) return { ...base, outcome: 'reject', detail: `same code as row ${first} of this file` };
    seen.set(code, row);
    const normalized = { ...record, code };
    const known = existing.get(code);
    if (known) return { ...base, outcome: 'merge', detail: describeMerge(known, mergeImported(known, normalized), fmtDate), record: normalized };
    return { ...base, outcome: 'add', detail: 'New code', record: normalized };
  });
}

/** JSON if it looks like JSON (by name or first character), CSV otherwise. */
export function previewImportFile(
  fileName: string,
  text: string,
  existing: ReadonlyMap<string, AdCodeRecord>,
  opts: PreviewOptions & { fmtDate: (ts: number) => string },
): ImportPreview {
  const isJson = /\.json$/i.test(fileName) || /^\uFEFF?\s*[[{]/.test(text);
  if (isJson) {
    const parsed = parseBackup(text);
    if (!parsed.ok) return parsed;
    const candidates = parsed.entries.map((e) => ({ row: e.index, record: e.record && followCaptureRules(e.record), problem: e.problem }));
    return { ok: true, kind: 'json', rows: previewCandidates(candidates, existing, opts.fmtDate) };
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const candidates = parsed.rows.map((r) => {
    const res = csvRowToRecord(r, opts);
    return 'record' in res ? { row: r.line, record: res.record } : { row: r.line, problem: res.problem };
  });
  return { ok: true, kind: 'csv', rows: previewCandidates(candidates, existing, opts.fmtDate) };
}
