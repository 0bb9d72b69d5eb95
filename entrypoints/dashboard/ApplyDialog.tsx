import { useEffect, useRef, useState } from 'react';
import { shortCode } from '@/utils/i18n/core';
import { getApiCredentials } from '@/utils/api-settings';
import { connectedAccounts, getAccountsStore, type AccountState } from '@/utils/tiktok-accounts';
import { sendMessage, type ApplyReport } from '@/utils/protocol';
import { useI18n } from '@/utils/i18n/context';

type Result = ApplyReport['results'][number];

/**
 * Rows of a retry replace the same code × account rows of the first run; the others stay. A pair
 * this dialog applied stays "applied" when the retry finds it already there.
 */
function mergeResults(before: Result[], next: Result[]): Result[] {
  const key = (r: Result) => `${r.id}:${r.advertiserId}`;
  const fresh = new Map(next.map((r) => [key(r), r]));
  const pick = (r: Result) => {
    const n = fresh.get(key(r));
    return !n || (r.outcome === 'applied' && n.outcome === 'already') ? r : n;
  };
  return [...before.map(pick), ...next.filter((r) => !before.some((b) => key(b) === key(r)))];
}

/**
 * "Apply to ad accounts…" (dashboard bulk action): pick accounts, apply every selected code to
 * each through the background, read a per-code, per-account result in plain words, retry only
 * the failed pairs. The result words come from the background (utils/tiktok-apply.ts) in the user's language.
 */
export function ApplyDialog({ ids, onClose }: { ids: number[]; onClose: () => void }) {
  const { t, tn } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [accounts, setAccounts] = useState<AccountState[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Result[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void Promise.all([getApiCredentials(), getAccountsStore()]).then(([creds, store]) => setAccounts(connectedAccounts(creds, store)));
  }, []);

  async function apply(codeIds: number[], advertiserIds: string[]) {
    setBusy(true);
    setProblem(undefined);
    try {
      const report = await sendMessage('tiktokApplyCodes', { ids: codeIds, advertiserIds });
      setResults((r) => mergeResults(r, report.results));
      if (report.error) setProblem(report.error.message);
    } catch (e) {
      setProblem(t('apFailedExt', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const failed = results.filter((r) => r.outcome === 'failed');
  const count = (o: Result['outcome']) => results.filter((r) => r.outcome === o).length;
  const label = (a: { name?: string; advertiserId: string }) => (a.name ? `${a.name} (${a.advertiserId})` : a.advertiserId);

  return (
    <dialog ref={ref} className="modal" aria-labelledby="apply-title" onClose={onClose}>
      <div className="modal-body">
        <h2 id="apply-title">{tn('apTitle', ids.length)}</h2>
        <fieldset className="apply-accounts">
          <legend>{t('apAccounts')}</legend>
          {accounts.map((a) => (
            <label key={a.advertiserId} className="apply-account">
              <input
                type="checkbox"
                checked={chosen.has(a.advertiserId)}
                onChange={() =>
                  setChosen((s) => {
                    const next = new Set(s);
                    if (!next.delete(a.advertiserId)) next.add(a.advertiserId);
                    return next;
                  })
                }
              />
              {label(a)}
            </label>
          ))}
        </fieldset>
        {results.length > 0 && (
          <>
            <p role="status" className="apply-summary">
              {t('apSummary', { applied: count('applied'), already: count('already'), failed: count('failed') })}
            </p>
            <table className="apply-results" aria-label={t('apResults')}>
              <thead>
                <tr>
                  <th scope="col">{t('apColCode')}</th>
                  <th scope="col">{t('apColAccount')}</th>
                  <th scope="col">{t('apColResult')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={`${r.id}:${r.advertiserId}`} className={`apply-${r.outcome}`}>
                    <td>
                      {r.who ? `${r.who} · ` : ''}
                      <code>{shortCode(r.code)}</code>
                    </td>
                    <td>{label({ name: r.accountName, advertiserId: r.advertiserId })}</td>
                    <td>{r.words}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {problem && (
          <p className="dash-error" role="alert">
            {problem}
          </p>
        )}
        <div className="modal-actions">
          {failed.length > 0 && (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void apply([...new Set(failed.map((r) => r.id))], [...new Set(failed.map((r) => r.advertiserId))])}
            >
              {t('apRetry', { count: failed.length })}
            </button>
          )}
          <button type="button" className="btn btn-primary" disabled={busy || !chosen.size} onClick={() => void apply(ids, [...chosen])}>
            {busy ? t('apApplying') : t('apApply')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
