import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useI18n } from '@/utils/i18n/context';
import { shortCode } from '@/utils/i18n/core';
import { dayKey, timeKey, zonedInstant } from '@/utils/i18n/dates';
import { tiktokVideoUrl, videoLinkLabel } from '@/utils/links';
import { sortRows, type Row, type Sort, type SortKey } from './filters';
import { COLUMNS, gridTemplate, loadColumns, saveColumns, type ColumnKey } from './table-columns';
import { InlineEdit } from './InlineEdit';
import { StatusBadge } from './StatusBadge';
import { useDateFormats } from './useDateFormats';
import type { DashboardActions } from './actions';
import { LazyApplyDialog } from './LazyApplyDialog';
import { LIMITS } from '@/utils/vault/limits';

const ROW_HEIGHT = 44;

/** "a, b, a ,, c" → ["a", "b", "c"]: what a comma-separated tag cell means. */
export function tagsFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

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
  const { t, tn, relative, zone } = useI18n();
  const [visible, setVisible] = useState<Set<ColumnKey>>(() => loadColumns());
  const [choosing, setChoosing] = useState(false);
  const columns = COLUMNS.filter((c) => visible.has(c.key));
  const grid = { gridTemplateColumns: gridTemplate(visible) };
  const toggleColumn = (key: ColumnKey) =>
    setVisible((v) => {
      const next = new Set(v);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      next.add('code');
      saveColumns(next);
      return next;
    });
  const who = (r: Row) => r.creatorHandle ?? shortCode(r.code);
  const cell = (r: Row, key: ColumnKey) => {
    switch (key) {
      case 'code':
        return (
          <button type="button" className="tbl-open code-text" title={r.code} onClick={() => onOpen(r.id)}>
            {r.code}
          </button>
        );
      case 'creator':
        return r.creatorHandle ?? <span className="dash-muted">—</span>;
      case 'expiresAt':
        return (
          <InlineEdit
            type="date"
            label={t('editExpiryFor', { code: who(r) })}
            value={dayKey(r.expiresAt, zone)}
            display={
              <span className="col-expires-text" title={dateTime(r.expiresAt)}>
                {date(r.expiresAt)}
                <span className="dash-muted tbl-sub">{relative(r.expiresAt, now)}</span>
              </span>
            }
            onSave={(day) => {
              // Keep the time of day, change the day (as dragging on the calendar does).
              const at = day ? zonedInstant(day, timeKey(r.expiresAt, zone), zone) : undefined;
              if (at !== undefined) return actions.moveExpiry(r.id, at);
            }}
          />
        );
      case 'state':
        return <StatusBadge status={r.state} renewal={!!r.renewalRequestedAt} />;
      case 'receivedAt':
        return date(r.receivedAt);
      case 'uses':
        return r.uses.length;
      case 'video': {
        const href = tiktokVideoUrl(r.postUrl);
        return href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
            {videoLinkLabel(href)}
          </a>
        ) : (
          <span className="dash-muted">—</span>
        );
      }
      case 'notes':
        return (
          <InlineEdit
            label={t('editNotesFor', { code: who(r) })}
            value={r.notes}
            maxLength={LIMITS.notes}
            onSave={(notes) => actions.patch(r.id, { notes })}
          />
        );
      case 'tags':
        return (
          <InlineEdit
            label={t('editTagsFor', { code: who(r) })}
            value={r.tags.join(', ')}
            display={
              r.tags.length ? (
                r.tags.map((tg) => (
                  <span key={tg} className="tag">
                    {tg}
                  </span>
                ))
              ) : (
                <span className="dash-muted">—</span>
              )
            }
            onSave={(text) => actions.patch(r.id, { tags: tagsFromText(text) })}
          />
        );
      case 'sender':
        return r.source.senderName || r.source.senderEmail || <span className="dash-muted">—</span>;
    }
  };
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
  const virtual = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
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
      {applying && <LazyApplyDialog ids={applying} onClose={() => setApplying(undefined)} />}
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
            <input
              id="bulk-tag"
              className="input input-sm"
              placeholder={t('bulkTagPlaceholder')}
              value={tag}
              maxLength={LIMITS.tag}
              onChange={(e) => setTag(e.target.value)}
            />
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
          <button
            type="button"
            className="btn btn-sm btn-danger"
            onClick={() => void actions.remove(ids).then(() => setSelected(new Set()))}
          >
            {t('bulkDelete')}
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setSelected(new Set())}>
            {t('clearSelection')}
          </button>
        </div>
      )}
      <div className="tbl-tools">
        {/* The choices are built only while open: closed, they add nothing to the page (or to its labels). */}
        <details className="tbl-columns" onToggle={(e) => setChoosing(e.currentTarget.open)}>
          <summary className="btn btn-sm btn-ghost">{t('tableColumns')}</summary>
          {choosing && (
            <fieldset aria-label={t('tableColumns')}>
              {COLUMNS.filter((c) => c.key !== 'code').map((c) => (
                <label key={c.key}>
                  <input type="checkbox" checked={visible.has(c.key)} onChange={() => toggleColumn(c.key)} /> {t(c.label)}
                </label>
              ))}
            </fieldset>
          )}
        </details>
      </div>
      <div
        className="tbl-wrap"
        role="table"
        aria-label={t('viewTable')}
        aria-rowcount={sorted.length + 1}
        aria-busy={firstScreenOnly || undefined}
      >
        <div role="rowgroup">
          <div role="row" className="tbl-row tbl-head" aria-rowindex={1} style={grid}>
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
            {columns.map((c) =>
              c.sortable ? (
                <span
                  key={c.key}
                  role="columnheader"
                  className={c.className}
                  aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="tbl-sort"
                    onClick={() => sortBy(c.key as SortKey)}
                    aria-label={t('sortBy', { column: t(c.label) })}
                  >
                    {t(c.label)}
                    <span aria-hidden="true" className="tbl-sort-icon">
                      {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </span>
              ) : (
                <span key={c.key} role="columnheader" className={`${c.className} tbl-head-plain`}>
                  {t(c.label)}
                </span>
              ),
            )}
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
                    style={{ ...grid, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
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
                    {columns.map((c) => (
                      <span key={c.key} role="cell" className={c.className}>
                        {cell(r, c.key)}
                      </span>
                    ))}
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
