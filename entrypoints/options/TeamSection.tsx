import { useCallback, useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/protocol';
import { shortCode } from '@/utils/i18n/core';
import { useTeamWords, type TeamKey } from '@/utils/i18n/team';
import { rich } from '@/utils/i18n/phrases';
import { SHEETS_PERMISSION, teamStatusItem, type TeamProblem, type TeamSheetStatus } from '@/utils/team-sheet/settings';
import { HAND_EDITOR } from '@/utils/team-sheet/sheet-author';
import { TeamConflicts, type SettleKeep } from './TeamConflicts';
import './TeamSection.css';

/**
 * Options → "Share with your team": sign in with Google (or paste an access token, Advanced), create a
 * sheet or paste one's address, then see the sync: last synced, pending changes, who changed what, and the
 * notes two teammates changed at once, to settle. The permission for sheets.googleapis.com (and identity,
 * for Google's sign-in) is asked for on Connect. The background says why something stopped as a problem
 * word; the sentence is the page's, in the user's language (its English detail is kept for 'other').
 */

const STATE_WORDS: Record<TeamSheetStatus['state'], TeamKey> = {
  off: 'teamStateOff',
  ok: 'teamStateOk',
  syncing: 'teamStateSyncing',
  retrying: 'teamStateRetrying',
  signin: 'teamStateSignin',
  stopped: 'teamStateStopped',
};

const PROBLEM_WORDS: Record<Exclude<TeamProblem, 'other'>, TeamKey> = {
  auth: 'teamProblemAuth',
  gone: 'teamProblemGone',
  retry: 'teamProblemRetry',
  'signin-cancelled': 'teamProblemCancelled',
  'no-client-id': 'teamProblemNoClientId',
  'no-identity': 'teamProblemNoIdentity',
  'not-a-sheet': 'teamProblemNotSheet',
};

/** The shared fields as people say them ("Ana: marked used, notes"); anything else is shown as named. */
const FIELD_WORDS: Record<string, TeamKey> = {
  uses: 'teamFieldUses',
  notes: 'teamFieldNotes',
  tags: 'teamFieldTags',
  expiresAt: 'teamFieldExpiresAt',
  deleted: 'teamFieldDeleted',
  new: 'teamFieldNew',
  creatorHandle: 'teamFieldCreatorHandle',
  postUrl: 'teamFieldPostUrl',
  periodDays: 'teamFieldPeriodDays',
  receivedAt: 'teamFieldReceivedAt',
  archived: 'teamFieldArchived',
  senderName: 'teamFieldSender',
  senderEmail: 'teamFieldSender',
  subject: 'teamFieldSubject',
  sourceUrl: 'teamFieldSourceUrl',
  sourceKind: 'teamFieldSourceKind',
};

type Problem = { key: TeamKey } | { text: string };

export function TeamSection() {
  const words = useTeamWords();
  const ids = { title: useId(), sheet: useId(), me: useId(), token: useId() };
  const [status, setStatus] = useState<TeamSheetStatus | null>(null);
  const [sheet, setSheet] = useState('');
  const [me, setMe] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const problemOf = (p: TeamProblem | undefined, message: string | undefined): Problem | null =>
    p && p !== 'other' ? { key: PROBLEM_WORDS[p] } : message ? { text: message } : null;

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
    setProblem(null);
    if (!me.trim()) return setProblem({ key: 'teamNeedMe' });
    if (!create && !sheet.trim()) return setProblem({ key: 'teamNeedSheet' });
    setBusy(true);
    try {
      const wanted = token.trim() ? { origins: [SHEETS_PERMISSION] } : { origins: [SHEETS_PERMISSION], permissions: ['identity' as const] };
      const granted = (await browser.permissions.contains(wanted)) || (await browser.permissions.request(wanted));
      if (!granted) return setProblem({ key: 'teamNoPermission' });
      const s = await sendMessage('teamSheetConnect', {
        sheet: create ? '' : sheet.trim(),
        me: me.trim(),
        accessToken: token.trim() || undefined,
      });
      setStatus(s);
      if (s.message && s.state !== 'ok') setProblem(problemOf(s.problem, s.message));
    } catch (e) {
      setProblem({ text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const settle = async (code: string, keep: SettleKeep) => {
    setProblem(null);
    try {
      setStatus(await sendMessage('teamSheetSettle', { code, keep }));
      return true;
    } catch (e) {
      setProblem({ text: (e as Error).message });
      return false;
    }
  };

  // Hooks above, words below: the page's language may still be loading (a few ms, from the package).
  if (!words) return null;
  const { t, tn, dateTime } = words;
  const say = (p: Problem) => ('key' in p ? t(p.key) : p.text);
  const on = !!status && status.state !== 'off';
  const statusProblem = on && status.state !== 'ok' && status.state !== 'syncing' ? problemOf(status.problem, status.message) : null;
  return (
    <section className="opt-card team-section" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('teamTitle')}</h2>
      <p className="opt-hint">{t('teamLead')}</p>
      {!on && (
        <div className="opt-field">
          <label htmlFor={ids.me}>{t('teamMe')}</label>
          <input id={ids.me} className="input" value={me} onChange={(e) => setMe(e.target.value)} placeholder={t('teamMePlaceholder')} />
          <label htmlFor={ids.sheet}>{t('teamSheet')}</label>
          <input
            id={ids.sheet}
            className="input"
            value={sheet}
            onChange={(e) => setSheet(e.target.value)}
            placeholder="https://docs.google.com/spreadsheets/d/…"
          />
          <details>
            <summary>{t('teamAdvanced')}</summary>
            <label htmlFor={ids.token}>{t('teamToken')}</label>
            <input id={ids.token} className="input" type="password" value={token} onChange={(e) => setToken(e.target.value)} />
          </details>
          <div className="opt-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void connect(false)}>
              {t('teamConnect')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void connect(true)}>
              {t('teamCreate')}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="team-problem" role="alert">
          {say(problem)}
        </p>
      )}
      {on && status && (
        <div className="opt-field" aria-live="polite">
          <p>
            {rich(t('teamSheetLine'), { title: <strong>{status.title || status.spreadsheetId}</strong>, me: <strong>{status.me}</strong> })}
          </p>
          <p data-testid="team-sync-state">
            {rich(t('teamSyncLine'), { state: <strong>{t(STATE_WORDS[status.state])}</strong> })}
            {status.lastSyncedAt ? ` · ${t('teamLastSynced', { time: dateTime(status.lastSyncedAt) })}` : ''} ·{' '}
            <span data-testid="team-pending">{tn('teamPending', status.pending)}</span>
          </p>
          {!!status.held?.length && (
            // Why the pending count does not go down: the change waits for a row a teammate must fix first.
            <ul className="team-recent" data-testid="team-held">
              {status.held.slice(0, 5).map((h) => (
                <li key={h.code}>
                  {t(h.column ? 'teamHeldCell' : 'teamHeldRow', { code: shortCode(h.code), row: h.row, column: h.column ?? '' })}
                </li>
              ))}
            </ul>
          )}
          {statusProblem && (
            <p className="team-problem" role="alert">
              {say(statusProblem)}
            </p>
          )}
          <TeamConflicts words={words} conflicts={status.conflicts ?? []} me={status.me ?? ''} onSettle={settle} />
          {status.recent.length > 0 && (
            <>
              <h3>{t('teamRecentTitle')}</h3>
              <ul className="team-recent" data-testid="team-recent">
                {status.recent.slice(0, 8).map((c) => (
                  <li key={`${c.code}-${c.at}`}>
                    {t('teamRecentLine', {
                      // A cell typed by hand has no teammate behind it, only the sheet: say so rather than the raw word.
                      who: c.by === HAND_EDITOR ? t('teamBySheet') : c.by,
                      fields: [...new Set(c.fields.map((f) => (FIELD_WORDS[f] ? t(FIELD_WORDS[f]) : f)))].join(', '),
                      code: shortCode(c.code),
                      time: dateTime(c.at),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="opt-actions">
            <button type="button" className="btn" onClick={() => void sendMessage('teamSheetSync', {}).then(setStatus)}>
              {t('teamSyncNow')}
            </button>
            {status.state === 'signin' && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  setSheet(status.spreadsheetId ?? '');
                  setStatus({ ...status, state: 'off' });
                }}
              >
                {t('teamSignInAgain')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => void sendMessage('teamSheetDisconnect', {}).then(setStatus)}>
              {t('teamStop')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
