import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { sendMessage, type ImportChunk } from '@/utils/protocol';
import { ImportCancelled, isImportInterrupted, newImportId, sendImportInChunks, type ImportProgress } from '@/utils/import-chunks';
import { BATCH, IMPORT_FILE_MAX_BYTES, IMPORT_JSON_MAX_BYTES } from '@/utils/vault/limits';
import type { ImportPreview, ImportOutcome } from '@/utils/import-preview';
import { shortCode } from '@/utils/i18n/core';
import { useI18n } from '@/utils/i18n/context';

const MB = 1024 * 1024;
const OUTCOME_KEY = { add: 'importWillAdd', merge: 'importWillMerge', reject: 'importRejected' } as const;

/**
 * Shows, row by row, what an import will do; commits the accepted rows all-or-nothing: big imports
 * go to the background in chunks (with a progress bar) and are written in one transaction at the end.
 */
export function ImportDialog({ fileName, preview, onClose, onDone }: { fileName: string; preview: ImportPreview; onClose: () => void; onDone: (message: string) => void }) {
  const { t, tn } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // Cancel (or closing the dialog) before the last chunk drops what the background staged.
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const rows = preview.ok ? preview.rows : [];
  const count = (o: ImportOutcome) => rows.filter((r) => r.outcome === o).length;
  const accepted = rows.filter((r) => r.outcome !== 'reject' && r.record);
  const rejected = count('reject');
  // No React Compiler here, so TanStack Virtual's non-memoizable API costs nothing.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => listRef.current, estimateSize: () => 48, overscan: 8 });

  const commit = async () => {
    setBusy(true);
    setError('');
    try {
      const records = accepted.map((r) => r.record!);
      abort.current = new AbortController();
      const send = (chunk: ImportChunk) => sendMessage('importCodes', chunk);
      const res = await sendImportInChunks(records, send, newImportId, { onProgress: setProgress, signal: abort.current.signal });
      onDone(t('importDone', { add: res.added, merge: res.merged }));
      ref.current?.close();
    } catch (e) {
      if (e instanceof ImportCancelled) return;
      // A restarted service worker lost the staged chunks: nothing was written, and trying again works.
      setError(isImportInterrupted(e) ? t('importInterrupted') : t('importFailed', { reason: (e as Error).message }));
    } finally {
      abort.current = null;
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <dialog ref={ref} className="modal modal-wide" aria-labelledby="import-title" onClose={onClose}>
      <div className="modal-body">
        <h2 id="import-title">{t('importTitle')}</h2>
        <p className="dash-muted">{t('importFileName', { file: fileName })}</p>
        {!preview.ok ? (
          <p className="dash-error" role="alert">
            {t('importBroken', { reason: preview.error })}
          </p>
        ) : (
          <>
            <p className="import-counts" aria-live="polite">
              <span className="pill pill-active">
                {t('importWillAdd')}: {count('add')}
              </span>
              <span className="pill pill-used">
                {t('importWillMerge')}: {count('merge')}
              </span>
              <span className="pill pill-expired">
                {t('importRejected')}: {rejected}
              </span>
            </p>
            <div className="import-table" role="table" aria-label={t('importTitle')} aria-rowcount={rows.length + 1}>
              <div role="row" className="import-row import-head">
                <span role="columnheader">{t('importRow')}</span>
                <span role="columnheader">{t('importOutcome')}</span>
                <span role="columnheader">{t('colCode')}</span>
                <span role="columnheader">{t('importDetail')}</span>
              </div>
              <div className="import-scroll" ref={listRef} role="rowgroup">
                <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
                  {virtual.getVirtualItems().map((v) => {
                    const r = rows[v.index];
                    return (
                      <div
                        role="row"
                        key={v.index}
                        aria-rowindex={v.index + 2}
                        className={`import-row is-${r.outcome}`}
                        style={{ transform: `translateY(${v.start}px)`, height: 48 }}
                      >
                        <span role="cell">{r.row}</span>
                        <span role="cell">
                          <span className={`pill ${r.outcome === 'add' ? 'pill-active' : r.outcome === 'merge' ? 'pill-used' : 'pill-expired'}`}>{t(OUTCOME_KEY[r.outcome])}</span>
                        </span>
                        <span role="cell" className="code-text">
                          {r.code ? shortCode(r.code) : '—'} {r.creator && <span className="dash-muted">{r.creator}</span>}
                        </span>
                        <span role="cell" className="import-detail" title={r.detail}>
                          {r.detail}
                        </span>
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
            <p className="dash-note">
              {t('importLimits', { mb: IMPORT_FILE_MAX_BYTES / MB, jsonMb: IMPORT_JSON_MAX_BYTES / MB, codes: BATCH.importTotal.toLocaleString() })}
            </p>
            {progress && (
              <div className="import-progress">
                <progress data-testid="import-progress" max={progress.total} value={progress.sent} aria-label={t('importTitle')} />
                <span role="status">
                  {progress.committing ? t('importSaving', { total: progress.total }) : t('importSending', { sent: progress.sent, total: progress.total })}
                </span>
              </div>
            )}
            {preview.ok && preview.ignoredColumns?.length ? (
              <p className="dash-note">{t('importIgnored', { columns: preview.ignoredColumns.map((c) => `“${c}”`).join(', ') })}</p>
            ) : null}
            {rejected > 0 && accepted.length > 0 && <p className="dash-note">{tn('importSkipNote', rejected)}</p>}
            {accepted.length === 0 && <p className="dash-note">{t('importNothing')}</p>}
          </>
        )}
        {error && (
          <p className="dash-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button
            type="button"
            className="btn btn-ghost"
            disabled={progress?.committing}
            onClick={() => {
              abort.current?.abort();
              ref.current?.close();
            }}
          >
            {preview.ok && accepted.length ? t('cancel') : t('close')}
          </button>
          {preview.ok && accepted.length > 0 && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void commit()}>
              {tn('importCommit', accepted.length)}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
