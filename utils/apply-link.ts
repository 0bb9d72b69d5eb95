import { BATCH } from './vault/limits';

/**
 * The one address that opens the dashboard's "Apply to ad accounts…" dialog for some codes:
 * `dashboard.html?apply=<id>,<id>`. The popup, the Save bar (through the background) and the
 * dashboard all use these two functions, so the contract cannot drift.
 */

export const APPLY_PARAM = 'apply';
/** As many as one tiktokApplyCodes request takes. */
export const APPLY_LINK_MAX_IDS = BATCH.verify;

/** Path within the extension; give it to browser.runtime.getURL for a full address. */
export function applyLink(ids: number[]): string {
  const clean = [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0))].slice(0, APPLY_LINK_MAX_IDS);
  return `/dashboard.html?${APPLY_PARAM}=${clean.join(',')}`;
}

/** The record ids in a dashboard address's query (`location.search`); [] when there are none. */
export function applyIdsOf(search: string): number[] {
  const raw = new URLSearchParams(search).get(APPLY_PARAM);
  if (!raw) return [];
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d{1,15}$/.test(s))
    .map(Number)
    .filter((n) => n > 0);
  return [...new Set(ids)].slice(0, APPLY_LINK_MAX_IDS);
}

/** The same query without the apply parameter, so closing the dialog (or a reload) does not reopen it. */
export function withoutApply(search: string): string {
  const p = new URLSearchParams(search);
  p.delete(APPLY_PARAM);
  const rest = p.toString();
  return rest ? `?${rest}` : '';
}
