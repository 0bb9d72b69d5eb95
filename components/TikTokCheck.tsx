import { useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import { sendMessage } from '@/utils/protocol';
import { formatDate } from './ExpiryLabel';
import { needsRenewal, outcomeFor, type SingleOutcome } from './tiktok-check';

const VIDEO_TEXT_MAX = 90;
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday": how fresh TikTok's answer is. */
export function timeAgo(ts: number, now: number): string {
  const s = Math.round((ts - now) / 1000);
  if (Math.abs(s) < 60) return 'just now';
  const m = Math.round(s / 60);
  if (Math.abs(m) < 60) return rtf.format(m, 'minute');
  const h = Math.round(m / 60);
  if (Math.abs(h) < 24) return rtf.format(h, 'hour');
  return rtf.format(Math.round(h / 24), 'day');
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

const LOST_MESSAGE = 'TikTok says this authorization has ended or was withdrawn.';

/**
 * The popup's "Check with TikTok" block in a code's details: asks the background (which alone
 * talks to TikTok), then shows what TikTok confirmed. Rendered only when the API feature is on.
 */
export function TikTokCheck({ record, now }: { record: AdCodeRecord; now: number }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SingleOutcome>();
  const v = record.verified;
  const id = record.id!;

  async function check() {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(outcomeFor(await sendMessage('verifyCodes', { ids: [id] }), id));
    } catch (e) {
      setResult({ kind: 'run-error', errorKind: 'extension', message: `The extension could not run the check (${e instanceof Error ? e.message : String(e)}). Try again.` });
    } finally {
      setBusy(false);
    }
  }

  // One place for TikTok's bad news, whether it arrived with this click or an earlier check.
  const problem =
    result?.kind === 'code-problem'
      ? { text: result.message, renew: result.errorKind === 'code-expired' || needsRenewal(v), fresh: true }
      : v && (v.error || needsRenewal(v))
        ? { text: v.error ?? LOST_MESSAGE, renew: needsRenewal(v), fresh: result?.kind === 'verified' }
        : undefined;
  const confirmed = v && !v.error && v.authEnd !== undefined;

  return (
    <section className="tiktok-check" aria-label="TikTok verification">
      <div className="tiktok-check-head">
        <span className={`tiktok-check-state ${confirmed && !problem ? 'is-ok' : ''}`}>
          {!v ? 'Not checked with TikTok yet' : confirmed ? `✓ Verified by TikTok ${timeAgo(v.checkedAt, now)}` : `Checked with TikTok ${timeAgo(v.checkedAt, now)}`}
        </span>
        <button type="button" className="btn btn-sm" onClick={() => void check()} disabled={busy} aria-busy={busy}>
          {busy ? 'Checking…' : 'Check with TikTok'}
        </button>
      </div>

      {result?.kind === 'verified' && !result.lost && (
        <p className="tiktok-check-note is-ok" role="status">
          {v?.authEnd !== undefined ? `Verified: authorized until ${formatDate(v.authEnd, true)}` : 'Verified by TikTok.'}
        </p>
      )}
      {result?.kind === 'run-error' && (
        <p className="tiktok-check-note is-error" role="alert">
          {result.message}
          {result.retryAt !== undefined && result.retryAt > now && ` Try again after ${formatDate(result.retryAt, true)}.`}
        </p>
      )}
      {problem && (
        <div className="tiktok-check-note is-error" role={problem.fresh ? 'alert' : undefined}>
          <span>TikTok: {problem.text}</span>
          {problem.renew && (
            <a className="btn btn-sm tiktok-renew" href={`/dashboard.html#code=${id}&renew=1`} target="_blank" rel="noreferrer">
              Request renewal
            </a>
          )}
        </div>
      )}

      {v && (v.authStart !== undefined || v.authEnd !== undefined || v.tiktokName || v.videoText) && (
        <dl className="facts tiktok-facts">
          {(v.authStart !== undefined || v.authEnd !== undefined) && (
            <>
              <dt>Authorized</dt>
              <dd>
                <span className="nowrap">{v.authStart !== undefined ? formatDate(v.authStart, true) : '…'}</span> –{' '}
                <span className="nowrap">{v.authEnd !== undefined ? formatDate(v.authEnd, true) : '…'}</span>
              </dd>
            </>
          )}
          {v.tiktokName && (
            <>
              <dt>On TikTok</dt>
              <dd>{v.tiktokName}</dd>
            </>
          )}
          {v.videoText && (
            <>
              <dt>Video</dt>
              <dd className="tiktok-video-text" title={v.videoText}>
                “{clip(v.videoText, VIDEO_TEXT_MAX)}”
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
