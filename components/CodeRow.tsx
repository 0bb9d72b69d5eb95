import { useId, useState } from 'react';
import { TZDate } from '@date-fns/tz';
import type { AdCodeRecord } from '@/utils/code-record';
import { codeStatus, computeExpiry, ALLOWED_PERIODS } from '@/utils/expiry';
import type { MessageKey } from '@/utils/i18n/core';
import { dayKey } from '@/utils/i18n/dates';
import { useI18nOrEnglish } from '@/utils/i18n/context';
import { CopyButton } from './CopyButton';
import { ExpiryLabel, useFormatDate } from './ExpiryLabel';
import { StatusPill } from './StatusPill';
import { ExpiryDerivation, type ExpiryFixActions } from './ExpiryDerivation';
import { TikTokCheck } from './TikTokCheck';
import { hasVerifiedEnd } from './tiktok-check';
import { expirySourceOf } from '@/utils/expiry-derivation';
import { tiktokVideoUrl, videoLinkLabel } from '@/utils/links';

export interface CodeRowActions extends ExpiryFixActions {
  onToggleUsed(record: AdCodeRecord): void;
  onDelete(record: AdCodeRecord): void;
  onUpdate(record: AdCodeRecord, patch: { notes?: string; periodDays?: number; expiresAt?: number }): void;
}

/** Shortens the middle so the start and end people recognise stay visible. */
export function shortCode(code: string, keep = 10): string {
  return code.length <= keep * 2 + 1 ? code : `${code.slice(0, keep + 1)}…${code.slice(-keep)}`;
}

/** Product names stay as they are; the rest is translated. */
const SOURCE_LABEL: Record<string, MessageKey | { name: string }> = {
  gmail: { name: 'Gmail' },
  outlook: { name: 'Outlook' },
  instagram: 'sourceInstagram',
  'tiktok-dm': 'sourceTiktokDm',
  'tiktok-shop': { name: 'TikTok Shop' },
  whatsapp: { name: 'WhatsApp' },
  slack: { name: 'Slack' },
  selection: 'sourceSelection',
  paste: 'sourcePaste',
  import: 'sourceImport',
};

/** Keeps the clock time of the old expiry when only the day is changed (in the display zone). */
function withDate(original: number, ymd: string, zone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return undefined;
  const d = new TZDate(original, zone);
  d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getTime();
}

/** A row picked for a batch action (the popup's "Apply to ad accounts…"). */
export interface RowSelection {
  selected: boolean;
  onChange(selected: boolean): void;
}

/** The value the period list shows when the expiry was set by hand and no period explains it. */
const CUSTOM_PERIOD = 'custom';

/**
 * `tiktok`: the optional TikTok API check is set up; without it nothing about TikTok's answers shows.
 * `selection`: shows a checkbox to pick the row (only where a batch action exists).
 */
export function CodeRow({
  record,
  now,
  windowDays,
  actions,
  tiktok = false,
  selection,
}: {
  record: AdCodeRecord;
  now: number;
  windowDays: number;
  actions: CodeRowActions;
  tiktok?: boolean;
  selection?: RowSelection;
}) {
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState(record.notes);
  const detailsId = useId();
  const { t, tn, zone } = useI18nOrEnglish();
  const formatDate = useFormatDate();
  const status = codeStatus(record, now, windowDays);
  const creator = record.creatorHandle ?? record.verified?.tiktokName ?? t('noCreator');
  const used = record.status === 'used';
  const source = SOURCE_LABEL[record.source.kind];
  const sourceLabel = source === undefined ? record.source.kind : typeof source === 'string' ? t(source) : source.name;
  // Every button names the code it acts on: a list of "Mark used" buttons is useless to a screen reader.
  const rowName = `${creator} ${shortCode(record.code, 3)}`;
  // An expiry edited by hand no longer follows from the period: the list must not claim it does.
  const customExpiry = record.expiresAt !== computeExpiry(record.receivedAt, record.periodDays);
  // TikTok's own authorization end is not the user's custom date: say whose date it is.
  const customLabel = expirySourceOf(record) === 'tiktok' ? t('rowExpiryTikTok') : t('rowExpiryCustom');

  return (
    <li className={`code-row status-${status}`} aria-label={`${creator}, ${record.code}`} data-code-id={record.id}>
      <div className="code-row-main">
        {selection && (
          <input
            type="checkbox"
            className="code-row-select"
            checked={selection.selected}
            aria-label={t('rowSelect', { code: rowName })}
            onChange={(e) => selection.onChange(e.target.checked)}
          />
        )}
        <button
          type="button"
          className="code-row-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((o) => !o)}
          title={t('rowShowDetails')}
        >
          <span className="code-row-line1">
            <span className="creator">{creator}</span>
            <StatusPill status={status} />
          </span>
          <span className="code-row-line2">
            <ExpiryLabel expiresAt={record.expiresAt} now={now} assumed={record.periodAssumed} verified={tiktok && hasVerifiedEnd(record)} />
          </span>
          <span className="code-text code-short" title={record.code}>
            {shortCode(record.code)}
          </span>
        </button>
        <div className="code-row-actions">
          <CopyButton text={record.code} label={t('rowCopyCode', { code: rowName })} />
          <button
            type="button"
            className={`btn btn-sm btn-mark-used ${used ? 'btn-used' : ''}`}
            aria-label={t(used ? 'rowUsedLabel' : 'rowMarkUsedLabel', { code: rowName })}
            onClick={() => actions.onToggleUsed(record)}
            title={t(used ? 'rowUsedHint' : 'rowMarkUsedHint')}
          >
            {/* In a narrow popup only the glyph shows; the accessible name says it all either way. */}
            <span className="btn-text">{t(used ? 'rowUsed' : 'rowMarkUsed')}</span>
            <span className="btn-glyph" aria-hidden="true">
              ✓
            </span>
          </button>
          <button
            type="button"
            className="btn btn-icon btn-delete"
            onClick={() => actions.onDelete(record)}
            aria-label={t('rowDelete', { code: rowName })}
            title={t('rowDeleteHint')}
          >
            <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14M10 11v6M14 11v6" />
            </svg>
          </button>
        </div>
      </div>
      {open && (
        <div className="code-row-details" id={detailsId}>
          <div className="full-code">
            <span className="visually-hidden">{t('rowFullCode')}</span>
            <code className="code-text">{record.code}</code>
          </div>
          <dl className="facts">
            <dt>{t('fieldReceived')}</dt>
            <dd>{formatDate(record.receivedAt, true)}</dd>
            <dt>{t('fieldExpiry')}</dt>
            <dd>
              <input
                // Remounts when the expiry changes elsewhere (a TikTok check, the dashboard): it is uncontrolled.
                key={record.expiresAt}
                type="date"
                className="input input-date"
                aria-label={t('fieldExpiryDate')}
                defaultValue={dayKey(record.expiresAt, zone)}
                onChange={(e) => {
                  const at = withDate(record.expiresAt, e.target.value, zone);
                  if (at !== undefined) actions.onUpdate(record, { expiresAt: at });
                }}
              />
            </dd>
            <dt>{t('derivationLabel')}</dt>
            <dd>
              <ExpiryDerivation record={record} now={now} actions={actions} />
            </dd>
            <dt>{t('rowPeriod')}</dt>
            <dd>
              <select
                className="input input-period"
                aria-label={t('fieldPeriod')}
                value={customExpiry ? CUSTOM_PERIOD : record.periodDays}
                onChange={(e) => e.target.value !== CUSTOM_PERIOD && actions.onUpdate(record, { periodDays: Number(e.target.value) })}
              >
                {customExpiry && <option value={CUSTOM_PERIOD}>{customLabel}</option>}
                {!customExpiry && !ALLOWED_PERIODS.includes(record.periodDays as 7) && <option value={record.periodDays}>{tn('periodDays', record.periodDays)}</option>}
                {ALLOWED_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {p === 365 ? t('rowPeriodYear') : tn('periodDays', p)}
                  </option>
                ))}
              </select>
              {record.periodAssumed && <span className="hint"> {t('rowPeriodNotStated')}</span>}
            </dd>
            {record.postUrl && (
              <>
                <dt>{t('rowVideo')}</dt>
                <dd>
                  {/* Only TikTok's own video links are links; anything else is shown whole, as text. */}
                  {tiktokVideoUrl(record.postUrl) ? (
                    <a href={record.postUrl} target="_blank" rel="noreferrer">
                      {videoLinkLabel(record.postUrl)}
                    </a>
                  ) : (
                    <span className="untrusted-link">{record.postUrl}</span>
                  )}
                </dd>
              </>
            )}
            <dt>{t('rowFrom')}</dt>
            <dd>
              {record.source.senderName || record.source.senderEmail || sourceLabel}
              {record.source.url && (
                <>
                  {' · '}
                  <a href={record.source.url} target="_blank" rel="noreferrer" title={record.source.subject}>
                    {t(record.source.kind === 'gmail' ? 'rowOpenEmail' : 'rowOpenSource')}
                  </a>
                </>
              )}
            </dd>
            {record.uses.length > 0 && (
              <>
                <dt>{t('rowUses')}</dt>
                <dd>
                  {record.uses
                    .map((u) => (u.advertiserId ? t('rowUseAccount', { date: formatDate(u.at), account: u.advertiserId }) : formatDate(u.at)))
                    .join(', ')}
                </dd>
              </>
            )}
            {record.renewalRequestedAt !== undefined && (
              <>
                <dt>{t('rowRenewal')}</dt>
                <dd>{t('rowRenewalRequested', { date: formatDate(record.renewalRequestedAt) })}</dd>
              </>
            )}
          </dl>
          {tiktok && record.id !== undefined && <TikTokCheck record={record} now={now} />}
          <label className="notes">
            <span>{t('fieldNotes')}</span>
            <textarea
              className="input"
              rows={2}
              value={notes}
              placeholder={t('rowNotesPlaceholder')}
              onChange={(e) => setNotes(e.target.value)}
              onBlur={() => notes !== record.notes && actions.onUpdate(record, { notes })}
            />
          </label>
          <div className="details-actions">
            <a className="btn btn-sm" href={`/dashboard.html#code=${record.id}`} target="_blank" rel="noreferrer">
              {t('rowOpenInDashboard')}
            </a>
          </div>
        </div>
      )}
    </li>
  );
}
