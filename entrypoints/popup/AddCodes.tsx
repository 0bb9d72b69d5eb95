import { useEffect, useMemo, useRef, useState } from 'react';
import { shortCode } from '@/components/CodeRow';
import { useBackgroundRead } from '@/components/useBackgroundRead';
import { useNow } from '@/components/useNow';
import { useSettings } from '@/components/useSettings';
import { computeExpiry } from '@/utils/expiry';
import { localeDateOrder, readSheetDate } from '@/utils/import/values';
import { BATCH } from '@/utils/vault/limits';
import { pastedCodes, previewPaste, type PastedCode } from '@/utils/paste-preview';
import { sendMessage } from '@/utils/protocol';
import type { Translator } from '@/utils/i18n/core';
import { useI18n } from '@/utils/i18n/context';
import { rich } from '@/utils/i18n/phrases';

/** Which of these codes the vault has, asked in parts of the lookup message's size. */
async function savedOf(codes: string[]): Promise<Set<string>> {
  const saved = new Set<string>();
  for (let i = 0; i < codes.length; i += BATCH.lookup) {
    for (const c of await sendMessage('savedCodes', { codes: codes.slice(i, i + BATCH.lookup) })) saved.add(c);
  }
  return saved;
}

const periodText = ({ t, tn }: Translator, d?: number) => (d ? (d === 365 ? t('addPeriodYear') : tn('periodDays', d)) : t('addPeriodUnknown'));

/**
 * utils/paste-preview.ts explains a rejection in English; these are its reasons in the user's
 * language. A reason not listed here is shown as it came.
 */
export function localRejection({ t, lang }: Translator, reason: string): string {
  if (lang === 'en') return reason;
  let m: RegExpExecArray | null;
  if (reason.startsWith('contains characters that never appear')) return t('rejectCharacters');
  if ((m = /^too short for an ad code \((\d+) characters/.exec(reason))) return t('rejectTooShort', { count: m[1] });
  if ((m = /^too long for an ad code \((\d+) characters/.exec(reason))) return t('rejectTooLong', { count: m[1] });
  if (reason.startsWith('looks like a hashtag or reference number')) return t('rejectHashtag');
  if (reason.startsWith('no # and not labelled')) return t('rejectNoHash');
  return reason;
}

/**
 * Paste box: the same extractor as the mail pages runs on whatever is pasted, and the
 * user sees per code what will happen before anything is saved.
 */
export function AddCodes({ onSaved, autoFocus }: { onSaved(message: string): void; autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const [receivedOn, setReceivedOn] = useState('');
  const i18n = useI18n();
  const { t, tn } = i18n;
  const { defaultPeriodDays } = useSettings();
  const now = useNow();
  // A row's own handle, period and date belong to its code; 11/05/2026 reads in the user's order unless the paste decides it.
  const rows = useMemo(() => ({ zone: i18n.zone, numericOrder: localeDateOrder(i18n.lang) }), [i18n.zone, i18n.lang]);
  // "Received on" for the whole paste: codes whose row has no date of its own arrived then (the day, as the sheet import reads one).
  const pasteSentAt = useMemo(() => {
    const read = receivedOn ? readSheetDate(receivedOn, 'dmy', i18n.zone) : undefined;
    return read?.ok ? read.value : undefined;
  }, [receivedOn, i18n.zone]);
  const sentAtOf = (c: PastedCode) => c.sentAt ?? pasteSentAt;
  const expiryOf = (c: PastedCode) => computeExpiry(sentAtOf(c) ?? now, c.periodDays ?? defaultPeriodDays);
  // Which of the pasted codes the vault already has: indexed lookups in the background, not the whole table.
  const found = useMemo(() => (text.trim() ? pastedCodes(text).map((c) => c.code) : []), [text]);
  const key = found.join('\n');
  // Keyed by the codes' text, not the array (a new one each render); the query reads the codes back from it.
  const { value: lookup } = useBackgroundRead(async () => ({ key, saved: await savedOf(key ? key.split('\n') : []) }), [key]);
  // The read keeps the previous answer while the new one loads: never preview with a stale one.
  const saved = lookup?.key === key ? lookup.saved : undefined;
  const preview = useMemo(() => (text.trim() && saved ? previewPaste(text, saved, rows) : undefined), [text, saved, rows]);

  useEffect(() => {
    if (autoFocus) area.current?.focus();
  }, [autoFocus]);

  const save = async () => {
    if (!preview?.toSave.length && !preview?.alreadySaved.length) return;
    setBusy(true);
    setError(undefined);
    try {
      const captures = [...preview.toSave, ...preview.alreadySaved].map((c) => {
        const sentAt = sentAtOf(c);
        return { ...c, ...(sentAt !== undefined ? { sentAt } : {}), source: { kind: 'paste' as const } };
      });
      // One message carries at most BATCH.save codes; a bigger paste goes in parts, in turn.
      let added = 0;
      for (let i = 0; i < captures.length; i += BATCH.save) {
        const results = await sendMessage('saveCodes', { captures: captures.slice(i, i + BATCH.save) });
        added += results.filter((r) => r.outcome === 'saved').length;
      }
      setText('');
      setReceivedOn('');
      onSaved(added ? tn('addSaved', added) : t('addUpdated'));
    } catch (e) {
      // The pasted text stays in the box, so nothing is lost.
      setError(t('addFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const count = (preview?.toSave.length ?? 0) + (preview?.alreadySaved.length ?? 0);
  const nothingFound = preview && count === 0;

  return (
    <section className="add-codes" aria-labelledby="add-title">
      <h2 id="add-title" className="section-title">
        {t('addTitle')}
      </h2>
      <textarea
        ref={area}
        className="input add-input"
        aria-label={t('addPasteLabel')}
        placeholder={t('addPastePlaceholder')}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save();
        }}
      />
      {preview && (
        <ul className="preview" aria-label={t('addPreviewLabel')}>
          {preview.toSave.map((c) => (
            <li key={c.code} className="preview-item preview-new">
              <span className="preview-mark" aria-hidden>
                +
              </span>
              <span className="code-text">{shortCode(c.code, 8)}</span>
              <span className="preview-meta">
                {t('addPreviewNew')} · {c.creatorHandle ?? t('noCreator')} · {periodText(i18n, c.periodDays)} ·{' '}
                {t('expiryExpiresOn', { date: i18n.date(expiryOf(c)) })}
              </span>
            </li>
          ))}
          {preview.alreadySaved.map((c) => (
            <li key={c.code} className="preview-item preview-known">
              <span className="preview-mark" aria-hidden>
                =
              </span>
              <span className="code-text">{shortCode(c.code, 8)}</span>
              <span className="preview-meta">{t('addPreviewKnown')}</span>
            </li>
          ))}
          {preview.rejected.map((r) => (
            <li key={r.text} className="preview-item preview-rejected">
              <span className="preview-mark" aria-hidden>
                ×
              </span>
              <span className="code-text">{r.text.length > 28 ? `${r.text.slice(0, 27)}…` : r.text}</span>
              <span className="preview-meta">{t('addPreviewRejected', { reason: localRejection(i18n, r.reason) })}</span>
            </li>
          ))}
        </ul>
      )}
      {preview && count > 0 && (
        <label className="add-received hint" style={{ display: 'flex', alignItems: 'center', gap: 6, marginTop: 6, flexWrap: 'wrap' }}>
          {t('addReceivedOn')}{' '}
          <input
            type="date"
            className="input"
            value={receivedOn}
            max={new Date().toLocaleDateString('sv')}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
        </label>
      )}
      {nothingFound && (
        <p className="inline-error" role="alert">
          {t('addNothingFound')}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="add-actions">
        <span className="hint">{t('addShortcut')}</span>
        <button type="button" className="btn btn-primary" disabled={!count || busy} onClick={() => void save()}>
          {/* Shown as "Add 2 codes"; heard as "Add and save 2 codes": it is the paste box's only action. */}
          {busy ? (
            t('addSaving')
          ) : (
            <span>
              {rich(count ? tn('addButton', count) : t('addButtonNone'), {
                // The space stays outside the hidden span, so every name computation keeps it.
                andSave: (
                  <>
                    {/^\s/.test(t('addAndSave')) && ' '}
                    <span className="visually-hidden">{t('addAndSave').trim()}</span>
                  </>
                ),
              })}
            </span>
          )}
        </button>
      </div>
    </section>
  );
}
