import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { useVaultQuery } from '@/utils/vault/hooks';
import { firstByExpiry, readAllCodes } from '@/utils/vault/queries';
import { codesDb } from '@/utils/vault/db';
import { useI18n } from '@/utils/i18n/context';
import { LazyI18nProvider } from '@/utils/i18n/lazy';
import { useSettings } from '@/components/useSettings';
import { useNow } from '@/components/useNow';
import { useTikTokCheckReady } from '@/components/useTikTokCheckReady';
import type { Settings } from '@/utils/settings';
import type { AdCodeRecord } from '@/utils/code-record';
import { DAY_MS } from '@/utils/expiry';
import { applyFilters, distinctCreators, distinctTags, isUnfiltered, NO_FILTERS, withState, type Filters, type Row } from './filters';
import { formatHash, parseHash, type View } from './hash';
import { FilterBar } from './FilterBar';
import { CalendarView } from './CalendarView';
import { TimelineView } from './TimelineView';
import { TableView } from './TableView';
import { DetailsDrawer } from './DetailsDrawer';
import { RenewalDialog } from './RenewalDialog';
import { AdsAtRiskNotice } from './AdsAtRiskNotice';
import { LazyApplyDialog } from './LazyApplyDialog';
import { TeamConflictsNotice } from './TeamConflictsNotice';
import { applyIdsOf, withoutApply } from '@/utils/apply-link';
import { ExportButtons } from './ExportButtons';
import { ImportButton } from './ImportButton';
import { ToastRegion } from './ToastRegion';
import { useToast } from './useToast';
import { useDashboardActions } from './actions';

export function DashboardRoot() {
  const settings = useSettings();
  return (
    <LazyI18nProvider language={settings.language} timeZone={settings.timeZone}>
      <Dashboard settings={settings} />
    </LazyI18nProvider>
  );
}

const VIEWS: View[] = ['calendar', 'timeline', 'table'];

/** The table's first screen, with rows to spare. */
const FIRST_SCREEN_ROWS = 50;

/**
 * What the table shows first with no filter and its default sort (unarchived codes, soonest expiry
 * first): one page of the [archived+expiresAt] index, as in the popup.
 */
export function readFirstScreen(): Promise<AdCodeRecord[]> {
  return firstByExpiry(codesDb(), FIRST_SCREEN_ROWS);
}

let earlyFirstScreen: Promise<AdCodeRecord[]> | undefined;

/**
 * Called by main.tsx before React starts: the first screen's index read then runs while React, the
 * settings and the language load, instead of after them (it is cheap when another view opens instead).
 */
export function startFirstScreenRead(): void {
  earlyFirstScreen = readFirstScreen();
  earlyFirstScreen.then(() => performance.mark('dashboard:first-screen')).catch(() => {}); // the full read reports any real problem
}

/** The first screen, read while the whole vault (which takes a while at 10 000 codes) still is. */
function useFirstScreen(wanted: boolean): AdCodeRecord[] | undefined {
  const [records, setRecords] = useState<AdCodeRecord[]>();
  useEffect(() => {
    if (!wanted) return;
    let alive = true;
    const read = earlyFirstScreen ?? readFirstScreen();
    earlyFirstScreen = undefined;
    read
      .then((r) => alive && setRecords(r))
      .catch(() => {}); // the full read reports any real problem
    return () => {
      alive = false;
    };
  }, [wanted]);
  return records;
}

/** The header's numbers, counted in one pass. */
function countStats(rows: Row[], now: number) {
  let total = 0;
  let expiring = 0;
  let urgent = 0;
  for (const r of rows) {
    if (r.archived) continue;
    total++;
    if (r.state === 'expiring') expiring++;
    if (r.status === 'used' && r.expiresAt <= now + DAY_MS) urgent++;
  }
  return { total, expiring, urgent };
}

/** First run: say where codes come from instead of showing an empty calendar. */
function EmptyVault() {
  const { t } = useI18n();
  return (
    <section className="dash-empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <ol>
        <li>{t('emptyStepMail')}</li>
        <li>{t('emptyStepPaste')}</li>
        <li>{t('emptyStepImport')}</li>
      </ol>
    </section>
  );
}

export function Dashboard({ settings }: { settings: Settings }) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const now = useNow(60_000);
  const records = useVaultQuery(readAllCodes, []);
  const initial = useMemo(() => parseHash(location.hash), []);
  const [view, setView] = useState<View>(initial.view ?? 'calendar');
  const [filters, setFilters] = useState<Filters>({ ...NO_FILTERS, status: initial.status ?? 'all' });
  const firstScreen = useFirstScreen(initial.view === 'table' && (initial.status ?? 'all') === 'all');
  const [openId, setOpenId] = useState<number | undefined>(initial.code);
  const [renewId, setRenewId] = useState<number | undefined>(initial.renew ? initial.code : undefined);
  // dashboard.html?apply=<id>,<id> (popup, Save bar): the Apply dialog for those codes, once.
  const [applyIds, setApplyIds] = useState<number[]>(() => applyIdsOf(location.search));
  const closeApply = useCallback(() => {
    setApplyIds([]);
    history.replaceState(null, '', `${location.pathname}${withoutApply(location.search)}${location.hash}`);
  }, []);
  const { toast, show, dismiss } = useToast();
  const actions = useDashboardActions(show);
  const tiktok = useTikTokCheckReady();
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    document.documentElement.lang = i18n.lang;
    document.title = `${t('appName')} — ${t('dashboardTitle')}`;
  }, [i18n.lang, t]);

  // Links from the popup and from notifications arrive as #code=<id> (and &renew=1).
  useEffect(() => {
    const onHash = () => {
      const h = parseHash(location.hash);
      if (h.view) setView(h.view);
      if (h.status) setFilters((f) => ({ ...f, status: h.status! }));
      setOpenId(h.code);
      setRenewId(h.renew ? h.code : undefined);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const next = formatHash({ view, status: filters.status, code: openId, renew: renewId !== undefined });
    if (next !== location.hash && !(next === '' && location.hash === '')) history.replaceState(null, '', next || location.pathname);
  }, [view, filters.status, openId, renewId]);

  const rows = useMemo(() => withState(records ?? [], now, settings.alertWindowDays), [records, now, settings.alertWindowDays]);
  const shown = useMemo(() => applyFilters(rows, filters), [rows, filters]);
  const firstRows = useMemo(
    () =>
      records === undefined && firstScreen?.length && view === 'table' && isUnfiltered(filters)
        ? withState(firstScreen, now, settings.alertWindowDays)
        : undefined,
    [records, firstScreen, view, filters, now, settings.alertWindowDays],
  );
  // The filter menus can wait for the next frame: the first paint does not need every creator and tag.
  const menuRows = useDeferredValue(rows);
  const creators = useMemo(() => distinctCreators(menuRows), [menuRows]);
  const tags = useMemo(() => distinctTags(menuRows), [menuRows]);
  const { total, expiring, urgent } = useMemo(() => countStats(rows, now), [rows, now]);
  const openRow = useMemo(() => (openId !== undefined ? rows.find((r) => r.id === openId) : undefined), [rows, openId]);
  const renewRow = useMemo(() => (renewId !== undefined ? rows.find((r) => r.id === renewId) : undefined), [rows, renewId]);

  const openCode = useCallback((id: number) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setOpenId(id);
  }, []);
  const closeDetails = useCallback(() => {
    setOpenId(undefined);
    returnFocus.current?.focus?.();
  }, []);

  return (
    <div className="dash">
      <header className="dash-header">
        <div className="dash-brand">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          <div>
            <h1>{t('appName')}</h1>
            <p className="dash-sub">{t('dashboardTitle')}</p>
          </div>
        </div>
        <ul className="dash-stats" aria-label={t('dashboardTitle')}>
          <li>{tn('statTotal', total)}</li>
          <li className={expiring ? 'is-warn' : ''}>
            {/* The count is also the way to those codes: one click filters to them, a second click clears it. */}
            <button
              type="button"
              className="dash-stat-button"
              aria-pressed={filters.status === 'expiring'}
              onClick={() => setFilters((f) => ({ ...f, status: f.status === 'expiring' ? 'all' : 'expiring' }))}
            >
              {tn('summaryExpiring', expiring, { days: settings.alertWindowDays })}
            </button>
          </li>
          {urgent > 0 && <li className="is-danger">{tn('summaryUrgent', urgent)}</li>}
        </ul>
        <div className="dash-actions">
          <ImportButton rows={rows} defaultPeriodDays={settings.defaultPeriodDays} notify={show} />
          <ExportButtons all={records ?? []} shown={shown} settings={settings} now={now} notify={show} />
          <button type="button" className="btn btn-ghost" onClick={() => void browser.runtime.openOptionsPage()}>
            <span aria-hidden="true">⚙</span> {t('openSettings')}
          </button>
        </div>
      </header>

      <div className="dash-toolbar">
        <div role="tablist" aria-label={t('viewsLabel')} className="dash-tabs">
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={view === v}
              aria-controls="dash-view"
              tabIndex={view === v ? 0 : -1}
              className={`dash-tab ${view === v ? 'is-active' : ''}`}
              onClick={() => setView(v)}
              onKeyDown={(e) => {
                const i = VIEWS.indexOf(v);
                const to = e.key === 'ArrowRight' ? VIEWS[(i + 1) % 3] : e.key === 'ArrowLeft' ? VIEWS[(i + 2) % 3] : undefined;
                if (to) {
                  setView(to);
                  document.getElementById(`tab-${to}`)?.focus();
                }
              }}
            >
              {t(v === 'calendar' ? 'viewCalendar' : v === 'timeline' ? 'viewTimeline' : 'viewTable')}
            </button>
          ))}
        </div>
        <FilterBar filters={filters} onChange={setFilters} creators={creators} tags={tags} count={shown.length} />
      </div>

      {records && <AdsAtRiskNotice records={records} now={now} onRenew={(id) => setRenewId(id)} />}
      <TeamConflictsNotice />

      <main id="dash-view" role="tabpanel" aria-labelledby={`tab-${view}`} className="dash-main">
        {records === undefined ? (
          firstRows ? (
            <TableView rows={firstRows} now={now} onOpen={openCode} actions={actions} tiktok={tiktok} firstScreenOnly />
          ) : (
            <p className="dash-empty">{t('loading')}</p>
          )
        ) : rows.length === 0 ? (
          <EmptyVault />
        ) : view === 'calendar' ? (
          <CalendarView rows={shown} now={now} onOpen={openCode} onMove={actions.moveExpiry} />
        ) : view === 'timeline' ? (
          <TimelineView rows={shown} now={now} onOpen={openCode} onMove={actions.moveExpiry} />
        ) : (
          <TableView rows={shown} now={now} onOpen={openCode} actions={actions} tiktok={tiktok} />
        )}
      </main>

      {openId !== undefined && (
        <DetailsDrawer row={openRow} now={now} onClose={closeDetails} onRenew={(id) => setRenewId(id)} actions={actions} tiktok={tiktok} />
      )}
      {applyIds.length > 0 && <LazyApplyDialog ids={applyIds} onClose={closeApply} />}
      {renewRow && <RenewalDialog row={renewRow} now={now} onClose={() => setRenewId(undefined)} onSent={actions.markRenewalRequested} />}
      <ToastRegion toast={toast} onDismiss={dismiss} closeLabel={t('close')} />
    </div>
  );
}
