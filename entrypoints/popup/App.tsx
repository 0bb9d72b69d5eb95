import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { CodeRowActions } from '@/components/CodeRow';
import { UndoToast, type UndoState } from '@/components/UndoToast';
import { useNow } from '@/components/useNow';
import { useSettings } from '@/components/useSettings';
import { useTikTokCheckReady } from '@/components/useTikTokCheckReady';
import { sendMessage } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import type { PopupSnapshot } from '@/utils/popup-snapshot';
import type { AdCodeRecord } from '@/utils/code-record';
import type { ExpiryBasis } from '@/utils/vault/schema';
import { useI18n } from '@/utils/i18n/context';
import { LazyI18nProvider } from '@/utils/i18n/lazy';
import { rich } from '@/utils/i18n/phrases';
import { PAGE_SIZE } from './popup-view';
import { CodeGroups } from './CodeGroups';
import { applyUrl, focusAfterDelete, groupRows, placeOf, type PinnedRow } from './groups';
import { usePopupSnapshot, usePopupView } from './usePopupView';
import { useUndoKey } from './useUndoKey';

/** Long enough to notice and reach (WCAG 2.2.1 asks for time to act); Ctrl/Cmd+Z undoes meanwhile. */
export const UNDO_MS = 20_000;
const UNDO_SHORTCUT = { label: /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z', keys: 'Control+Z Meta+Z' };

/** Moves focus to a row's main button; false when that row is not shown. */
function focusRow(id: number | undefined): boolean {
  const button = id === undefined ? null : document.querySelector<HTMLElement>(`[data-code-id="${id}"] .code-row-toggle`);
  button?.focus();
  return !!button;
}

type AddCodesBox = typeof import('./AddCodes').AddCodes;

/**
 * The paste box carries the extractor: it is loaded when the box is first wanted, not with the list.
 * Undefined until then, so an empty popup can show its invitation and the box in one step.
 */
function useAddCodes(wanted: boolean): AddCodesBox | undefined {
  const [box, setBox] = useState<AddCodesBox>();
  useEffect(() => {
    if (wanted && !box) void import('./AddCodes').then((m) => setBox(() => m.AddCodes));
  }, [wanted, box]);
  return box;
}

/** The popup in the language and date zone chosen in settings ('auto' follows the browser). */
export function App() {
  // The snapshot carries the settings it was made with: nothing waits for the settings read to paint.
  const snapshot = usePopupSnapshot();
  const settings = useSettings(snapshot?.settings);
  return (
    <LazyI18nProvider language={settings.language} timeZone={settings.timeZone}>
      <Popup settings={settings} snapshot={snapshot} />
    </LazyI18nProvider>
  );
}

function Popup({ settings, snapshot }: { settings: Settings; snapshot: PopupSnapshot | undefined }) {
  const { t, tn, lang, date } = useI18n();
  const now = useNow();
  const tiktok = useTikTokCheckReady();
  const [query, setQuery] = useState('');
  const [limits, setLimits] = useState({ usable: PAGE_SIZE, expired: PAGE_SIZE });
  // Painted from the background's snapshot at once; then the background reads the lists (with its own
  // clock and settings) and says when to read again.
  const { view, from, error: readError } = usePopupView(snapshot, query, limits, [now, settings.alertWindowDays]);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [error, setError] = useState<string>();
  const [pinned, setPinned] = useState<PinnedRow>();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const search = useRef<HTMLInputElement>(null);
  const clearUndo = useCallback(() => setUndo(null), []);
  useUndoKey(undo, clearUndo);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // Opening the popup is for finding a code: the search box has focus as soon as it is there.
  const hasSearch = (view?.total ?? 0) > 0;
  useEffect(() => {
    if (hasSearch && (document.activeElement === document.body || document.activeElement === null)) search.current?.focus();
  }, [hasSearch]);

  const run = (p: Promise<unknown>) => p.catch((e) => setError(e instanceof Error ? e.message : String(e)));
  const offerUndo = (id: number, before: ExpiryBasis | undefined, message: string) =>
    before && setUndo({ message, undo: () => void run(sendMessage('restoreExpiryBasis', { id, basis: before })) });

  const read = view !== undefined;
  const { usable = [], expired = [], usableTotal = 0, expiredTotal = 0, total = 0, expiring = 0 } = view ?? {};
  const groups = groupRows(usable, expired, view?.groups, now, settings.alertWindowDays, pinned);
  // An edit can move a row (a new expiry re-sorts the list): it stays where the user is working until the popup closes.
  const pin = (r: AdCodeRecord) => setPinned((p) => (p?.id === r.id ? p : placeOf(groups, r.id!)));

  const actions: CodeRowActions = {
    onToggleUsed: (r) => {
      pin(r);
      void run(sendMessage('setUsage', { id: r.id!, used: r.status !== 'used' }));
    },
    onUpdate: (r, patch) => {
      pin(r);
      void run(sendMessage('updateCode', { id: r.id!, patch }));
    },
    // Period chips and the arrival date: undoable, with exactly the facts the background replaced.
    onChoosePeriod: (r, periodDays) => {
      pin(r);
      void run(sendMessage('choosePeriod', { id: r.id!, periodDays }).then(({ before }) => offerUndo(r.id!, before, t('periodChosenUndo', { days: tn('periodDays', periodDays) }))));
    },
    onSetReceivedAt: (r, receivedAt) => {
      pin(r);
      void run(sendMessage('setReceivedAt', { id: r.id!, receivedAt }).then(({ before }) => offerUndo(r.id!, before, t('dateAnswered', { date: date(receivedAt) }))));
    },
    onDelete: (r) => {
      // Focus moves on at once (the next row is already shown), so it is never left on the page body.
      focusRow(focusAfterDelete(groups, r.id!));
      void run(
        sendMessage('deleteCodes', { ids: [r.id!] }).then(({ undoToken }) =>
          setUndo({
            message: r.creatorHandle ? t('popupDeletedFrom', { creator: r.creatorHandle }) : t('popupDeletedCode'),
            // The background kept the deleted record: undo brings back exactly that, not a copy from here.
            undo: () => void run(sendMessage('restoreDeleted', { undoToken })),
          }),
        ),
      );
    },
  };

  const select = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const shownIds = new Set(groups.flatMap((g) => g.rows.map((r) => r.id!)));
  const picked = [...selected].filter((id) => shownIds.has(id));

  const more = (list: 'usable' | 'expired') => setLimits((l) => ({ ...l, [list]: l[list] + PAGE_SIZE }));
  const showAdd = adding || (read && total === 0);
  const AddCodes = useAddCodes(showAdd);
  // An empty vault shows its invitation together with the paste box it points to.
  const loaded = read && (total > 0 || AddCodes !== undefined);

  return (
    <div className="popup">
      <header className="popup-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <div className="brand">
          <h1>Ad Code Keeper</h1>
          <p className="subtitle" aria-live="polite">
            {!loaded
              ? t('loading')
              : expiring > 0
                ? tn('popupExpiring', expiring, { within: tn('popupWithinDays', settings.alertWindowDays) })
                : tn('popupSavedCount', total)}
          </p>
        </div>
        {/* With no codes yet the paste box is always open, so there is nothing to toggle. */}
        {total > 0 && (
          <button type="button" className={`btn btn-sm ${adding ? '' : 'btn-primary'}`} aria-expanded={showAdd} onClick={() => setAdding((a) => !a)}>
            {t(adding ? 'close' : 'popupAddToggle')}
          </button>
        )}
        <a className="btn-icon btn header-link" href="/dashboard.html" target="_blank" rel="noreferrer" aria-label={t('openDashboard')} title={t('popupDashboardHint')}>
          ▦
        </a>
        <a className="btn-icon btn header-link" href="/options.html" target="_blank" rel="noreferrer" aria-label={t('openSettings')} title={t('openSettings')}>
          ⚙
        </a>
      </header>

      {showAdd && AddCodes && (
        // Not made during render: the module's own component, set once when it loads, so it never remounts.
        // eslint-disable-next-line react-hooks/static-components
        <AddCodes
          autoFocus={adding}
          onSaved={(m) => {
            setNotice(m);
            setAdding(false);
          }}
        />
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
          <button type="button" className="btn-icon btn" aria-label={t('popupDismiss')} onClick={() => setNotice(undefined)}>
            ×
          </button>
        </p>
      )}
      {(error ?? readError) && (
        <p className="inline-error" role="alert">
          {error ?? readError}
        </p>
      )}

      {total > 0 && (
        <div className="search">
          <input
            ref={search}
            className="input"
            type="search"
            aria-label={t('popupSearchLabel')}
            placeholder={t('popupSearchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPinned(undefined);
            }}
          />
        </div>
      )}
      {tiktok && total > 0 && (
        <div className="batch-bar">
          <button
            type="button"
            className="btn btn-sm"
            disabled={picked.length === 0}
            title={t('popupApplyHint')}
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(applyUrl(picked) as '/dashboard.html') })}
          >
            {t('popupApplyToAccounts')}
            {picked.length > 0 && ' '}
            {picked.length > 0 && <span className="batch-count">({picked.length.toLocaleString(lang)})</span>}
          </button>
        </div>
      )}

      <main className="code-list-wrap" data-view={from}>
        {loaded && total === 0 && (
          <div className="empty">
            <p className="empty-title">{t('popupEmptyTitle')}</p>
            <p>
              {rich(t('popupEmptyBody'), {
                save: <strong>{t('popupSaveControl')}</strong>,
                menu: <strong>{t('popupSaveMenu')}</strong>,
              })}
            </p>
          </div>
        )}
        {total > 0 && usable.length + expired.length === 0 && <p className="empty">{t('popupNoMatch', { query })}</p>}
        <CodeGroups
          groups={groups}
          now={now}
          windowDays={settings.alertWindowDays}
          actions={actions}
          tiktok={tiktok}
          selected={tiktok ? selected : undefined}
          onSelect={select}
          moreUsable={
            usableTotal > usable.length && (
              <button type="button" className="btn btn-sm show-more" onClick={() => more('usable')}>
                {tn('popupShowMore', usableTotal - usable.length)}
              </button>
            )
          }
          moreExpired={
            expiredTotal > expired.length && (
              <button type="button" className="btn btn-sm show-more" onClick={() => more('expired')}>
                {tn('popupShowMoreExpired', expiredTotal - expired.length)}
              </button>
            )
          }
        />
      </main>
      <UndoToast state={undo} onDone={clearUndo} timeoutMs={UNDO_MS} shortcut={UNDO_SHORTCUT} dismissible />
    </div>
  );
}
