import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useI18n } from '@/utils/i18n/context';
import { shortCode } from '@/utils/i18n/core';
import { addZonedDays, dayParts, startOfZonedDay, zonedInstant } from '@/utils/i18n/dates';
import { DAY_MS } from '@/utils/expiry';
import { groupRows, type GroupBy, type Row } from './filters';

type Item = { type: 'group'; key: string; label: string; count: number } | { type: 'code'; key: string; row: Row };

const RANGES = { 1: 35, 3: 95, 12: 370 } as const;
type Zoom = keyof typeof RANGES;
const LABEL_WIDTH = 230;

/** Below this width a bar's end date is printed beside the bar instead of inside it. */
const NARROW_BAR_PX = 104;

export function TimelineView({
  rows,
  now,
  onOpen,
  onMove,
}: {
  rows: Row[];
  now: number;
  onOpen: (id: number) => void;
  onMove: (id: number, expiresAt: number) => void;
}) {
  const { t, tn, zone, lang, date } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('creator');
  const [zoom, setZoom] = useState<Zoom>(3);
  const [offsetDays, setOffsetDays] = useState(0);
  const [drag, setDrag] = useState<{ id: number; startX: number; days: number } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A drag ends with a click on the bar; that click must not also open the details.
  const justDragged = useRef(false);
  const [trackWidth, setTrackWidth] = useState(800);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setTrackWidth(Math.max(300, el.clientWidth - LABEL_WIDTH - 16)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const spanDays = RANGES[zoom];
  const start = addZonedDays(startOfZonedDay(now, zone), Math.round(-spanDays / 5) + offsetDays, zone);
  const end = addZonedDays(start, spanDays, zone);
  const dayWidth = trackWidth / spanDays;
  const x = (ts: number) => ((ts - start) / DAY_MS) * dayWidth;

  const items = useMemo<Item[]>(() => {
    const out: Item[] = [];
    for (const g of groupRows(rows, groupBy, groupBy === 'creator' ? t('noCreator') : t('noTag'))) {
      out.push({ type: 'group', key: `g:${g.key}`, label: g.label, count: g.rows.length });
      for (const r of g.rows) out.push({ type: 'code', key: `${g.key}:${r.id}`, row: r });
    }
    return out;
  }, [rows, groupBy, t]);

  // No React Compiler here, so TanStack Virtual's non-memoizable API costs nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i].type === 'group' ? 34 : 32),
    overscan: 12,
  });

  const months = useMemo(() => {
    const ticks: { at: number; label: string }[] = [];
    const p = dayParts(start, zone);
    for (let i = 0; i < 14; i++) {
      const idx = p.year * 12 + (p.month - 1) + i;
      const key = `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`;
      const at = zonedInstant(key, '00:00', zone)!;
      if (at > end) break;
      if (at >= start) ticks.push({ at, label: new Intl.DateTimeFormat(lang, { month: 'short', year: zoom === 12 ? '2-digit' : undefined, timeZone: zone }).format(at) });
    }
    return ticks;
  }, [start, end, zone, lang, zoom]);

  const endDrag = (commit: boolean) => {
    if (drag) {
      justDragged.current = true;
      setTimeout(() => (justDragged.current = false), 0);
    }
    if (drag && commit && drag.days !== 0) {
      const r = rows.find((x) => x.id === drag.id);
      if (r) onMove(r.id, addZonedDays(r.expiresAt, drag.days, zone));
    }
    setDrag(null);
  };

  return (
    <section className="tl" aria-label={t('viewTimeline')}>
      <div className="tl-controls">
        <label className="dash-field">
          <span className="dash-field-label">{t('groupBy')}</span>
          <select className="input" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="creator">{t('groupByCreator')}</option>
            <option value="tag">{t('groupByTag')}</option>
          </select>
        </label>
        <label className="dash-field">
          <span className="dash-field-label">{t('zoomLabel')}</span>
          <select className="input" value={zoom} onChange={(e) => setZoom(Number(e.target.value) as Zoom)}>
            <option value={1}>{t('zoom1')}</option>
            <option value={3}>{t('zoom3')}</option>
            <option value={12}>{t('zoom12')}</option>
          </select>
        </label>
        <div className="cal-nav">
          <button type="button" className="btn btn-icon" aria-label={t('prevMonth')} onClick={() => setOffsetDays((o) => o - Math.round(spanDays / 3))}>
            ‹
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setOffsetDays(0)}>
            {t('today')}
          </button>
          <button type="button" className="btn btn-icon" aria-label={t('nextMonth')} onClick={() => setOffsetDays((o) => o + Math.round(spanDays / 3))}>
            ›
          </button>
        </div>
        <p className="dash-hint">{t('timelineHint')}</p>
      </div>
      <div className="tl-axis" style={{ paddingLeft: LABEL_WIDTH }} aria-hidden="true">
        <div className="tl-axis-track" style={{ width: trackWidth }}>
          {months.map((m) => (
            <span key={m.at} className="tl-tick" style={{ left: x(m.at) }}>
              {m.label}
            </span>
          ))}
          {now >= start && now <= end && (
            <span className="tl-today-label" style={{ left: x(now) }}>
              {t('today')}
            </span>
          )}
        </div>
      </div>
      <div
        className="tl-scroll"
        ref={scrollRef}
        onPointerMove={(e) => drag && setDrag({ ...drag, days: Math.round((e.clientX - drag.startX) / dayWidth) })}
        onPointerUp={() => endDrag(true)}
        onPointerCancel={() => endDrag(false)}
      >
        <ul className="tl-rows" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((v) => {
            const item = items[v.index];
            const style = { transform: `translateY(${v.start}px)`, height: v.size };
            if (item.type === 'group') {
              return (
                <li key={item.key} className="tl-group" style={style}>
                  <span className="tl-group-label">{item.label}</span>
                  <span className="dash-muted">{tn('showing', item.count)}</span>
                </li>
              );
            }
            const r = item.row;
            const shiftDays = drag?.id === r.id ? drag.days : 0;
            const shownEnd = shiftDays ? addZonedDays(r.expiresAt, shiftDays, zone) : r.expiresAt;
            const left = Math.max(0, x(r.receivedAt));
            const right = Math.min(trackWidth, x(shownEnd));
            const visible = right > 0 && left < trackWidth;
            return (
              <li key={item.key} className="tl-row" style={style}>
                <button type="button" className="tl-label" onClick={() => onOpen(r.id)}>
                  <span className="code-text">{shortCode(r.code)}</span>
                  <span className="dash-muted">{r.creatorHandle ?? ''}</span>
                </button>
                <div className="tl-track" style={{ width: trackWidth }}>
                  {now >= start && now <= end && <span className="tl-today" style={{ left: x(now) }} aria-hidden="true" />}
                  {visible && (
                    <button
                      type="button"
                      // A short bar cannot hold "Dec 8, 2026": the date then sits just after the bar, never cut.
                      className={`tl-bar chip-${r.state} ${shiftDays ? 'is-dragging' : ''} ${right - left < NARROW_BAR_PX ? 'is-narrow' : ''}`}
                      style={{ left, width: Math.max(6, right - left) }}
                      aria-label={t('timelineBar', { code: shortCode(r.code), creator: r.creatorHandle ?? t('noCreator'), from: date(r.receivedAt), to: date(shownEnd) })}
                      onClick={() => {
                        if (justDragged.current) justDragged.current = false;
                        else onOpen(r.id);
                      }}
                      onKeyDown={(e) => {
                        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                        e.preventDefault();
                        const step = (e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 7 : 1);
                        onMove(r.id, addZonedDays(r.expiresAt, step, zone));
                      }}
                    >
                      <span className="tl-bar-text">{date(shownEnd)}</span>
                      <span
                        className="tl-handle"
                        aria-hidden="true"
                        onPointerDown={(e) => {
                          e.stopPropagation();
                          e.preventDefault();
                          (e.currentTarget.closest('.tl-scroll') as HTMLElement | null)?.setPointerCapture?.(e.pointerId);
                          setDrag({ id: r.id, startX: e.clientX, days: 0 });
                        }}
                      />
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
