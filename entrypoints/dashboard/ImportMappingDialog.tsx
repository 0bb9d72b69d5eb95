import { useEffect, useMemo, useRef, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import type { AdCodeRecord } from '../../utils/code-record';
import { previewImportFile, type ImportPreview, type PreviewOptions } from '../../utils/import-preview';
import { headerSetKey, restoreMapping, type SheetField } from '../../utils/import/mapping';
import { useI18n } from '@/utils/i18n/context';
import { ImportMapping } from './ImportMapping';

type Options = Omit<PreviewOptions, 'mapping' | 'allowNoCode'> & { fmtDate: (ts: number) => string };

const mappingItem = (headers: readonly string[]) => `local:${headerSetKey(headers)}` as const;
const ROWS_SHOWN = 200;

/**
 * Step one of a sheet import: the columns. The sheet is re-read on every change of a select, so the
 * rows below always show what this mapping does (what each value was read as, why a row is refused).
 * The mapping chosen is remembered for the same header row and offered next time.
 */
export function ImportMappingDialog({
  fileName,
  text,
  existing,
  options,
  onCancel,
  onNext,
}: {
  fileName: string;
  text: string;
  existing: ReadonlyMap<string, AdCodeRecord>;
  options: Options;
  onCancel: () => void;
  onNext: (preview: ImportPreview) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [mapping, setMapping] = useState<SheetField[] | undefined>(undefined);
  const [remembered, setRemembered] = useState(false);
  const preview = useMemo(
    () => previewImportFile(fileName, text, existing, { ...options, mapping, allowNoCode: true }),
    [fileName, text, existing, options, mapping],
  );
  const sheet = preview.ok ? preview.sheet : undefined;
  const headers = sheet?.headers;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Offer the mapping chosen last time for these headers (once, before the user changes anything).
  const asked = useRef(false);
  useEffect(() => {
    if (!headers || !sheet || asked.current) return;
    asked.current = true;
    void storage.getItem<SheetField[]>(mappingItem(headers)).then((saved) => {
      if (!saved) return;
      setMapping(restoreMapping(saved, headers, sheet.guess));
      setRemembered(true);
    });
  }, [headers, sheet]);

  const rows = preview.ok ? preview.rows : [];
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  // Closing the dialog to go on to the rows is not a cancel.
  const advancing = useRef(false);
  const next = () => {
    if (sheet) void storage.setItem(mappingItem(sheet.headers), sheet.mapping);
    advancing.current = true;
    ref.current?.close();
    onNext(preview);
  };

  return (
    <dialog ref={ref} className="modal modal-wide" aria-labelledby="import-map-title" onClose={() => !advancing.current && onCancel()}>
      <div className="modal-body">
        <h2>{t('importTitle')}</h2>
        <p className="dash-muted">{t('importFileName', { file: fileName })}</p>
        {!preview.ok ? (
          <p className="dash-error" role="alert">
            {t('importBroken', { reason: preview.error })}
          </p>
        ) : (
          sheet && (
            <>
              <ImportMapping
                sheet={sheet}
                remembered={remembered}
                onChange={(m) => {
                  setMapping(m);
                  setRemembered(false);
                }}
              />
              <p className="import-counts" aria-live="polite" data-testid="import-map-counts">
                <span className="pill pill-active">
                  {t('importWillAdd')}: {count('add')}
                </span>
                <span className="pill pill-used">
                  {t('importWillMerge')}: {count('merge')}
                </span>
                <span className="pill pill-expired">
                  {t('importRejected')}: {count('reject')}
                </span>
              </p>
              <ol className="import-reads" aria-label={t('importReadAs')}>
                {rows.slice(0, ROWS_SHOWN).map((r) => (
                  <li key={r.row} className={`is-${r.outcome}`}>
                    <strong>
                      {t('importRow')} {r.row}
                    </strong>{' '}
                    {r.outcome === 'reject' ? r.detail : [r.creator, ...(r.notes ?? [])].filter(Boolean).join(' · ') || r.detail}
                  </li>
                ))}
              </ol>
            </>
          )
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          {preview.ok && sheet?.mapping.includes('code') && (
            <button type="button" className="btn btn-primary" onClick={next}>
              {t('importPastePreview')}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
