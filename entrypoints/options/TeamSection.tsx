import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/protocol';
import { SHEETS_PERMISSION, teamStatusItem, type TeamSheetStatus } from '@/utils/team-sheet/settings';

/**
 * Options → "Share with your team": sign in with Google (or paste an access token, Advanced), create a
 * sheet or paste one's address, then see the sync: last synced, pending changes, who changed what. The
 * permission for sheets.googleapis.com (and identity, for Google's sign-in) is asked for on Connect.
 */

const STATE_WORDS: Record<TeamSheetStatus['state'], string> = {
  off: 'Off',
  ok: 'In sync',
  syncing: 'Syncing…',
  retrying: 'Waiting to retry',
  signin: 'Sign in again',
  stopped: 'Stopped',
};

const FIELD_WORDS: Record<string, string> = { uses: 'marked used', notes: 'notes', tags: 'tags', expiresAt: 'expiry', deleted: 'deleted', new: 'added' };

export function TeamSection() {
  const ids = { title: useId(), sheet: useId(), me: useId(), token: useId() };
  const [status, setStatus] = useState<TeamSheetStatus | null>(null);
  const [sheet, setSheet] = useState('');
  const [me, setMe] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const refresh = useCallback(
    () =>
      sendMessage('teamSheetStatus', {})
        .catch(() => null)
        .then((s) => {
          if (!s) return;
          setStatus(s);
          if (s.me) setMe((m) => m || s.me!);
        }),
    [],
  );
  useEffect(() => {
    void refresh();
    return teamStatusItem.watch(() => void refresh());
  }, [refresh]);

  const connect = async (create: boolean) => {
    setProblem('');
    if (!me.trim()) return setProblem('Say who you are (your email or name): teammates see it beside your changes.');
    if (!create && !sheet.trim()) return setProblem('Paste the address of the team’s Google Sheet, or create a new one.');
    setBusy(true);
    try {
      const wanted = token.trim() ? { origins: [SHEETS_PERMISSION] } : { origins: [SHEETS_PERMISSION], permissions: ['identity' as const] };
      const granted = await browser.permissions.contains(wanted) || (await browser.permissions.request(wanted));
      if (!granted) return setProblem('Without access to sheets.googleapis.com the extension cannot reach the sheet.');
      const s = await sendMessage('teamSheetConnect', { sheet: create ? '' : sheet.trim(), me: me.trim(), accessToken: token.trim() || undefined });
      setStatus(s);
      if (s.message && s.state !== 'ok') setProblem(s.message);
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const on = !!status && status.state !== 'off';
  return (
    <section className="opt-card" aria-labelledby={ids.title}>
      <h2 id={ids.title}>Share with your team</h2>
      <p className="opt-hint">
        Keep a Google Sheet your team already uses in step with everyone’s codes: a code saved from one person’s mail shows in
        everyone’s Ads Manager helper minutes later. Off until you connect; nothing is sent anywhere before.
      </p>
      {!on && (
        <div className="opt-field">
          <label htmlFor={ids.me}>Your name in the sheet</label>
          <input id={ids.me} className="input" value={me} onChange={(e) => setMe(e.target.value)} placeholder="you@agency.com" />
          <label htmlFor={ids.sheet}>Team sheet address</label>
          <input id={ids.sheet} className="input" value={sheet} onChange={(e) => setSheet(e.target.value)} placeholder="https://docs.google.com/spreadsheets/d/…" />
          <details>
            <summary>Advanced: use an access token instead of signing in</summary>
            <label htmlFor={ids.token}>Google OAuth token (spreadsheets scope)</label>
            <input id={ids.token} className="input" type="password" value={token} onChange={(e) => setToken(e.target.value)} />
          </details>
          <div className="opt-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void connect(false)}>
              Sign in with Google and connect
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void connect(true)}>
              Create a new team sheet
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="api-problem" role="alert">
          {problem}
        </p>
      )}
      {on && status && (
        <div className="opt-field" aria-live="polite">
          <p>
            Sheet: <strong>{status.title || status.spreadsheetId}</strong> · you appear as <strong>{status.me}</strong>
          </p>
          <p data-testid="team-sync-state">
            Sync: <strong>{STATE_WORDS[status.state]}</strong>
            {status.lastSyncedAt ? ` · last synced ${new Date(status.lastSyncedAt).toLocaleTimeString()}` : ''} ·{' '}
            <span data-testid="team-pending">{status.pending === 1 ? '1 change waiting' : `${status.pending} changes waiting`}</span>
          </p>
          {status.message && status.state !== 'ok' && <p className="api-problem" role="alert">{status.message}</p>}
          {status.asking.length > 0 && (
            <p>
              {status.asking.length === 1 ? '1 code has' : `${status.asking.length} codes have`} two teammates’ notes kept side by side (⟂): keep one and
              delete the other.
            </p>
          )}
          {status.recent.length > 0 && (
            <>
              <h3>Who changed what</h3>
              <ul data-testid="team-recent">
                {status.recent.slice(0, 8).map((c) => (
                  <li key={`${c.code}-${c.at}`}>
                    {c.by}: {c.fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')} · {c.code.slice(0, 10)}… · {new Date(c.at).toLocaleTimeString()}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="opt-actions">
            <button type="button" className="btn" onClick={() => void sendMessage('teamSheetSync', {}).then(setStatus)}>
              Sync now
            </button>
            {status.state === 'signin' && (
              <button type="button" className="btn btn-primary" onClick={() => {
                  setSheet(status.spreadsheetId ?? '');
                  setStatus({ ...status, state: 'off' });
                }}>
                Sign in again
              </button>
            )}
            <button type="button" className="btn" onClick={() => void sendMessage('teamSheetDisconnect', {}).then(setStatus)}>
              Stop sharing
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
