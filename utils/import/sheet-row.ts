import type { AdCodeRecord, CaptureKind, CaptureSource, StoredRecord } from '../code-record';
import type { CsvRow } from '../csv';
import { rowZone } from '../csv';
import { computeExpiry, DEFAULT_PERIOD_DAYS } from '../expiry';
import { normalizeAdCode } from '../extract';
import { isSingleEmail } from '../links';
import { clip } from '../vault/fit';
import { LIMITS } from '../vault/limits';
import type { DateField } from './sheet';
import { localeDateOrder, readPeriod, readSheetDate, readStatus, type DateOrder } from './values';

/**
 * One sheet row → what the sheet says about one code (a patch: only the fields the sheet has a value for),
 * then either a new record (defaults for the rest) or the saved record with just those fields replaced.
 * So a sheet without a status column never resets used codes, and one without a period keeps the saved one.
 */

export interface SheetRowContext {
  zone: string;
  now: number;
  defaultPeriodDays?: number;
  /** The user's locale, for numeric dates whose column did not decide its own order. */
  locale?: string;
  dateOrders?: Partial<Record<DateField, { order: DateOrder }>>;
}

export interface SheetPatch {
  code: string;
  creatorHandle?: string;
  creatorName?: string;
  postUrl?: string;
  periodDays?: number;
  periodAssumed?: boolean;
  receivedAt?: number;
  expiresAt?: number;
  status?: AdCodeRecord['status'];
  archived?: 0 | 1;
  notes?: string;
  tags?: string[];
  source: Partial<CaptureSource>;
  renewalRequestedAt?: number;
}

export type SheetRowRead = { patch: SheetPatch; notes: string[] } | { problem: string };

const HANDLE = new RegExp(`^@[a-z0-9._]{1,${LIMITS.handle}}$`);
const KINDS: CaptureKind[] = [
  'gmail',
  'outlook',
  'instagram',
  'tiktok-dm',
  'tiktok-shop',
  'whatsapp',
  'slack',
  'selection',
  'paste',
  'import',
];
const YES = /^(yes|y|true|1|x|✓|sí|si|sim|ja|oui)$/i;
const NO = /^(no|n|false|0|não|nao|nein|non)?$/i;

function httpsUrl(v: string, allowHttp = false): string | false {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || (allowHttp && u.protocol === 'http:') ? u.href : false;
  } catch {
    return false;
  }
}

/** Reads every filled cell of the row, or names the first one that cannot be read (the row is then refused whole). */
export function readSheetRow(row: CsvRow, ctx: SheetRowContext): SheetRowRead {
  const c = row.cells;
  const notes: string[] = [];
  if (row.problem) return { problem: `the row is malformed: ${row.problem}` };
  const code = normalizeAdCode(c.code ?? '');
  if (!code)
    return { problem: c.code ? `“${c.code.slice(0, 24)}${c.code.length > 24 ? '…' : ''}” is not an ad code` : 'the code cell is empty' };
  const zone = rowZone(c, ctx.zone);
  const patch: SheetPatch = { code, source: {} };

  if (c.tiktok_handle) {
    const h = `@${c.tiktok_handle.replace(/^@/, '').toLowerCase()}`;
    if (!HANDLE.test(h)) return { problem: `creator “${c.tiktok_handle}” is not a TikTok handle (letters, digits, . and _ only)` };
    patch.creatorHandle = h;
  }
  if (c.creator_name) patch.creatorName = clip(c.creator_name, LIMITS.senderName);

  if (c.period_days) {
    const p = readPeriod(c.period_days);
    if (!p.ok) return { problem: p.problem };
    if (p.note) notes.push(p.note);
    patch.periodDays = p.value;
    patch.periodAssumed = c.period_assumed ? YES.test(c.period_assumed) : false;
  }

  const date = (field: DateField, label: string): { ok: true; value?: number } | { ok: false; problem: string } => {
    const v = c[field];
    if (!v) return { ok: true };
    const order = ctx.dateOrders?.[field]?.order ?? localeDateOrder(ctx.locale ?? 'en');
    const t = readSheetDate(v, order, zone);
    if (!t.ok) return { ok: false, problem: `${label} ${t.problem}` };
    if (t.note) notes.push(`${label} ${t.note}`);
    return { ok: true, value: t.value };
  };
  const received = date('received_at', 'received date');
  if (!received.ok) return received;
  const expires = date('expires_at', 'expiry');
  if (!expires.ok) return expires;
  const expiresLocal = expires.value === undefined ? date('expires_local', 'expiry') : expires;
  if (!expiresLocal.ok) return expiresLocal;
  const renewal = date('renewal_requested_at', 'renewal date');
  if (!renewal.ok) return renewal;
  patch.receivedAt = received.value;
  patch.expiresAt = expiresLocal.value;
  patch.renewalRequestedAt = renewal.value;

  if (c.usage) {
    const s = readStatus(c.usage);
    if (s.note) notes.push(s.note);
    if (s.reading === 'used' || s.reading === 'unused') patch.status = s.reading;
  }
  if (c.archived) {
    if (YES.test(c.archived)) patch.archived = 1;
    else if (NO.test(c.archived)) patch.archived = 0;
    else return { problem: `archived “${c.archived}” should be yes or no` };
  }

  if (c.source_url) {
    const u = httpsUrl(c.source_url, true);
    if (u === false) return { problem: `source link “${c.source_url}” is not a web address` };
    patch.source.url = u;
  }
  if (c.sender_email) {
    if (!isSingleEmail(c.sender_email.trim()))
      return { problem: `sender email “${c.sender_email}” is not one email address (one address per code, no lists)` };
    patch.source.senderEmail = c.sender_email.trim();
  }
  if (c.sender_name) patch.source.senderName = clip(c.sender_name, LIMITS.senderName);
  if (c.subject) patch.source.subject = clip(c.subject, LIMITS.subject);
  if (c.source_kind && KINDS.includes(c.source_kind as CaptureKind)) patch.source.kind = c.source_kind as CaptureKind;

  if (c.tags) {
    const tags = [
      ...new Set(
        c.tags
          .split(/[;,]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    if (tags.some((t) => t.length > LIMITS.tag))
      return { problem: `a tag is longer than ${LIMITS.tag} characters (the limit); shorten it in the file` };
    patch.tags = tags;
  }
  if (c.notes) patch.notes = c.notes;
  if (c.post_url?.trim()) patch.postUrl = c.post_url.trim();
  return { patch, notes };
}

/** The creator's name is who sent the code: the sender's name when there is none, else a line in the notes. */
function placeCreatorName(source: CaptureSource, notes: string, name: string | undefined): { source: CaptureSource; notes: string } {
  if (!name || source.senderName === name || notes.includes(name)) return { source, notes };
  if (!source.senderName) return { source: { ...source, senderName: name }, notes };
  return { source, notes: [notes, `Creator: ${name}`].filter(Boolean).join('\n') };
}

/** A new code from the sheet: what it says, and the usual defaults (received now, default period) for the rest. */
export function recordFromPatch(patch: SheetPatch, ctx: SheetRowContext): StoredRecord {
  const periodDays = patch.periodDays ?? ctx.defaultPeriodDays ?? DEFAULT_PERIOD_DAYS;
  const receivedAt = patch.receivedAt ?? ctx.now;
  const computed = computeExpiry(receivedAt, periodDays);
  const expiresAt = patch.expiresAt ?? computed;
  const placed = placeCreatorName({ kind: 'import', ...patch.source }, patch.notes ?? '', patch.creatorName);
  return {
    code: patch.code,
    creatorHandle: patch.creatorHandle,
    postUrl: patch.postUrl,
    periodDays,
    periodAssumed: patch.periodDays === undefined ? patch.expiresAt === undefined : (patch.periodAssumed ?? false),
    receivedAt,
    expiresAt,
    expiryEdited: patch.expiresAt !== undefined && expiresAt !== computed ? true : undefined,
    // No received date in the sheet: the import time stands in, so the popup asks for the real one.
    receivedAtUnknown: patch.receivedAt === undefined ? true : undefined,
    status: patch.status ?? 'unused',
    uses: [],
    archived: patch.archived ?? 0,
    notes: placed.notes,
    tags: patch.tags ?? [],
    source: placed.source,
    renewalRequestedAt: patch.renewalRequestedAt,
    alertsSent: [],
    createdAt: ctx.now,
    // A sheet being imported is the user's latest word on these codes.
    updatedAt: ctx.now,
  };
}

/**
 * The saved code with only what the sheet says replaced. The expiry follows the sheet's expiry if it has one,
 * else the sheet's received date and period (each falling back to the saved one) when either changed.
 */
export function applyPatch(existing: AdCodeRecord, patch: SheetPatch, now: number): AdCodeRecord {
  const out: AdCodeRecord = { ...existing, source: { ...existing.source }, updatedAt: Math.max(now, existing.updatedAt) };
  if (patch.creatorHandle !== undefined) out.creatorHandle = patch.creatorHandle;
  if (patch.postUrl !== undefined) out.postUrl = patch.postUrl;
  if (patch.status !== undefined) out.status = patch.status;
  if (patch.archived !== undefined) out.archived = patch.archived;
  if (patch.renewalRequestedAt !== undefined) out.renewalRequestedAt = patch.renewalRequestedAt;
  if (patch.tags) out.tags = [...new Set([...existing.tags, ...patch.tags])].slice(0, LIMITS.tags);
  if (patch.notes && !existing.notes.includes(patch.notes)) out.notes = existing.notes ? `${existing.notes}\n${patch.notes}` : patch.notes;
  Object.assign(out.source, patch.source);
  if (patch.periodDays !== undefined) {
    out.periodDays = patch.periodDays;
    out.periodAssumed = patch.periodAssumed ?? false;
  }
  if (patch.receivedAt !== undefined) {
    out.receivedAt = patch.receivedAt;
    delete out.receivedAtUnknown;
  }
  const computed = computeExpiry(out.receivedAt, out.periodDays);
  if (patch.expiresAt !== undefined) {
    out.expiresAt = patch.expiresAt;
    out.expiryEdited = patch.expiresAt !== computed ? true : undefined;
  } else if (out.receivedAt !== existing.receivedAt || out.periodDays !== existing.periodDays) {
    out.expiresAt = computed;
    out.expiryEdited = undefined;
  }
  if (out.expiresAt !== existing.expiresAt) out.alertsSent = [];
  const placed = placeCreatorName(out.source, out.notes, patch.creatorName);
  out.source = placed.source;
  out.notes = placed.notes;
  return out;
}
