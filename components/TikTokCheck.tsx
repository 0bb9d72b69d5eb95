import { useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import { sendMessage } from '@/utils/protocol';
import { translate, type Language } from '@/utils/i18n/core';
import { useI18nOrEnglish } from '@/utils/i18n/context';
import { useFormatDate } from './ExpiryLabel';
import { needsRenewal, outcomeFor, type SingleOutcome } from './tiktok-check';

const VIDEO_TEXT_MAX = 90;
const formats = new Map<Language, Intl.RelativeTimeFormat>();

/** "just now", "5 minutes ago", "yesterday": how fresh TikTok's answer is. */
export function timeAgo(ts: number, now: number, lang: Language = 'en'): string {
  let rtf = formats.get(lang);
  if (!rtf) formats.set(lang, (rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  const s = Math.round((ts - now) / 1000);
  if (Math.abs(s) < 60) return translate(lang, 'tiktokJustNow');
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

/**
 * The popup's "Check with TikTok" block in a code's details: asks the background (which alone
 * talks to TikTok), then shows what TikTok confirmed. Rendered only when the API feature is on.
 */
export function TikTokCheck({ record, now }: { record: AdCodeRecord; now: number }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SingleOutcome>();
  const { t, lang } = useI18nOrEnglish();
  const formatDate = useFormatDate();
  const v = record.verified;
  const id = record.id!;

  async function check() {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(outcomeFor(await sendMessage('verifyCodes', { ids: [id] }), id));
    } catch (e) {
      setResult({ kind: 'run-error', errorKind: 'extension', message: t('tiktokExtensionFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  }

  // One place for TikTok's bad news, whether it arrived with this click or an earlier check.
  const problem =
    result?.kind === 'code-problem'
      ? { text: result.message, renew: result.errorKind === 'code-expired' || needsRenewal(v), fresh: true }
      : v && (v.error || needsRenewal(v))
        ? { text: v.error ?? t('tiktokLost'), renew: needsRenewal(v), fresh: result?.kind === 'verified' }
        : undefined;
  const confirmed = v && !v.error && v.authEnd !== undefined;

  return (
    <section className="tiktok-check" aria-label={t('tiktokTitle')}>
      <div className="tiktok-check-head">
        <span className={`tiktok-check-state ${confirmed && !problem ? 'is-ok' : ''}`}>
          {!v
            ? t('tiktokNotCheckedYet')
            : t(confirmed ? 'tiktokVerifiedAgo' : 'tiktokCheckedAgo', { when: timeAgo(v.checkedAt, now, lang) })}
        </span>
        <button type="button" className="btn btn-sm" onClick={() => void check()} disabled={busy} aria-busy={busy}>
          {t(busy ? 'tiktokCheckingShort' : 'tiktokCheck')}
        </button>
      </div>

      {result?.kind === 'verified' && !result.lost && (
        <p className="tiktok-check-note is-ok" role="status">
          {v?.authEnd !== undefined ? t('tiktokVerifiedUntil', { date: formatDate(v.authEnd, true) }) : t('tiktokVerifiedDone')}
        </p>
      )}
      {result?.kind === 'run-error' && (
        <p className="tiktok-check-note is-error" role="alert">
          {result.errorKind === 'missing' ? t('tiktokCodeGone') : result.message}
          {result.retryAt !== undefined && result.retryAt > now && ` ${t('tiktokRetryAfter', { time: formatDate(result.retryAt, true) })}`}
        </p>
      )}
      {problem && (
        <div className="tiktok-check-note is-error" role={problem.fresh ? 'alert' : undefined}>
          <span>{t('tiktokSays', { message: problem.text })}</span>
          {problem.renew && (
            <a className="btn btn-sm tiktok-renew" href={`/dashboard.html#code=${id}&renew=1`} target="_blank" rel="noreferrer">
              {t('requestRenewal')}
            </a>
          )}
        </div>
      )}

      {v && (v.authStart !== undefined || v.authEnd !== undefined || v.tiktokName || v.videoText) && (
        <dl className="facts tiktok-facts">
          {(v.authStart !== undefined || v.authEnd !== undefined) && (
            <>
              <dt>{t('tiktokAuthorized')}</dt>
              <dd>
                <span className="nowrap">{v.authStart !== undefined ? formatDate(v.authStart, true) : '…'}</span> –{' '}
                <span className="nowrap">{v.authEnd !== undefined ? formatDate(v.authEnd, true) : '…'}</span>
              </dd>
            </>
          )}
          {v.tiktokName && (
            <>
              <dt>{t('tiktokOnTiktok')}</dt>
              <dd>{v.tiktokName}</dd>
            </>
          )}
          {v.videoText && (
            <>
              <dt>{t('rowVideo')}</dt>
              <dd className="tiktok-video-text" title={v.videoText}>
                {t('quoted', { text: clip(v.videoText, VIDEO_TEXT_MAX) })}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
