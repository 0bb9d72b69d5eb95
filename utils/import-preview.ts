import type { AdCodeRecord } from './code-record';
import { normalizeAdCode } from './extract';
import { parseBackup } from './backup';
import { storedRecordSchema, type StoredRecord } from './vault/schema';
import { isSingleEmail, tiktokVideoUrl } from './links';
import type { CsvRow } from './csv';
import { parseCsv, type LargeSheet, type MappedSheet } from './import/sheet';
import { applyPatch, readSheetRow, recordFromPatch, type SheetPatch, type SheetRowContext } from './import/sheet-row';
import type { SheetField } from './import/mapping';
import { LIMITS } from './vault/limits';

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
  /** Every value read other than literally ("'1 year' read as 365 days") or not read at all. */
  notes?: string[];
  record?: StoredRecord;
}

/** A sheet's columns as read: headers, the guess, the mapping used, ignored columns, date orders, and sample cells. */
export type SheetSummary = Omit<MappedSheet, 'rows'>;

export type ImportPreview =
  | {
      ok: true;
      kind: 'csv' | 'json';
      rows: PreviewRow[];
      sheet?: SheetSummary;
      /** A large sheet's columns not read. */ ignoredColumns?: string[];
    }
  | { ok: false; error: string };

export type PreviewOptions = SheetRowContext & {
  mapping?: readonly SheetField[];
  /** A sheet without a recognisable code column still gets a preview (no rows), so the user can pick the column. */
  allowNoCode?: boolean;
};

type RowResult = { record: StoredRecord; patch: SheetPatch; notes: string[] } | { problem: string };

/** Turns one sheet row into a full new record (and what the sheet said, for a merge), or says exactly which cell is wrong. */
export function csvRowToRecord(row: CsvRow, opts: PreviewOptions): RowResult {
  const read = readSheetRow(row, opts);
  if ('problem' in read) return read;
  const record = recordFromPatch(read.patch, opts);
  const checked = checkRecord(record);
  if (typeof checked === 'string') return { problem: checked };
  return { record: checked, patch: read.patch, notes: read.notes };
}

function checkRecord(record: StoredRecord): StoredRecord | string {
  const checked = storedRecordSchema.safeParse(stripUndefined(record));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return `${issue.path.join('.').replace(/^source\./, '') || 'row'} ${issue.message}`;
  }
  return stripUndefined(followCaptureRules(stripUndefined(record)));
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
    !incoming.notes || existing.notes.includes(incoming.notes)
      ? existing.notes
      : !existing.notes || incoming.notes.includes(existing.notes)
        ? incoming.notes
        : `${existing.notes}\n${incoming.notes}`;
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
    accounts: mergeAccounts(older.accounts, newer.accounts),
    history: mergeHistory(existing.history, incoming.history),
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
  };
  if (merged.source.kind === 'import' && existing.source.kind !== 'import') merged.source.kind = existing.source.kind;
  if (!merged.accounts) delete merged.accounts;
  if (!merged.history) delete merged.history;
  return merged;
}

/** Every account either side knows holds the code; for one account the later fact wins ('applied' beats 'listed' at equal times). */
function mergeAccounts(older: AdCodeRecord['accounts'], newer: AdCodeRecord['accounts']): AdCodeRecord['accounts'] {
  if (!older?.length && !newer?.length) return newer ?? older;
  const byId = new Map<string, NonNullable<AdCodeRecord['accounts']>[number]>();
  for (const a of [...(older ?? []), ...(newer ?? [])]) {
    const had = byId.get(a.advertiserId);
    const later = !had || a.at > had.at || (a.at === had.at && a.state === 'applied') ? a : had;
    const name = later.name ?? (later === a ? had?.name : a.name);
    byId.set(a.advertiserId, name === undefined ? later : { ...later, name });
  }
  return [...byId.values()].slice(0, LIMITS.accounts);
}

/** Both sides' history lines, oldest first, each once; the cap drops the oldest. */
function mergeHistory(a: AdCodeRecord['history'], b: AdCodeRecord['history']): AdCodeRecord['history'] {
  if (!a?.length && !b?.length) return a ?? b;
  const seen = new Map<string, NonNullable<AdCodeRecord['history']>[number]>();
  for (const h of [...(a ?? []), ...(b ?? [])])
    seen.set(JSON.stringify([h.at, h.actor, h.kind, h.advertiserId ?? '', h.from ?? '', h.to ?? '']), h);
  return [...seen.values()].sort((x, y) => x.at - y.at).slice(-LIMITS.history);
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
  /** For sheet rows: only what the sheet said, so a merge replaces nothing else. */
  patch?: SheetPatch;
  notes?: string[];
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
  now = Date.now(),
): PreviewRow[] {
  const seen = new Map<string, number>();
  return candidates.map(({ row, record, patch, notes, problem }): PreviewRow => {
    if (!record) return { row, outcome: 'reject', detail: problem ?? 'unreadable row' };
    const code = normalizeAdCode(record.code);
    const base = { row, code: code ?? record.code, creator: record.creatorHandle, ...(notes?.length ? { notes } : {}) };
    // What was read other than literally goes into the detail too, so the row preview says it.
    const withNotes = (detail: string) => (notes?.length ? `${detail}. ${notes.join('; ')}` : detail);
    if (!code) return { ...base, outcome: 'reject', detail: 'not an ad code' };
    const first = seen.get(code);
    if (first !== undefined) return { ...base, outcome: 'reject', detail: `same code as row ${first} of this file` };
    seen.set(code, row);
    const normalized = { ...record, code };
    const known = existing.get(code);
    if (known && patch) {
      const { id: _id, ...merged } = applyPatch(known, patch, now);
      void _id;
      const checked = checkRecord(merged);
      if (typeof checked === 'string') return { ...base, outcome: 'reject', detail: checked };
      return {
        ...base,
        creator: checked.creatorHandle,
        outcome: 'merge',
        detail: withNotes(describeMerge(known, { ...checked, id: known.id }, fmtDate)),
        record: checked,
      };
    }
    if (known)
      return { ...base, outcome: 'merge', detail: describeMerge(known, mergeImported(known, normalized), fmtDate), record: normalized };
    return { ...base, outcome: 'add', detail: withNotes('New code'), record: normalized };
  });
}

/** JSON if it looks like JSON (by name or first character), CSV otherwise. */
export function previewImportFile(
  fileName: string,
  text: string,
  existing: ReadonlyMap<string, AdCodeRecord>,
  opts: PreviewOptions & { fmtDate: (ts: number) => string },
): ImportPreview {
  if (looksLikeJson(fileName, text)) {
    const parsed = parseBackup(text);
    if (!parsed.ok) return parsed;
    const candidates = parsed.entries.map((e) => ({ row: e.index, record: e.record && followCaptureRules(e.record), problem: e.problem }));
    return { ok: true, kind: 'json', rows: previewCandidates(candidates, existing, opts.fmtDate) };
  }
  const parsed = parseCsv(text, { mapping: opts.mapping, locale: opts.locale, allowNoCode: opts.allowNoCode });
  if (!parsed.ok) return parsed;
  const { rows, ...columns } = parsed;
  if (!columns.mapping.includes('code')) return { ok: true, kind: 'csv', rows: [], sheet: columns };
  return { ok: true, kind: 'csv', rows: previewSheetRows(rows, existing, { ...opts, dateOrders: parsed.dateOrders }), sheet: columns };
}

function previewSheetRows(
  rows: CsvRow[],
  existing: ReadonlyMap<string, AdCodeRecord>,
  opts: PreviewOptions & { fmtDate: (ts: number) => string },
) {
  const candidates = rows.map((r): Candidate => {
    const res = csvRowToRecord(r, opts);
    return 'record' in res
      ? { row: r.line, record: res.record, patch: res.patch, notes: res.notes }
      : { row: r.line, problem: res.problem };
  });
  return previewCandidates(candidates, existing, opts.fmtDate, opts.now);
}

/** JSON if it looks like JSON (by name or first character), a sheet otherwise. */
export function looksLikeJson(fileName: string, head: string): boolean {
  return /\.json$/i.test(fileName) || /^\uFEFF?\s*[[{]/.test(head);
}

/**
 * The preview of a large sheet read slice by slice (readLargeSheet): its columns were mapped by the guess
 * alone (the mapping step is for sheets small enough to show), so the preview lists what it ignored.
 */
export function previewStreamedCsv(
  parsed: LargeSheet,
  existing: ReadonlyMap<string, AdCodeRecord>,
  opts: PreviewOptions & { fmtDate: (ts: number) => string },
): ImportPreview {
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    kind: 'csv',
    rows: previewSheetRows(parsed.rows, existing, { ...opts, dateOrders: parsed.dateOrders }),
    ignoredColumns: parsed.ignoredColumns,
  };
}
