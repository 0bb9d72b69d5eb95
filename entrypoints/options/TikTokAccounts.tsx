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

type Tone = 'ok' | 'error' | 'info' | 'busy';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Options → TikTok API → "Ad accounts": several accounts per token, import from Ads Manager, re-sync. */
export function TikTokAccounts() {
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
      setStatus({ tone: 'error', text: `The extension could not do it: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  function addAccount() {
    const id = newId.trim();
    if (!isAdvertiserId(id)) {
      setStatus({ tone: 'error', text: 'An advertiser ID is a number: the digits after “aadvid=” in Ads Manager\'s address.' });
      return;
    }
    void run('Asking TikTok for the account\'s name…', () => sendMessage('tiktokAddAccount', { advertiserId: id }), (r) => {
      if (!r.ok) return { tone: 'error', text: r.error?.message ?? 'TikTok did not accept this account.' };
      setNewId('');
      return { tone: 'ok', text: `Added ${r.name ? `${r.name} (${id})` : id}.` };
    });
  }

  function showPreview() {
    void run('Reading Ads Manager…', () => sendMessage('tiktokPreviewImport', {}), (p) => {
      setPreview(p);
      if (p.error) return { tone: 'error', text: p.error.message };
      const codes = p.newCodes + p.knownCodes;
      return { tone: 'info', text: `TikTok lists ${plural(codes, 'authorized code')}, ${p.newCodes} not saved yet. Nothing is saved until you confirm.` };
    });
  }

  function sync(mode: 'import' | 'sync') {
    void run(mode === 'import' ? 'Importing…' : 'Syncing with TikTok…', () => sendMessage('tiktokSync', { mode }), (r: SyncReport) => {
      setPreview(undefined);
      if (!r.ran) return { tone: 'error', text: r.error?.message ?? 'Nothing was read.' };
      const parts = [`${plural(r.added, 'new code')}`, `${plural(r.updated, 'code')} updated with TikTok's facts`, `${plural(r.changes, 'change')} reported`];
      const failed = r.accounts.filter((a) => !a.ok);
      const tail = r.error ? ` ${r.error.message}` : failed.length ? ` ${failed.map((a) => `${a.name ?? a.advertiserId}: ${a.error?.message}`).join(' ')}` : '';
      return { tone: r.error || failed.length ? 'error' : 'ok', text: `${mode === 'import' ? 'Imported' : 'Synced'}: ${parts.join(', ')}.${tail}` };
    });
  }

  const total = (preview?.newCodes ?? 0) + (preview?.knownCodes ?? 0);

  return (
    <section className="api-accounts" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Ad accounts</h3>
      <ul className="api-account-list">
        {accounts.map((a) => (
          <AccountRow key={a.advertiserId} account={a} primary={a.advertiserId === creds.advertiserId} busy={busy} now={readAt} />
        ))}
      </ul>
      <div className="api-add-account">
        <label htmlFor={ids.add}>Add an ad account</label>
        <input
          id={ids.add}
          className="input api-mono api-advertiser"
          inputMode="numeric"
          value={newId}
          placeholder="Advertiser ID"
          onChange={(e) => setNewId(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && addAccount()}
        />
        <button type="button" className="btn" disabled={busy} onClick={addAccount}>
          Add account
        </button>
      </div>
      <p className="api-hint">TikTok does not list a token's accounts without the app's secret, so add each one by its advertiser ID.</p>

      <div className="api-actions">
        {imported ? (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => sync('sync')}>
            Sync now
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={showPreview}>
            Import from Ads Manager…
          </button>
        )}
      </div>
      {imported && store.nextSyncAt !== undefined && <p className="api-hint">Next sync {when(store.nextSyncAt)} (daily).</p>}

      {progress?.running && (
        <div className="api-progress">
          <progress aria-label="Reading Ads Manager" max={Math.max(1, progress.totalPages)} value={progress.page} />
          <span>
            Account {progress.account} of {progress.accounts} ({progress.accountName}):{' '}
            {progress.totalPages ? `${progress.page} of ${progress.totalPages} pages read` : 'reading the first page'}
          </span>
        </div>
      )}

      {preview && !preview.error && (
        <div className="api-preview" role="region" aria-label="Import preview">
          <table>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Authorized posts</th>
                <th scope="col">New codes</th>
                <th scope="col">Already saved</th>
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
          <p className="api-hint">Saved codes get TikTok's exact period and expiry; your notes, tags and uses stay as they are.</p>
          <div className="api-actions">
            <button type="button" className="btn btn-primary" disabled={busy || !total} onClick={() => sync('import')}>
              Import {plural(total, 'code')} ({preview.newCodes} new)
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setPreview(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      <p className={`api-status api-status-${status?.tone ?? 'none'}`} role="status" aria-live="polite" aria-label="Ad accounts status">
        {status?.text}
      </p>
    </section>
  );
}

function AccountRow({ account: a, primary, busy, now }: { account: AccountState; primary: boolean; busy: boolean; now: number }) {
  const s = a.lastSync;
  return (
    <li className="api-account" aria-label={`Account ${a.name ?? a.advertiserId}`}>
      <div className="api-account-head">
        <strong>{a.name ?? 'Ad account'}</strong> <span className="api-mono">{a.advertiserId}</span>
        {primary && <span className="api-hint"> (the token's advertiser)</span>}
        {!primary && (
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void sendMessage('tiktokRemoveAccount', { advertiserId: a.advertiserId })}>
            Remove<span className="visually-hidden"> account {a.advertiserId}</span>
          </button>
        )}
      </div>
      <p className={`api-hint${s && !s.ok ? ' api-problem' : ''}`}>
        {!s
          ? 'Not synced yet.'
          : s.ok
            ? `Last sync ${when(s.at)}: ${plural(s.posts, 'authorized post')}, ${s.added} new, ${s.updated} updated.`
            : `Last sync ${when(s.at)} failed: ${s.message ?? 'unknown error'}`}
        {a.notBefore !== undefined && a.notBefore > now ? ` Rests until ${when(a.notBefore)} (TikTok asked us to slow down).` : ''}
      </p>
      {s?.changes.length ? (
        <ul className="api-changes" aria-label={`Changes in ${a.name ?? a.advertiserId}`}>
          {s.changes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
