import { useCallback, useEffect, useState } from 'react';
import { CodeRow, type CodeRowActions } from '@/components/CodeRow';
import { UndoToast, type UndoState } from '@/components/UndoToast';
import { useNow } from '@/components/useNow';
import { useSettings } from '@/components/useSettings';
import { useTikTokCheckReady } from '@/components/useTikTokCheckReady';
import { useVaultQuery } from '@/utils/vault/hooks';
import { loadPopupView } from '@/utils/vault/queries';
import { sendMessage } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import type { ExpiryBasis } from '@/utils/vault/schema';
import { useI18n } from '@/utils/i18n/context';
import { LazyI18nProvider } from '@/utils/i18n/lazy';
import { rich } from '@/utils/i18n/phrases';
import { AddCodes } from './AddCodes';
import { PAGE_SIZE } from './popup-view';

/** The popup in the language and date zone chosen in settings ('auto' follows the browser). */
export function App() {
  const settings = useSettings();
  return (
    <LazyI18nProvider language={settings.language} timeZone={settings.timeZone}>
      <Popup settings={settings} />
    </LazyI18nProvider>
  );
}

function Popup({ settings }: { settings: Settings }) {
  const { t, tn, lang, date } = useI18n();
  const now = useNow();
  const tiktok = useTikTokCheckReady();
  const [query, setQuery] = useState('');
  const [limits, setLimits] = useState({ usable: PAGE_SIZE, expired: PAGE_SIZE });
  const view = useVaultQuery(
    (db) => loadPopupView(db, now, settings.alertWindowDays, query, limits),
    [now, settings.alertWindowDays, query, limits],
  );
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [error, setError] = useState<string>();
  const clearUndo = useCallback(() => setUndo(null), []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const run = (p: Promise<unknown>) => p.catch((e) => setError(e instanceof Error ? e.message : String(e)));
  const offerUndo = (id: number, before: ExpiryBasis | undefined, message: string) =>
    before && setUndo({ message, undo: () => void run(sendMessage('restoreExpiryBasis', { id, basis: before })) });

  const actions: CodeRowActions = {
    onToggleUsed: (r) => void run(sendMessage('setUsage', { id: r.id!, used: r.status !== 'used' })),
    onUpdate: (r, patch) => void run(sendMessage('updateCode', { id: r.id!, patch })),
    // Period chips and the arrival date: undoable, with exactly the facts the background replaced.
    onChoosePeriod: (r, periodDays) =>
      void run(sendMessage('choosePeriod', { id: r.id!, periodDays }).then(({ before }) => offerUndo(r.id!, before, t('periodChosenUndo', { days: tn('periodDays', periodDays) })))),
    onSetReceivedAt: (r, receivedAt) =>
      void run(sendMessage('setReceivedAt', { id: r.id!, receivedAt }).then(({ before }) => offerUndo(r.id!, before, t('dateAnswered', { date: date(receivedAt) })))),
    onDelete: (r) =>
      void run(
        sendMessage('deleteCodes', { ids: [r.id!] }).then(({ undoToken }) =>
          setUndo({
            message: r.creatorHandle ? t('popupDeletedFrom', { creator: r.creatorHandle }) : t('popupDeletedCode'),
            // The background kept the deleted record: undo brings back exactly that, not a copy from here.
            undo: () => void run(sendMessage('restoreDeleted', { undoToken })),
          }),
        ),
      ),
  };

  const loaded = view !== undefined;
  const { usable = [], expired = [], usableTotal = 0, expiredTotal = 0, total = 0, expiring = 0 } = view ?? {};
  const more = (list: 'usable' | 'expired') => setLimits((l) => ({ ...l, [list]: l[list] + PAGE_SIZE }));
  const showAdd = adding || (loaded && total === 0);

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

      {showAdd && (
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
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}

      {total > 0 && (
        <div className="search">
          <input
            className="input"
            type="search"
            aria-label={t('popupSearchLabel')}
            placeholder={t('popupSearchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      )}

      <main className="code-list-wrap">
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
        {usable.length > 0 && (
          <ul className="code-list" aria-label={t('popupUsableCodes')}>
            {usable.map((r) => (
              <CodeRow key={r.id} record={r} now={now} windowDays={settings.alertWindowDays} actions={actions} tiktok={tiktok} />
            ))}
          </ul>
        )}
        {usableTotal > usable.length && (
          <button type="button" className="btn btn-sm show-more" onClick={() => more('usable')}>
            {tn('popupShowMore', usableTotal - usable.length)}
          </button>
        )}
        {expired.length > 0 && (
          <>
            <h2 className="section-title expired-title">{t('popupExpiredTitle')}</h2>
            <ul className="code-list" aria-label={t('popupExpiredCodes')}>
              {expired.map((r) => (
                <CodeRow key={r.id} record={r} now={now} windowDays={settings.alertWindowDays} actions={actions} tiktok={tiktok} />
              ))}
            </ul>
            {expiredTotal > expired.length && (
              <button type="button" className="btn btn-sm show-more" onClick={() => more('expired')}>
                {tn('popupShowMoreExpired', expiredTotal - expired.length)}
              </button>
            )}
          </>
        )}
      </main>
      <UndoToast state={undo} onDone={clearUndo} />
    </div>
  );
}
