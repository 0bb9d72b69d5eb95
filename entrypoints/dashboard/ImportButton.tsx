import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import type { ImportPreview } from '@/utils/import-preview';
import { useI18n } from '@/utils/i18n/context';
import type { Toast } from './useToast';

// The readers (papaparse, the extractor, the backup schema) and the dialogs are fetched when an import
// starts, so the dashboard's first paint does not carry them.
const PasteSheetDialog = lazy(() => import('./PasteSheetDialog').then((m) => ({ default: m.PasteSheetDialog })));
const ImportMappingDialog = lazy(() => import('./ImportMappingDialog').then((m) => ({ default: m.ImportMappingDialog })));
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** A sheet goes through the mapping step first; a JSON backup (our own format) straight to the rows. */
type Step =
  { kind: 'paste' } | { kind: 'map'; fileName: string; text: string } | { kind: 'rows'; fileName: string; preview: ImportPreview };

export function ImportButton({
  rows,
  defaultPeriodDays,
  notify,
}: {
  rows: AdCodeRecord[];
  defaultPeriodDays: number;
  notify: (t: Omit<Toast, 'id'>) => void;
}) {
  const { t, zone, date, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step | null>(null);
  const existing = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows]);
  // The browser's own locale when it is in the chosen language (en-GB reads 11/05 as 11 May), else the language.
  const locale = globalThis.navigator?.language?.toLowerCase().startsWith(lang) ? navigator.language : lang;
  // "Now" is when the sheet was chosen: rows without a received date are received then.
  const [now, setNow] = useState(0);
  const options = useMemo(() => ({ zone, now, defaultPeriodDays, locale, fmtDate: date }), [zone, now, defaultPeriodDays, locale, date]);

  const onFile = async (file: File) => {
    const chosenAt = Date.now();
    setNow(chosenAt);
    const { needsMappingStep, previewImportBlob } = await import('@/utils/import-file');
    // A sheet small enough to show goes through the column mapping step; a JSON backup, or a sheet too big to
    // read whole, is read (in slices for a sheet) straight into the row preview, which states the limits.
    if (await needsMappingStep(file)) setStep({ kind: 'map', fileName: file.name, text: await file.text() });
    else setStep({ kind: 'rows', fileName: file.name, preview: await previewImportBlob(file, existing, { ...options, now: chosenAt }) });
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        {t('importFile')}
      </button>
      <button type="button" className="btn" onClick={() => setStep({ kind: 'paste' })}>
        {t('importPaste')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
      />
      <Suspense fallback={null}>
        {step?.kind === 'paste' && (
          <PasteSheetDialog
            onCancel={() => setStep(null)}
            onText={(text) => {
              setNow(Date.now());
              setStep({ kind: 'map', fileName: t('importPasted'), text });
            }}
          />
        )}
        {step?.kind === 'map' && (
          <ImportMappingDialog
            fileName={step.fileName}
            text={step.text}
            existing={existing}
            options={options}
            onCancel={() => setStep(null)}
            onNext={(preview) => setStep({ kind: 'rows', fileName: step.fileName, preview })}
          />
        )}
        {step?.kind === 'rows' && (
          <ImportDialog
            fileName={step.fileName}
            preview={step.preview}
            onClose={() => setStep(null)}
            onDone={(message) => {
              setStep(null);
              notify({ message });
            }}
          />
        )}
      </Suspense>
    </>
  );
}
