import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { CodeRow, type CodeRowActions } from '@/components/CodeRow';
import { UndoToast, type UndoState } from '@/components/UndoToast';
import { useNow } from '@/components/useNow';
import { useSettings } from '@/components/useSettings';
import { useTikTokCheckReady } from '@/components/useTikTokCheckReady';
import type { AdCodeRecord } from '@/utils/code-record';
import { codesDb } from '@/utils/codes-db';
import { badgeCount } from '@/utils/expiry';
import { sendMessage } from '@/utils/protocol';
import { AddCodes } from './AddCodes';

function matches(r: AdCodeRecord, q: string) {
  return [r.creatorHandle, r.code, r.notes, r.source.senderName, r.source.subject, r.verified?.tiktokName, ...r.tags]
    .some((v) => v?.toLowerCase().includes(q));
}

export function App() {
  const settings = useSettings();
  const now = useNow();
  const tiktok = useTikTokCheckReady();
  const records = useLiveQuery(() => codesDb().codes.toArray(), []);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [undo, setUndo] = useState<UndoState | null>(null);
  const [error, setError] = useState<string>();
  const clearUndo = useCallback(() => setUndo(null), []);

  const run = (p: Promise<unknown>) => p.catch((e) => setError(e instanceof Error ? e.message : String(e)));

  const actions: CodeRowActions = {
    onToggleUsed: (r) => void run(sendMessage('setUsage', { id: r.id!, used: r.status !== 'used' })),
    onUpdate: (r, patch) => void run(sendMessage('updateCode', { id: r.id!, patch })),
    onDelete: (r) =>
      void run(
        sendMessage('deleteCodes', { ids: [r.id!] }).then((rows) =>
          setUndo({
            message: `Deleted ${r.creatorHandle ?? 'code'}.`,
            undo: () => void run(sendMessage('restoreCodes', { records: rows })),
          }),
        ),
      ),
  };

  const { usable, expired, saved, expiring } = useMemo(() => {
    const all = (records ?? []).filter((r) => !r.archived);
    const q = query.trim().toLowerCase();
    const shown = q ? all.filter((r) => matches(r, q)) : all;
    return {
      usable: shown.filter((r) => r.expiresAt > now).sort((a, b) => a.expiresAt - b.expiresAt),
      expired: shown.filter((r) => r.expiresAt <= now).sort((a, b) => b.expiresAt - a.expiresAt),
      saved: new Set((records ?? []).map((r) => r.code)),
      expiring: badgeCount(all, now, settings.alertWindowDays),
    };
  }, [records, query, now, settings.alertWindowDays]);

  const total = records?.filter((r) => !r.archived).length ?? 0;
  const showAdd = adding || (records !== undefined && total === 0);

  return (
    <div className="popup">
      <header className="popup-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <div className="brand">
          <h1>Ad Code Keeper</h1>
          <p className="subtitle" aria-live="polite">
            {records === undefined
              ? 'Loading…'
              : expiring > 0
                ? `${expiring} expiring within ${settings.alertWindowDays} day${settings.alertWindowDays === 1 ? '' : 's'}`
                : `${total} saved code${total === 1 ? '' : 's'}`}
          </p>
        </div>
        {/* With no codes yet the paste box is always open, so there is nothing to toggle. */}
        {total > 0 && (
          <button type="button" className={`btn btn-sm ${adding ? '' : 'btn-primary'}`} aria-expanded={showAdd} onClick={() => setAdding((a) => !a)}>
            {adding ? 'Close' : '+ Add'}
          </button>
        )}
        <a className="btn-icon btn header-link" href="/dashboard.html" target="_blank" rel="noreferrer" aria-label="Open dashboard" title="Dashboard: calendar, table, import and export">
          ▦
        </a>
        <a className="btn-icon btn header-link" href="/options.html" target="_blank" rel="noreferrer" aria-label="Settings" title="Settings">
          ⚙
        </a>
      </header>

      {showAdd && (
        <AddCodes
          saved={saved}
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
          <button type="button" className="btn-icon btn" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
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
            aria-label="Search codes"
            placeholder="Search by creator, code or note"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      )}

      <main className="code-list-wrap">
        {records !== undefined && total === 0 && (
          <div className="empty">
            <p className="empty-title">No codes saved yet</p>
            <p>
              Open a creator's email in Gmail or Outlook and click <strong>Save</strong> beside the code, right-click a selected code on any page
              and choose <strong>Save as ad code</strong>, or paste codes above.
            </p>
          </div>
        )}
        {total > 0 && usable.length + expired.length === 0 && <p className="empty">No code matches “{query}”.</p>}
        {usable.length > 0 && (
          <ul className="code-list" aria-label="Usable codes">
            {usable.map((r) => (
              <CodeRow key={r.id} record={r} now={now} windowDays={settings.alertWindowDays} actions={actions} tiktok={tiktok} />
            ))}
          </ul>
        )}
        {expired.length > 0 && (
          <>
            <h2 className="section-title expired-title">Expired</h2>
            <ul className="code-list" aria-label="Expired codes">
              {expired.map((r) => (
                <CodeRow key={r.id} record={r} now={now} windowDays={settings.alertWindowDays} actions={actions} tiktok={tiktok} />
              ))}
            </ul>
          </>
        )}
      </main>
      <UndoToast state={undo} onDone={clearUndo} />
    </div>
  );
}
