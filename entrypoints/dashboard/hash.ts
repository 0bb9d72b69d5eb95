import type { StatusFilter } from './filters';

/** The dashboard's address fragment: `#code=12` (open a code), `&renew=1`, `#view=table&status=expiring`. */
export type View = 'calendar' | 'timeline' | 'table';
export interface HashState {
  code?: number;
  renew?: boolean;
  view?: View;
  status?: StatusFilter;
}

const VIEWS: View[] = ['calendar', 'timeline', 'table'];
const STATUSES: StatusFilter[] = ['all', 'active', 'expiring', 'used', 'expired', 'archived', 'renewal'];

export function parseHash(hash: string): HashState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const out: HashState = {};
  const code = Number(p.get('code'));
  if (Number.isInteger(code) && code > 0) out.code = code;
  if (p.get('renew') === '1') out.renew = true;
  const view = p.get('view') as View | null;
  if (view && VIEWS.includes(view)) out.view = view;
  const status = p.get('status') as StatusFilter | null;
  if (status && STATUSES.includes(status)) out.status = status;
  return out;
}

export function formatHash(s: HashState): string {
  const p = new URLSearchParams();
  if (s.view && s.view !== 'calendar') p.set('view', s.view);
  if (s.status && s.status !== 'all') p.set('status', s.status);
  if (s.code) p.set('code', String(s.code));
  if (s.renew) p.set('renew', '1');
  const str = p.toString();
  return str ? `#${str}` : '';
}
