import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/utils/i18n/context';
import { ALLOWED_PERIODS } from '@/utils/expiry';
import { renewalDraft, renewalRoute } from '@/utils/renewal';
import type { Row } from './filters';

/** Editable renewal request; sending (or copying) marks the code "renewal requested". */
export function RenewalDialog({ row, now, onClose, onSent }: { row: Row; now: number; onClose: () => void; onSent: (id: number) => Promise<void> }) {
  const { t, tn, lang, zone } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [period, setPeriod] = useState<number>(ALLOWED_PERIODS.includes(row.periodDays as 30) ? row.periodDays : 30);
  const initial = renewalDraft(row, period, lang, zone, now);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [edited, setEdited] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  // A new period rewrites the template, unless the user has already written their own text.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- only on a period change, never in the same render as typing
    if (!edited) setBody(renewalDraft(row, period, lang, zone, now).body);
  }, [period]); // eslint-disable-line react-hooks/exhaustive-deps

  // Who is asked: the handle, else the name TikTok gave (a code imported from Ads Manager has no handle), else the sender.
  const creator = row.creatorHandle || row.verified?.tiktokName?.trim() || row.source.senderName?.trim();
  const draft = { to: initial.to, subject, body };
  const route = renewalRoute(row, draft);
  const copyText = () => navigator.clipboard.writeText(route.kind === 'gmail-thread' ? body : `${subject}\n\n${body}`);
  const finish = async () => {
    await onSent(row.id);
    ref.current?.close();
  };
  // Gmail threads and TikTok profiles take the text from the clipboard: copy first, then open.
  const send = async () => {
    if (route.kind === 'copy-only') return;
    if (route.kind === 'gmail-thread' || route.kind === 'tiktok-profile') await copyText().catch(() => undefined);
    window.open(route.url, '_blank', 'noopener');
    await finish();
  };
  const sendLabel =
    route.kind === 'gmail-thread'
      ? t('renewalOpenThread')
      : route.kind === 'gmail-compose'
        ? t('renewalOpenGmail')
        : route.kind === 'mailto'
          ? t('renewalOpenMail')
          : route.kind === 'tiktok-profile'
            ? t('renewalOpenProfile', { handle: row.creatorHandle ?? '' })
            : undefined;

  return (
    <dialog ref={ref} className="modal" aria-labelledby="renew-title" onClose={onClose}>
      <form
        method="dialog"
        className="modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h2 id="renew-title">{creator ? t('renewalTitle', { creator }) : t('renewalTitleNoCreator')}</h2>
        <p className="dash-muted">
          {t('renewalTo')}: {row.source.senderEmail ?? '—'}
        </p>
        {(route.kind === 'tiktok-profile' || route.kind === 'copy-only') && (
          <p className="dash-note" role="note">
            {t('renewalNoAddress')}
          </p>
        )}
        {route.kind === 'gmail-thread' && (
          <p className="dash-note" role="note">
            {t('renewalThreadNote')}
          </p>
        )}
        <label className="dash-field">
          <span className="dash-field-label">{t('renewalPeriod')}</span>
          <select className="input" value={period} onChange={(e) => setPeriod(Number(e.target.value))}>
            {ALLOWED_PERIODS.map((p) => (
              <option key={p} value={p}>
                {tn('periodDays', p)}
              </option>
            ))}
          </select>
        </label>
        <label className="dash-field">
          <span className="dash-field-label">{t('renewalSubject')}</span>
          <input className="input" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </label>
        <label className="dash-field">
          <span className="dash-field-label">{t('renewalMessage')}</span>
          <textarea
            className="input modal-textarea"
            rows={10}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setEdited(true);
            }}
          />
        </label>
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() =>
              void copyText().then(() => {
                setCopied(true);
                if (route.kind === 'copy-only') void finish();
              })
            }
          >
            {copied ? t('copied') : t('renewalCopy')}
          </button>
          {sendLabel && (
            <button type="submit" className="btn btn-primary">
              {sendLabel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
