import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useI18n } from '@/utils/i18n/react';
import { shortCode, type MessageKey } from '@/utils/i18n';
import { sortRows, type Row, type Sort, type SortKey } from './filters';
import { StatusBadge } from './StatusBadge';
import { useDateFormats } from './useDateFormats';
import type { DashboardActions } from './actions';
import { ApplyDialog } from './ApplyDialog';
import { LIMITS } from '@/utils/vault/limits';

const ROW_HEIGHT = 44;
const COLUMNS: { key: SortKey; label: MessageKey; className: string }[] = [
  { key: 'code', label: 'colCode', className: 'col-code' },
  { key: 'creator', label: 'colCreator', className: 'col-creator' },
  { key: 'expiresAt', label: 'colExpires', className: 'col-expires' },
  { key: 'state', label: 'colStatus', className: 'col-status' },
  { key: 'receivedAt', label: 'colReceived', className: 'col-received' },
  { key: 'uses', label: 'colUses', className: 'col-uses' },
];

export function TableView({
  rows,
  now,
  onOpen,
  actions,
  tiktok = false,
  firstScreenOnly = false,
}: {
  rows: Row[];
  now: number;
  onOpen: (id: number) => void;
  actions: DashboardActions;
  /** The optional TikTok API check is set up: offer it for the selection. */
  tiktok?: boolean;
  /** Only the first rows, while the rest are still being read: "select all" waits for them. */
  firstScreenOnly?: boolean;
}) {
  const { t, tn, relative } = useI18n();
  const { date, dateTime } = useDateFormats();
  const [sort, setSort] = useState<Sort>({ key: 'expiresAt', dir: 'asc' });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [tag, setTag] = useState('');
  const [checking, setChecking] = useState<{ done: number; total: number }>();
  const [applying, setApplying] = useState<number[]>();
  const lastClicked = useRef<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);

  // Selection only ever holds codes that are still shown (filters or a delete can remove them).
  useEffect(() => {
    setSelected((s) => {
      if (s.size === 0) return s;
      const visible = new Set(rows.map((r) => r.id));
      const next = new Set([...s].filter((id) => visible.has(id)));
      return next.size === s.size ? s : next;
    });
  }, [rows]);

  // No React Compiler here, so TanStack Virtual's non-memoizable API costs nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const allSelected = sorted.length > 0 && selected.size === sorted.length;
  const ids = [...selected];

  const checkSelected = async () => {
    const targets = rows.filter((r) => selected.has(r.id)).map(({ id, code, creatorHandle }) => ({ id, code, creatorHandle }));
    setChecking({ done: 0, total: targets.length });
    try {
      await actions.verify(targets, (done, total) => setChecking({ done, total }));
    } finally {
      setChecking(undefined);
    }
  };

  const toggle = (index: number, id: number, range: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      const on = !s.has(id);
      if (range && lastClicked.current !== null) {
        const [a, b] = [Math.min(lastClicked.current, index), Math.max(lastClicked.current, index)];
        for (let i = a; i <= b; i++) {
          if (on) next.add(sorted[i].id);
          else next.delete(sorted[i].id);
        }
      } else if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    lastClicked.current = index;
  };

  const sortBy = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  return (
    <section className="tbl" aria-label={t('viewTable')}>
      {applying && <ApplyDialog ids={applying} onClose={() => setApplying(undefined)} />}
      {selected.size > 0 && (
        <div className="tbl-bulk" role="toolbar" aria-label={tn('selected', selected.size)}>
          <strong>{tn('selected', selected.size)}</strong>
          <form
            className="tbl-tag-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!tag.trim()) return;
              void actions.bulk(ids, { kind: 'addTag', tag: tag.trim() });
              setTag('');
            }}
          >
            <label className="visually-hidden" htmlFor="bulk-tag">
              {t('bulkTagPlaceholder')}
            </label>
            <input id="bulk-tag" className="input input-sm" placeholder={t('bulkTagPlaceholder')} value={tag} maxLength={LIMITS.tag} onChange={(e) => setTag(e.target.value)} />
            <button type="submit" className="btn btn-sm" disabled={!tag.trim()}>
              {t('bulkAddTag')}
            </button>
          </form>
          {tiktok && (
            <button type="button" className="btn btn-sm" onClick={() => void checkSelected()} disabled={!!checking} aria-busy={!!checking}>
              {checking ? t('tiktokCheckingProgress', { done: checking.done, total: checking.total }) : t('tiktokCheck')}
            </button>
          )}
          {tiktok && (
            <button type="button" className="btn btn-sm" onClick={() => setApplying(ids)}>
              Apply to ad accounts…
            </button>
          )}
          <button type="button" className="btn btn-sm" onClick={() => void actions.bulk(ids, { kind: 'usage', used: true })}>
            {t('bulkMarkUsed')}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void actions.bulk(ids, { kind: 'archive', archived: 1 })}>
            {t('bulkArchive')}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void actions.bulk(ids, { kind: 'archive', archived: 0 })}>
            {t('bulkUnarchive')}
          </button>
          <button type="button" className="btn btn-sm btn-danger" onClick={() => void actions.remove(ids).then(() => setSelected(new Set()))}>
            {t('bulkDelete')}
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setSelected(new Set())}>
            {t('clearSelection')}
          </button>
        </div>
      )}
      <div className="tbl-wrap" role="table" aria-label={t('viewTable')} aria-rowcount={sorted.length + 1} aria-busy={firstScreenOnly || undefined}>
        <div role="rowgroup">
          <div role="row" className="tbl-row tbl-head" aria-rowindex={1}>
            <span role="columnheader" className="col-select">
              <input
                hidden={firstScreenOnly}
                type="checkbox"
                aria-label={t('selectAll')}
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = selected.size > 0 && !allSelected;
                }}
                onChange={() => setSelected(allSelected ? new Set() : new Set(sorted.map((r) => r.id)))}
              />
            </span>
            {COLUMNS.map((c) => (
              <span
                key={c.key}
                role="columnheader"
                className={c.className}
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="tbl-sort" onClick={() => sortBy(c.key)} aria-label={t('sortBy', { column: t(c.label) })}>
                  {t(c.label)}
                  <span aria-hidden="true" className="tbl-sort-icon">
                    {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </span>
            ))}
            <span role="columnheader" className="col-tags">
              {t('colTags')}
            </span>
          </div>
        </div>
        <div className="tbl-scroll" ref={scrollRef} role="rowgroup">
          {sorted.length === 0 ? (
            <p className="dash-empty">{t('emptyFiltered')}</p>
          ) : (
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((v) => {
                const r = sorted[v.index];
                const isSel = selected.has(r.id);
                return (
                  <div
                    key={r.id}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={isSel}
                    className={`tbl-row ${isSel ? 'is-selected' : ''}`}
                    style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                  >
                    <span role="cell" className="col-select">
                      <input
                        type="checkbox"
                        aria-label={t('selectRow', { code: `${shortCode(r.code)} ${r.creatorHandle ?? ''}`.trim() })}
                        checked={isSel}
                        onClick={(e) => toggle(v.index, r.id, e.shiftKey)}
                        onChange={() => {}}
                      />
                    </span>
                    <span role="cell" className="col-code">
                      <button type="button" className="tbl-open code-text" onClick={() => onOpen(r.id)}>
                        {shortCode(r.code)}
                      </button>
                    </span>
                    <span role="cell" className="col-creator">
                      {r.creatorHandle ?? <span className="dash-muted">—</span>}
                    </span>
                    <span role="cell" className="col-expires" title={dateTime(r.expiresAt)}>
                      {date(r.expiresAt)}
                      <span className="dash-muted tbl-sub">{relative(r.expiresAt, now)}</span>
                    </span>
                    <span role="cell" className="col-status">
                      <StatusBadge status={r.state} renewal={!!r.renewalRequestedAt} />
                    </span>
                    <span role="cell" className="col-received">
                      {date(r.receivedAt)}
                    </span>
                    <span role="cell" className="col-uses">
                      {r.uses.length}
                    </span>
                    <span role="cell" className="col-tags">
                      {r.tags.map((tg) => (
                        <span key={tg} className="tag">
                          {tg}
                        </span>
                      ))}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
