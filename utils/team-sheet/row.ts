import type { CodeUse } from '../code-record';
import type { CsvRow } from '../csv';
import { normalizeAdCode } from '../extract';
import { readSheetRow, recordFromPatch, type SheetRowContext } from '../import/sheet-row';
import { HAND_EDITOR } from './sheet-author';
import { SHARED_FIELDS, type FieldAt, type SharedCode } from './shared';

/**
 * One code = one sheet row. The visible columns are the CSV export's (people read and type in them); the
 * bookkeeping columns after `problems` are hidden in a sheet the extension creates: the record id (the
 * normalized code, which is unique in every vault), when and by whom it last changed, each field's
 * change time, the uses (a set, merged as one) and the tombstone.
 */
export const VISIBLE_COLUMNS = [
  'code',
  'tiktok_handle',
  'post_url',
  'period_days',
  'received_at',
  'expires_at',
  'usage',
  'tags',
  'notes',
  'sender_name',
  'sender_email',
  'subject',
  'source_url',
  'source_kind',
  'archived',
] as const;
export const PROBLEMS_COLUMN = 'problems';
export const BOOKKEEPING_COLUMNS = ['record_id', 'updated_at', 'updated_by', 'field_at', 'uses', 'deleted'] as const;
export const SHEET_COLUMNS = [...VISIBLE_COLUMNS, PROBLEMS_COLUMN, ...BOOKKEEPING_COLUMNS] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export const col = (name: SheetColumn) => SHEET_COLUMNS.indexOf(name);
/** A1 letter of a column (the sheet has fewer than 27). */
export const colLetter = (name: SheetColumn) => String.fromCharCode(65 + col(name));
export const LAST_COLUMN = String.fromCharCode(64 + SHEET_COLUMNS.length);

export interface RowMeta {
  updatedAt: number;
  updatedBy: string;
  fieldAt: FieldAt;
  problems?: string;
}

const iso = (t: number) => new Date(t).toISOString();

/** The row the extension writes for a code (RAW values: nothing is read as a formula). */
export function rowOf(s: SharedCode, meta: RowMeta): string[] {
  const cells: Record<SheetColumn, string> = {
    code: s.code,
    tiktok_handle: s.creatorHandle?.replace(/^@/, '') ?? '',
    post_url: s.postUrl ?? '',
    period_days: String(s.periodDays),
    received_at: iso(s.receivedAt),
    expires_at: iso(s.expiresAt),
    usage: s.uses.length ? 'used' : 'unused',
    tags: s.tags.join('; '),
    notes: s.notes,
    sender_name: s.senderName ?? '',
    sender_email: s.senderEmail ?? '',
    subject: s.subject ?? '',
    source_url: s.sourceUrl ?? '',
    source_kind: s.sourceKind,
    archived: s.archived ? 'yes' : 'no',
    problems: meta.problems ?? '',
    record_id: s.code,
    updated_at: String(meta.updatedAt),
    updated_by: meta.updatedBy,
    field_at: JSON.stringify(meta.fieldAt),
    uses: JSON.stringify(s.uses),
    deleted: s.deleted ? 'yes' : '',
  };
  return SHEET_COLUMNS.map((c) => cells[c]);
}

/** What a row of the sheet says. A row without an id was typed by hand: it is a new capture from the sheet. */
export type ReadRow =
  | { kind: 'empty' }
  | { kind: 'code'; id: string; typed: boolean; values: SharedCode; meta: RowMeta; usage?: 'used' | 'unused' }
  | { kind: 'invalid'; id?: string; problem: string };

function json<T>(text: string, fallback: T, check: (v: unknown) => boolean): T | undefined {
  if (!text.trim()) return fallback;
  try {
    const v: unknown = JSON.parse(text);
    return check(v) ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

const isUses = (v: unknown) =>
  Array.isArray(v) &&
  v.every(
    (u) =>
      u &&
      typeof u === 'object' &&
      Number.isFinite((u as CodeUse).at) &&
      ['string', 'undefined'].includes(typeof (u as CodeUse).advertiserId),
  );
const isFieldAt = (v: unknown) =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.entries(v).every(([k, t]) => (SHARED_FIELDS as readonly string[]).includes(k) && Number.isFinite(t));

/**
 * Reads one row with the import's tolerant value readers (a teammate may type "60 days" or "3/1/2027").
 * A row that cannot be read whole is refused whole, with the reason for the problems column.
 */
export function readRow(cells: readonly string[], ctx: SheetRowContext): ReadRow {
  const at = (c: SheetColumn) => (cells[col(c)] ?? '').trim();
  if (VISIBLE_COLUMNS.every((c) => !at(c)) && !at('record_id')) return { kind: 'empty' };
  const id = at('record_id') || undefined;
  const csvCells: CsvRow['cells'] = {};
  for (const c of VISIBLE_COLUMNS) if (at(c) && c !== 'source_kind') csvCells[c] = at(c);
  const read = readSheetRow({ line: 0, cells: csvCells }, ctx);
  if ('problem' in read) return { kind: 'invalid', id, problem: `Not imported: ${read.problem}.` };
  const { patch } = read;
  if (id && normalizeAdCode(id) !== patch.code)
    return { kind: 'invalid', id, problem: `Not imported: the code cell was changed (this row is ${id.slice(0, 12)}…).` };
  const rec = recordFromPatch(patch, ctx);
  const uses = json<CodeUse[]>(at('uses'), [], isUses);
  const fieldAt = json<FieldAt>(at('field_at'), {}, isFieldAt);
  if (!uses || !fieldAt)
    return { kind: 'invalid', id, problem: 'Not imported: the hidden uses or field_at cell was edited and no longer reads.' };
  // A hand-typed "used" is a use at the time it was read; an id row's uses are in its hidden column.
  const typedUses = !id && patch.status === 'used' ? [{ at: ctx.now }] : [];
  const kind = at('source_kind');
  const values: SharedCode = {
    code: patch.code,
    creatorHandle: rec.creatorHandle,
    postUrl: rec.postUrl,
    periodDays: rec.periodDays,
    receivedAt: rec.receivedAt,
    expiresAt: rec.expiresAt,
    archived: rec.archived,
    notes: rec.notes,
    tags: rec.tags,
    uses: id ? uses : typedUses,
    senderName: rec.source.senderName,
    senderEmail: rec.source.senderEmail,
    subject: rec.source.subject,
    sourceUrl: rec.source.url,
    sourceKind:
      (['gmail', 'outlook', 'instagram', 'tiktok-dm', 'tiktok-shop', 'whatsapp', 'slack', 'selection', 'paste'] as const).find(
        (k) => k === kind,
      ) ?? 'import',
    deleted: /^(yes|true|1)$/i.test(at('deleted')),
  };
  const updatedAt = Number(at('updated_at')) || 0;
  // Typed by hand: every field it fills is as new as the moment it was read.
  const typedAt = id ? fieldAt : Object.fromEntries(SHARED_FIELDS.map((f) => [f, ctx.now]));
  return {
    kind: 'code',
    id: patch.code,
    typed: !id,
    values,
    meta: { updatedAt, updatedBy: at('updated_by') || HAND_EDITOR, fieldAt: typedAt, problems: at('problems') || undefined },
    // The visible usage cell as read: on an id row the uses come from the hidden column, so a hand edit shows here.
    usage: patch.status === 'used' || patch.status === 'unused' ? patch.status : undefined,
  };
}
