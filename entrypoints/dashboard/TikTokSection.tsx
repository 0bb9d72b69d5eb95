import { useState } from 'react';
import { useI18n } from '@/utils/i18n/context';
import { sendMessage } from '@/utils/protocol';
import { needsRenewal, outcomeFor, type SingleOutcome } from '@/components/tiktok-check';
import type { Row } from './filters';

const VIDEO_TEXT_MAX = 160;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The drawer's "TikTok verification" block: what TikTok confirmed about the code, and a check on
 * demand. Shown only when the optional API feature is set up (the drawer decides).
 */
export function TikTokSection({ row, now }: { row: Row; now: number }) {
  const { t, dateTime, relative } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SingleOutcome>();
  const v = row.verified;

  async function check() {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(outcomeFor(await sendMessage('verifyCodes', { ids: [row.id] }), row.id));
    } catch (e) {
      setResult({ kind: 'run-error', errorKind: 'extension', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  // TikTok's bad news is shown once, announced only when it is the answer to this click.
  const problem =
    result?.kind === 'code-problem'
      ? { text: result.message, renew: result.errorKind === 'code-expired' || needsRenewal(v), fresh: true }
      : v && (v.error || needsRenewal(v))
        ? { text: v.error ?? t('tiktokLost'), renew: needsRenewal(v), fresh: result?.kind === 'verified' }
        : undefined;
  const confirmed = !!v && !v.error && v.authEnd !== undefined;

  return (
    <section className="drawer-tiktok" aria-labelledby="drawer-tiktok-title">
      <div className="drawer-tiktok-head">
        <div>
          <h3 id="drawer-tiktok-title">{t('tiktokTitle')}</h3>
          <p className={`drawer-tiktok-state ${confirmed && !problem ? 'is-ok' : ''}`}>
            {!v ? t('tiktokNotChecked') : t(confirmed ? 'tiktokVerifiedAgo' : 'tiktokCheckedAgo', { when: relative(v.checkedAt, now) })}
          </p>
        </div>
        <button type="button" className="btn btn-sm" onClick={() => void check()} disabled={busy} aria-busy={busy}>
          {busy ? t('tiktokChecking') : t('tiktokCheck')}
        </button>
      </div>

      {result?.kind === 'verified' && !result.lost && v?.authEnd !== undefined && (
        <p className="drawer-tiktok-note is-ok" role="status">
          {t('tiktokVerifiedUntil', { date: dateTime(v.authEnd) })}
        </p>
      )}
      {result?.kind === 'run-error' && (
        <p className="drawer-tiktok-note is-error" role="alert">
          {t('tiktokCheckFailed', { reason: result.message })}
          {result.retryAt !== undefined && result.retryAt > now && ` ${t('tiktokRetryAfter', { time: dateTime(result.retryAt) })}`}
        </p>
      )}
      {problem && (
        <p className="drawer-tiktok-note is-error" role={problem.fresh ? 'alert' : undefined}>
          {t('tiktokSays', { message: problem.text })}
          {problem.renew && <span className="drawer-tiktok-hint">{t('tiktokRenewHint')}</span>}
        </p>
      )}

      {v && (v.authStart !== undefined || v.authEnd !== undefined || v.tiktokName || v.videoText) && (
        <dl className="drawer-facts">
          {(v.authStart !== undefined || v.authEnd !== undefined) && (
            <>
              <dt>{t('tiktokAuthWindow')}</dt>
              <dd>
                <span className="nowrap">{v.authStart !== undefined ? dateTime(v.authStart) : '…'}</span> –{' '}
                <span className="nowrap">{v.authEnd !== undefined ? dateTime(v.authEnd) : '…'}</span>
              </dd>
            </>
          )}
          {v.tiktokName && (
            <>
              <dt>{t('tiktokName')}</dt>
              <dd>{v.tiktokName}</dd>
            </>
          )}
          {v.videoText && (
            <>
              <dt>{t('tiktokVideoText')}</dt>
              <dd className="dash-muted" title={v.videoText}>
                “{clip(v.videoText, VIDEO_TEXT_MAX)}”
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
