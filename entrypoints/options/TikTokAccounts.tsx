import { useEffect, useId, useState } from 'react';
import { getApiCredentials, isAdvertiserId, NO_CREDENTIALS, type ApiCredentials } from '@/utils/api-settings';
import {
  accountsItem,
  connectedAccounts,
  getAccountsStore,
  syncProgressItem,
  type AccountsStore,
  type AccountState,
  type SyncProgress,
} from '@/utils/tiktok-accounts';
import { sendMessage, type ImportPreview, type SyncReport } from '@/utils/protocol';
import { useI18n } from '@/utils/i18n/context';

type Tone = 'ok' | 'error' | 'info' | 'busy';

/** Options → TikTok API → "Ad accounts": several accounts per token, import from Ads Manager, re-sync. */
export function TikTokAccounts() {
  const { t, tn, dateTime: when } = useI18n();
  const ids = { add: useId(), title: useId() };
  const [creds, setCreds] = useState<ApiCredentials>(NO_CREDENTIALS);
  const [store, setStore] = useState<AccountsStore>({ accounts: [] });
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [newId, setNewId] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [status, setStatus] = useState<{ tone: Tone; text: string }>();
  const [busy, setBusy] = useState(false);
  // When the store last changed: "rests until" is shown only for a backoff still ahead of it.
  const [readAt, setReadAt] = useState(() => Date.now());

  useEffect(() => {
    const reload = () =>
      void getAccountsStore().then((next) => {
        setStore(next);
        setReadAt(Date.now());
      });
    void getApiCredentials().then(setCreds);
    reload();
    void syncProgressItem.getValue().then(setProgress);
    const stops = [accountsItem.watch(reload), syncProgressItem.watch((p) => setProgress(p ?? null))];
    return () => stops.forEach((s) => s());
  }, []);

  const accounts = connectedAccounts(creds, store);
  const imported = store.importedAt !== undefined;

  async function run<T>(busyText: string, work: () => Promise<T>, done: (value: T) => { tone: Tone; text: string }) {
    setBusy(true);
    setStatus({ tone: 'busy', text: busyText });
    try {
      setStatus(done(await work()));
    } catch (e) {
      setStatus({ tone: 'error', text: t('accFailedExt', { reason: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  function addAccount() {
    const id = newId.trim();
    if (!isAdvertiserId(id)) {
      setStatus({ tone: 'error', text: t('accBadId') });
      return;
    }
    void run(t('accAsking'), () => sendMessage('tiktokAddAccount', { advertiserId: id }), (r) => {
      if (!r.ok) return { tone: 'error', text: r.error?.message ?? t('accNotAccepted') };
      setNewId('');
      return { tone: 'ok', text: t('accAdded', { who: r.name ? `${r.name} (${id})` : id }) };
    });
  }

  function showPreview() {
    void run(t('accReadingBusy'), () => sendMessage('tiktokPreviewImport', {}), (p) => {
      setPreview(p);
      if (p.error) return { tone: 'error', text: p.error.message };
      const codes = p.newCodes + p.knownCodes;
      return { tone: 'info', text: tn('accListed', codes, { fresh: p.newCodes }) };
    });
  }

  function sync(mode: 'import' | 'sync') {
    void run(mode === 'import' ? t('accImporting') : t('accSyncing'), () => sendMessage('tiktokSync', { mode }), (r: SyncReport) => {
      setPreview(undefined);
      if (!r.ran) return { tone: 'error', text: r.error?.message ?? t('accNothingRead') };
      const parts = [tn('accNewCodes', r.added), tn('accUpdated', r.updated), tn('accChanges', r.changes)];
      const failed = r.accounts.filter((a) => !a.ok);
      const tail = r.error ? ` ${r.error.message}` : failed.length ? ` ${failed.map((a) => `${a.name ?? a.advertiserId}: ${a.error?.message}`).join(' ')}` : '';
      return { tone: r.error || failed.length ? 'error' : 'ok', text: `${t(mode === 'import' ? 'accImported' : 'accSynced', { parts: parts.join(', ') })}${tail}` };
    });
  }

  const total = (preview?.newCodes ?? 0) + (preview?.knownCodes ?? 0);

  return (
    <section className="api-accounts" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('accTitle')}</h3>
      <ul className="api-account-list">
        {accounts.map((a) => (
          <AccountRow key={a.advertiserId} account={a} primary={a.advertiserId === creds.advertiserId} busy={busy} now={readAt} />
        ))}
      </ul>
      <div className="api-add-account">
        <label htmlFor={ids.add}>{t('accAdd')}</label>
        <input
          id={ids.add}
          className="input api-mono api-advertiser"
          inputMode="numeric"
          value={newId}
          placeholder={t('accAddPlaceholder')}
          onChange={(e) => setNewId(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && addAccount()}
        />
        <button type="button" className="btn" disabled={busy} onClick={addAccount}>
          {t('accAddButton')}
        </button>
      </div>
      <p className="api-hint">{t('accHint')}</p>

      <div className="api-actions">
        {imported ? (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => sync('sync')}>
            {t('accSyncNow')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={showPreview}>
            {t('accImport')}
          </button>
        )}
      </div>
      {imported && store.nextSyncAt !== undefined && <p className="api-hint">{t('accNextSync', { when: when(store.nextSyncAt) })}</p>}

      {progress?.running && (
        <div className="api-progress">
          <progress aria-label={t('accReading')} max={Math.max(1, progress.totalPages)} value={progress.page} />
          <span>
            {t('accProgress', { account: progress.account, accounts: progress.accounts, name: progress.accountName })}{' '}
            {progress.totalPages ? t('accPagesRead', { page: progress.page, total: progress.totalPages }) : t('accFirstPage')}
          </span>
        </div>
      )}

      {preview && !preview.error && (
        <div className="api-preview" role="region" aria-label={t('accPreview')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accColAccount')}</th>
                <th scope="col">{t('accColPosts')}</th>
                <th scope="col">{t('accColNew')}</th>
                <th scope="col">{t('accColSaved')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.accounts.map((a) => (
                <tr key={a.advertiserId}>
                  <td>{a.name ? `${a.name} (${a.advertiserId})` : a.advertiserId}</td>
                  {a.error ? <td colSpan={3}>{a.error.message}</td> : <><td>{a.posts}</td><td>{a.newCodes}</td><td>{a.knownCodes}</td></>}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="api-hint">{t('accPreviewHint')}</p>
          <div className="api-actions">
            <button type="button" className="btn btn-primary" disabled={busy || !total} onClick={() => sync('import')}>
              {tn('accImportButton', total, { fresh: preview.newCodes })}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setPreview(undefined)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}

      <p className={`api-status api-status-${status?.tone ?? 'none'}`} role="status" aria-live="polite" aria-label={t('accStatus')}>
        {status?.text}
      </p>
    </section>
  );
}

function AccountRow({ account: a, primary, busy, now }: { account: AccountState; primary: boolean; busy: boolean; now: number }) {
  const { t, tn, dateTime: when } = useI18n();
  const s = a.lastSync;
  return (
    <li className="api-account" aria-label={t('accRowLabel', { name: a.name ?? a.advertiserId })}>
      <div className="api-account-head">
        <strong>{a.name ?? t('accDefaultName')}</strong> <span className="api-mono">{a.advertiserId}</span>
        {primary && <span className="api-hint"> {t('accPrimary')}</span>}
        {!primary && (
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void sendMessage('tiktokRemoveAccount', { advertiserId: a.advertiserId })}>
            {t('accRemove')}<span className="visually-hidden"> {t('accRemoveHidden', { id: a.advertiserId })}</span>
          </button>
        )}
      </div>
      <p className={`api-hint${s && !s.ok ? ' api-problem' : ''}`}>
        {!s
          ? t('accNotSynced')
          : s.ok
            ? tn('accLastSync', s.posts, { when: when(s.at), added: s.added, updated: s.updated })
            : t('accLastSyncFailed', { when: when(s.at), message: s.message ?? t('accUnknownError') })}
        {a.notBefore !== undefined && a.notBefore > now ? ` ${t('accRests', { when: when(a.notBefore) })}` : ''}
        {s?.adsMessage ? ` ${t('accAdsNotChecked', { message: s.adsMessage })}` : ''}
      </p>
      {s?.changes.length ? (
        <ul className="api-changes" aria-label={t('accChangesIn', { name: a.name ?? a.advertiserId })}>
          {s.changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
