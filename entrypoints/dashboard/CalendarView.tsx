import { useMemo, useState } from 'react';
import { useI18n } from '@/utils/i18n/context';
import { shortCode } from '@/utils/i18n/core';
import { dayKey, dayParts, formatMonth, monthGrid, timeKey, weekdayNames, zonedInstant } from '@/utils/i18n/dates';
import type { Row } from './filters';
import { StatusBadge } from './StatusBadge';

const MAX_CHIPS = 3;
/** A busy day can hold thousands of codes; the table view is the place to page through those. */
const MAX_DAY_LIST = 200;
/** Weeks start on Sunday in English (US) and on Monday in the other supported languages. */
const weekStart = (lang: string) => (lang === 'en' ? 0 : 1);

/** The soonest end still ahead among the codes in the vault (archived ones aside). */
function nextExpiry(rows: Row[], now: number): number | undefined {
  let next: number | undefined;
  for (const r of rows) if (!r.archived && r.expiresAt >= now && (next === undefined || r.expiresAt < next)) next = r.expiresAt;
  return next;
}

/** Two codes of one creator on one day would look identical: then the start of the code tells them apart. */
function chipLabel(r: Row, day: Row[]): string {
  if (!r.creatorHandle) return shortCode(r.code);
  const twin = day.some((o) => o !== r && o.creatorHandle === r.creatorHandle);
  return twin ? `${r.creatorHandle} · ${r.code.slice(0, 5)}` : r.creatorHandle;
}

export function CalendarView({
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
  const { t, tn, lang, zone, date, dateTime } = useI18n();
  const today = dayKey(now, zone);
  // Open where the next code ends, not on a month that may well be empty.
  const [opening] = useState(() => nextExpiry(rows, now) ?? now);
  const [month, setMonth] = useState(() => {
    const p = dayParts(opening, zone);
    return { year: p.year, month: p.month };
  });
  const [selected, setSelected] = useState(() => dayKey(opening, zone));
  const [dropTarget, setDropTarget] = useState<string>();

  const byDay = useMemo(() => {
    const map = new Map<string, Row[]>();
    for (const r of rows) {
      const k = dayKey(r.expiresAt, zone);
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    for (const list of map.values()) list.sort((a, b) => a.expiresAt - b.expiresAt);
    return map;
  }, [rows, zone]);

  const ws = weekStart(lang);
  const cells = monthGrid(month.year, month.month, ws);
  const shift = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const idx = year * 12 + (m - 1) + delta;
      return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
    });
  const goToday = () => {
    const p = dayParts(now, zone);
    setMonth({ year: p.year, month: p.month });
    setSelected(today);
  };
  const drop = (key: string, id: number) => {
    const r = rows.find((x) => x.id === id);
    if (!r || dayKey(r.expiresAt, zone) === key) return;
    // Keep the clock time, change the day: what "drag to another day" means on a calendar.
    const at = zonedInstant(key, timeKey(r.expiresAt, zone), zone);
    if (at !== undefined) onMove(id, at);
  };
  const selectedRows = byDay.get(selected) ?? [];
  const selectedLabel = date(zonedInstant(selected, '12:00', zone) ?? now);

  return (
    <div className="cal">
      <section className="cal-month" aria-labelledby="cal-title">
        <div className="cal-head">
          <h2 id="cal-title" aria-live="polite">
            {formatMonth(month.year, month.month, lang)}
          </h2>
          <div className="cal-nav">
            <button type="button" className="btn btn-sm" onClick={goToday}>
              {t('today')}
            </button>
            <button type="button" className="btn btn-icon" aria-label={t('prevMonth')} onClick={() => shift(-1)}>
              ‹
            </button>
            <button type="button" className="btn btn-icon" aria-label={t('nextMonth')} onClick={() => shift(1)}>
              ›
            </button>
          </div>
        </div>
        <p className="dash-hint">{t('calendarHint')}</p>
        <table className="cal-grid">
          <thead>
            <tr>
              {weekdayNames(lang, ws).map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: 6 }, (_, w) => (
              <tr key={w}>
                {cells.slice(w * 7, w * 7 + 7).map((c) => {
                  const list = byDay.get(c.key) ?? [];
                  const cellDate = date(zonedInstant(c.key, '12:00', zone) ?? now);
                  return (
                    <td
                      key={c.key}
                      className={['cal-cell', c.inMonth ? '' : 'is-other', c.key === today ? 'is-today' : '', c.key === selected ? 'is-selected' : '', dropTarget === c.key ? 'is-drop' : '']
                        .filter(Boolean)
                        .join(' ')}
                      onDragOver={(e) => {
                        e.preventDefault();
                        setDropTarget(c.key);
                      }}
                      onDragLeave={() => setDropTarget((k) => (k === c.key ? undefined : k))}
                      onDrop={(e) => {
                        e.preventDefault();
                        setDropTarget(undefined);
                        const id = Number(e.dataTransfer.getData('text/x-code-id'));
                        if (id) drop(c.key, id);
                      }}
                    >
                      <button
                        type="button"
                        className="cal-day"
                        aria-label={list.length ? tn('dayCodes', list.length, { date: cellDate }) : cellDate}
                        aria-pressed={c.key === selected}
                        onClick={() => setSelected(c.key)}
                      >
                        {c.day}
                      </button>
                      <ul className="cal-chips">
                        {list.slice(0, MAX_CHIPS).map((r) => (
                          <li key={r.id}>
                            <button
                              type="button"
                              draggable
                              className={`cal-chip chip-${r.state}`}
                              title={`${r.creatorHandle ?? t('noCreator')} · ${shortCode(r.code)} · ${dateTime(r.expiresAt)}`}
                              onDragStart={(e) => {
                                e.dataTransfer.setData('text/x-code-id', String(r.id));
                                e.dataTransfer.effectAllowed = 'move';
                              }}
                              onClick={() => onOpen(r.id)}
                            >
                              {chipLabel(r, list)}
                            </button>
                          </li>
                        ))}
                        {list.length > MAX_CHIPS && (
                          <li>
                            <button type="button" className="cal-more" onClick={() => setSelected(c.key)}>
                              {tn('moreOnDay', list.length - MAX_CHIPS)}
                            </button>
                          </li>
                        )}
                      </ul>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <aside className="cal-day-panel" aria-labelledby="cal-day-title">
        <h3 id="cal-day-title">{selectedLabel}</h3>
        {selectedRows.length === 0 ? (
          <p className="dash-muted">{tn('dayCodes', 0, { date: selectedLabel })}</p>
        ) : (
          <ul className="cal-day-list">
            {selectedRows.slice(0, MAX_DAY_LIST).map((r) => (
              <li key={r.id}>
                <button type="button" className="cal-day-item" onClick={() => onOpen(r.id)}>
                  <span className="cal-day-who">{r.creatorHandle ?? t('noCreator')}</span>
                  <span className="code-text">{shortCode(r.code)}</span>
                  <StatusBadge status={r.state} renewal={!!r.renewalRequestedAt} />
                  <span className="dash-muted">{dateTime(r.expiresAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {selectedRows.length > MAX_DAY_LIST && <p className="dash-muted">{tn('moreOnDay', selectedRows.length - MAX_DAY_LIST)}</p>}
      </aside>
    </div>
  );
}
