import type { AdCodeRecord } from '@/utils/code-record';
import { codeStatus, type CodeStatus } from '@/utils/expiry';

/** Filtering, sorting and grouping of the dashboard's codes: pure, so 10 000 rows are cheap to test. */

export type StatusFilter = 'all' | CodeStatus | 'renewal';
export interface Filters {
  status: StatusFilter;
  creator: string;
  tag: string;
  search: string;
}
export const NO_FILTERS: Filters = { status: 'all', creator: '', tag: '', search: '' };
/** Sentinels for "no creator" / "no tag" in a select. */
export const NONE = '\u0000none';

export function isUnfiltered(f: Filters): boolean {
  return f.status === 'all' && !f.creator && !f.tag && !f.search;
}

export type Row = AdCodeRecord & { id: number; state: CodeStatus };

export function withState(records: AdCodeRecord[], now: number, windowDays: number): Row[] {
  const rows: Row[] = [];
  for (const r of records) if (r.id !== undefined) rows.push({ ...r, id: r.id, state: codeStatus(r, now, windowDays) });
  return rows;
}

export function applyFilters(rows: Row[], f: Filters): Row[] {
  const q = f.search.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.status === 'all' ? r.state === 'archived' : f.status === 'renewal' ? !r.renewalRequestedAt || r.archived : r.state !== f.status) return false;
    if (f.creator && (f.creator === NONE ? !!r.creatorHandle : r.creatorHandle !== f.creator)) return false;
    if (f.tag && (f.tag === NONE ? r.tags.length > 0 : !r.tags.includes(f.tag))) return false;
    if (q) {
      const hay = `${r.code} ${r.creatorHandle ?? ''} ${r.notes} ${r.tags.join(' ')} ${r.source.senderName ?? ''} ${r.source.senderEmail ?? ''} ${r.source.subject ?? ''}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

export type SortKey = 'expiresAt' | 'creator' | 'receivedAt' | 'state' | 'uses' | 'code';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const STATE_ORDER: Record<CodeStatus, number> = { expired: 0, expiring: 1, used: 2, active: 3, archived: 4 };

export function sortRows(rows: Row[], s: Sort): Row[] {
  const sign = s.dir === 'asc' ? 1 : -1;
  const key = (r: Row): number | string => {
    switch (s.key) {
      case 'creator':
        return r.creatorHandle ?? '\uffff';
      case 'state':
        return STATE_ORDER[r.state];
      case 'uses':
        return r.uses.length;
      case 'code':
        return r.code;
      default:
        return r[s.key];
    }
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.expiresAt - b.expiresAt;
    return c * sign;
  });
}

export function distinctCreators(rows: AdCodeRecord[]): string[] {
  const handles = new Set<string>();
  for (const r of rows) if (r.creatorHandle) handles.add(r.creatorHandle);
  return [...handles].sort();
}

export function distinctTags(rows: AdCodeRecord[]): string[] {
  const tags = new Set<string>();
  for (const r of rows) for (const tag of r.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

export type GroupBy = 'creator' | 'tag';
export interface Group {
  key: string;
  label: string;
  rows: Row[];
}

/** Timeline groups. A code with several tags appears under each; untagged / unknown creator last. */
export function groupRows(rows: Row[], by: GroupBy, noneLabel: string): Group[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const keys = by === 'creator' ? [r.creatorHandle ?? NONE] : r.tags.length ? r.tags : [NONE];
    for (const k of keys) {
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === NONE ? 1 : b === NONE ? -1 : a.localeCompare(b)))
    .map(([key, list]) => ({ key, label: key === NONE ? noneLabel : key, rows: list.sort((x, y) => x.expiresAt - y.expiresAt) }));
}
