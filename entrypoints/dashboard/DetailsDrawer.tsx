import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/utils/i18n/context';
import { dayKey, timeKey, zonedInstant } from '@/utils/i18n/dates';
import type { Row } from './filters';
import { StatusBadge } from './StatusBadge';
import type { DashboardActions } from './actions';
import { TikTokSection } from './TikTokSection';
import { CodeHistory } from './CodeHistory';
import { hasVerifiedEnd } from '@/components/tiktok-check';
import { LIMITS } from '@/utils/vault/limits';
import { tiktokVideoUrl } from '@/utils/links';
import { ExpiryDerivation } from '@/components/ExpiryDerivation';

/** Side panel for one code: every fact, the expiry correction, and the actions. Esc closes it. */
export function DetailsDrawer({
  row,
  now,
  onClose,
  onRenew,
  actions,
  tiktok = false,
}: {
  row: Row | undefined;
  now: number;
  onClose: () => void;
  onRenew: (id: number) => void;
  actions: DashboardActions;
  /** The optional TikTok API check is set up: show its facts and the "Check with TikTok" action. */
  tiktok?: boolean;
}) {
  const { t, tn, zone, date, dateTime, relative } = useI18n();
  const panel = useRef<HTMLElement>(null);
  const [expDate, setExpDate] = useState('');
  const [expTime, setExpTime] = useState('');
  const [tags, setTags] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState('');
  const [copied, setCopied] = useState(false);
  const rowId = row?.id;

  // Refill the form when another code is opened or this one changes underneath (edit elsewhere).
  useEffect(() => {
    if (!row) return;
    // The form follows the saved record (opened or edited elsewhere); the user's unsaved typing is what it replaces.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setExpDate(dayKey(row.expiresAt, zone));
    setExpTime(timeKey(row.expiresAt, zone));
    setTags(row.tags.join(', '));
    setNotes(row.notes);
    setError('');
  }, [row?.id, row?.expiresAt, row?.updatedAt, zone]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    panel.current?.focus();
  }, [rowId]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  if (!row) {
    return (
      <aside className="drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" tabIndex={-1} ref={panel} onKeyDown={onKeyDown}>
        <div className="drawer-head">
          <h2 id="drawer-title">{t('detailsTitle')}</h2>
          <button type="button" className="btn btn-icon" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        </div>
        <p className="dash-muted">{t('codeNotFound')}</p>
      </aside>
    );
  }

  /**
   * Sends only what the user changed. The form shows the expiry at minute precision, so it is
   * compared as the user sees it: an untouched date and time never rewrite the stored expiry
   * (which would mark it hand-edited, re-arm alerts and cut a TikTok-verified end time).
   */
  const save = async () => {
    const expiryTouched = expDate !== dayKey(row.expiresAt, zone) || expTime !== timeKey(row.expiresAt, zone);
    const at = expiryTouched ? zonedInstant(expDate, expTime, zone) : row.expiresAt;
    if (at === undefined) {
      setError(t('invalidDate'));
      return;
    }
    setError('');
    const nextTags = [...new Set(tags.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, LIMITS.tags);
    const patch: Parameters<DashboardActions['patch']>[1] = {};
    if (expiryTouched && at !== row.expiresAt) patch.expiresAt = at;
    if (nextTags.join('\u0000') !== row.tags.join('\u0000')) patch.tags = nextTags;
    if (notes !== row.notes) patch.notes = notes;
    if (Object.keys(patch).length && (await actions.patch(row.id, patch))) setCopied(false);
  };
  const lastUse = row.uses.length ? Math.max(...row.uses.map((u) => u.at)) : undefined;

  return (
    <aside className="drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" tabIndex={-1} ref={panel} onKeyDown={onKeyDown}>
      <div className="drawer-head">
        <h2 id="drawer-title">{row.creatorHandle ?? (tiktok ? row.verified?.tiktokName : undefined) ?? t('detailsTitle')}</h2>
        <button type="button" className="btn btn-icon" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      <StatusBadge status={row.state} renewal={!!row.renewalRequestedAt} />
      <dl className="drawer-facts">
        <dt>{t('fieldCode')}</dt>
        <dd>
          <code className="code-text drawer-code">{row.code}</code>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void navigator.clipboard.writeText(row.code).then(() => setCopied(true))}
          >
            {copied ? t('copied') : t('copyCode')}
          </button>
        </dd>
        <dt>{t('fieldExpiry')}</dt>
        <dd>
          {dateTime(row.expiresAt)} <span className="dash-muted">({relative(row.expiresAt, now)})</span>
          {/* How the date was worked out (assumed period, edited by hand, from TikTok) is the derivation's to say, once. */}
          {tiktok && hasVerifiedEnd(row) && <div className="expiry-verified">{t('tiktokVerifiedMark')}</div>}
          <ExpiryDerivation
            record={row}
            now={now}
            actions={{
              onChoosePeriod: (r, periodDays) => void actions.fixExpiry(r.id!, { periodDays }),
              onSetReceivedAt: (r, receivedAt) => void actions.fixExpiry(r.id!, { receivedAt }),
            }}
          />
        </dd>
        <dt>{t('fieldReceived')}</dt>
        <dd>{dateTime(row.receivedAt)}</dd>
        <dt>{t('fieldPeriod')}</dt>
        <dd>{tn('periodDays', row.periodDays)}</dd>
        <dt>{t('fieldUses')}</dt>
        <dd>{lastUse ? tn('usedTimes', row.uses.length, { date: date(lastUse) }) : t('neverUsed')}</dd>
        {row.postUrl && (
          <>
            <dt>{t('fieldPostUrl')}</dt>
            <dd>
              {tiktokVideoUrl(row.postUrl) ? (
                <a href={row.postUrl} target="_blank" rel="noreferrer noopener">
                  {row.postUrl}
                </a>
              ) : (
                // Not a TikTok video link (an old import or edit): shown whole, as text, never a link.
                <span>{row.postUrl}</span>
              )}
            </dd>
          </>
        )}
        <dt>{t('fieldSource')}</dt>
        <dd>
          {[row.source.senderName, row.source.senderEmail && `<${row.source.senderEmail}>`].filter(Boolean).join(' ') || row.source.kind}
          {row.source.subject && <div className="dash-muted">“{row.source.subject}”</div>}
          {row.source.url && (
            <div>
              <a href={row.source.url} target="_blank" rel="noreferrer noopener">
                {t('openOriginal')}
              </a>
            </div>
          )}
        </dd>
        {row.renewalRequestedAt && (
          <>
            <dt>{t('renewalRequested')}</dt>
            <dd>{dateTime(row.renewalRequestedAt)}</dd>
          </>
        )}
      </dl>

      {tiktok && <TikTokSection key={row.id} row={row} now={now} />}
      <CodeHistory row={row} />

      <form
        className="drawer-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="drawer-row">
          <label className="dash-field">
            <span className="dash-field-label">{t('fieldExpiryDate')}</span>
            <input className="input" type="date" required value={expDate} onChange={(e) => setExpDate(e.target.value)} aria-invalid={!!error} aria-describedby={error ? 'drawer-error' : undefined} />
          </label>
          <label className="dash-field">
            <span className="dash-field-label">{t('fieldExpiryTime')}</span>
            <input className="input" type="time" required value={expTime} onChange={(e) => setExpTime(e.target.value)} />
          </label>
        </div>
        {error && (
          <p id="drawer-error" className="dash-error" role="alert">
            {error}
          </p>
        )}
        <label className="dash-field">
          <span className="dash-field-label">{t('fieldTags')}</span>
          <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby="drawer-tags-help" />
          <span id="drawer-tags-help" className="dash-muted">
            {t('tagsHelp')}
          </span>
        </label>
        <label className="dash-field">
          <span className="dash-field-label">{t('fieldNotes')}</span>
          <textarea className="input drawer-notes" rows={3} value={notes} maxLength={LIMITS.notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          {t('save')}
        </button>
      </form>

      <div className="drawer-actions">
        <button type="button" className="btn btn-primary-soft" onClick={() => onRenew(row.id)}>
          {t('requestRenewal')}
        </button>
        <button type="button" className="btn" onClick={() => void actions.setUsed(row.id, row.status !== 'used')}>
          {row.status === 'used' ? t('markUnused') : t('markUsed')}
        </button>
        <button type="button" className="btn" onClick={() => void actions.patch(row.id, { archived: row.archived ? 0 : 1 })}>
          {row.archived ? t('unarchive') : t('archive')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            void actions.remove([row.id]);
            onClose();
          }}
        >
          {t('delete')}
        </button>
      </div>
    </aside>
  );
}
