import { useId, useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import { codeStatus, ALLOWED_PERIODS } from '@/utils/expiry';
import { CopyButton } from './CopyButton';
import { ExpiryLabel, formatDate } from './ExpiryLabel';
import { StatusPill } from './StatusPill';
import { TikTokCheck } from './TikTokCheck';
import { hasVerifiedEnd } from './tiktok-check';

export interface CodeRowActions {
  onToggleUsed(record: AdCodeRecord): void;
  onDelete(record: AdCodeRecord): void;
  onUpdate(record: AdCodeRecord, patch: { notes?: string; periodDays?: number; expiresAt?: number }): void;
}

/** Shortens the middle so the start and end people recognise stay visible. */
export function shortCode(code: string, keep = 10): string {
  return code.length <= keep * 2 + 1 ? code : `${code.slice(0, keep + 1)}…${code.slice(-keep)}`;
}

const SOURCE_LABEL: Record<string, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  instagram: 'Instagram DM',
  'tiktok-dm': 'TikTok message',
  selection: 'Web page',
  paste: 'Pasted',
  import: 'Imported',
};

function toDateInput(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Keeps the clock time of the old expiry when only the day is changed. */
function withDate(original: number, ymd: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return undefined;
  const d = new Date(original);
  d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getTime();
}

/** `tiktok`: the optional TikTok API check is set up; without it nothing about TikTok's answers shows. */
export function CodeRow({
  record,
  now,
  windowDays,
  actions,
  tiktok = false,
}: {
  record: AdCodeRecord;
  now: number;
  windowDays: number;
  actions: CodeRowActions;
  tiktok?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState(record.notes);
  const detailsId = useId();
  const status = codeStatus(record, now, windowDays);
  const creator = record.creatorHandle ?? record.verified?.tiktokName ?? 'Unknown creator';
  const used = record.status === 'used';

  return (
    <li className={`code-row status-${status}`} aria-label={`${creator}, ${record.code}`}>
      <div className="code-row-main">
        <button
          type="button"
          className="code-row-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((o) => !o)}
          title="Show details"
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
          <CopyButton text={record.code} label={`Copy code ${shortCode(record.code, 6)}`} />
          <button
            type="button"
            className={`btn btn-sm ${used ? 'btn-used' : ''}`}
            aria-label={used ? 'Used, mark unused' : 'Mark used'}
            onClick={() => actions.onToggleUsed(record)}
            title={used ? 'Used in an ad. Click to mark it unused.' : 'Mark as used in an ad'}
          >
            {used ? 'Used ✓' : 'Mark used'}
          </button>
          <button
            type="button"
            className="btn btn-icon btn-delete"
            onClick={() => actions.onDelete(record)}
            aria-label={`Delete code ${shortCode(record.code, 6)}`}
            title="Delete (you can undo)"
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
            <span className="visually-hidden">Full code</span>
            <code className="code-text">{record.code}</code>
          </div>
          <dl className="facts">
            <dt>Received</dt>
            <dd>{formatDate(record.receivedAt, true)}</dd>
            <dt>Expires</dt>
            <dd>
              <input
                // Remounts when the expiry changes elsewhere (a TikTok check, the dashboard): it is uncontrolled.
                key={record.expiresAt}
                type="date"
                className="input input-date"
                aria-label="Expiry date"
                defaultValue={toDateInput(record.expiresAt)}
                onChange={(e) => {
                  const at = withDate(record.expiresAt, e.target.value);
                  if (at !== undefined) actions.onUpdate(record, { expiresAt: at });
                }}
              />
            </dd>
            <dt>Period</dt>
            <dd>
              <select
                className="input input-period"
                aria-label="Authorization period"
                value={record.periodDays}
                onChange={(e) => actions.onUpdate(record, { periodDays: Number(e.target.value) })}
              >
                {!ALLOWED_PERIODS.includes(record.periodDays as 7) && <option value={record.periodDays}>{record.periodDays} days</option>}
                {ALLOWED_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {p === 365 ? '365 days (1 year)' : `${p} days`}
                  </option>
                ))}
              </select>
              {record.periodAssumed && <span className="hint"> not stated in the message</span>}
            </dd>
            {record.postUrl && (
              <>
                <dt>Video</dt>
                <dd>
                  <a href={record.postUrl} target="_blank" rel="noreferrer">
                    {record.postUrl.replace(/^https:\/\/(www\.)?/, '')}
                  </a>
                </dd>
              </>
            )}
            <dt>From</dt>
            <dd>
              {record.source.senderName || record.source.senderEmail || SOURCE_LABEL[record.source.kind]}
              {record.source.url && (
                <>
                  {' · '}
                  <a href={record.source.url} target="_blank" rel="noreferrer" title={record.source.subject}>
                    open {SOURCE_LABEL[record.source.kind] === 'Gmail' ? 'email' : 'source'}
                  </a>
                </>
              )}
            </dd>
            {record.uses.length > 0 && (
              <>
                <dt>Used</dt>
                <dd>
                  {record.uses
                    .map((u) => `${formatDate(u.at)}${u.advertiserId ? ` (account ${u.advertiserId})` : ''}`)
                    .join(', ')}
                </dd>
              </>
            )}
            {record.renewalRequestedAt !== undefined && (
              <>
                <dt>Renewal</dt>
                <dd>Renewal requested {formatDate(record.renewalRequestedAt)}</dd>
              </>
            )}
          </dl>
          {tiktok && record.id !== undefined && <TikTokCheck record={record} now={now} />}
          <label className="notes">
            <span>Notes</span>
            <textarea
              className="input"
              rows={2}
              value={notes}
              placeholder="Campaign, product, anything to remember"
              onChange={(e) => setNotes(e.target.value)}
              onBlur={() => notes !== record.notes && actions.onUpdate(record, { notes })}
            />
          </label>
          <div className="details-actions">
            <a className="btn btn-sm" href={`/dashboard.html#code=${record.id}`} target="_blank" rel="noreferrer">
              Open in dashboard
            </a>
          </div>
        </div>
      )}
    </li>
  );
}
