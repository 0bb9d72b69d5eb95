import { useRef, useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import { previewImportFile, type ImportPreview } from '@/utils/import-preview';
import { useI18n } from '@/utils/i18n/react';
import { IMPORT_FILE_MAX_BYTES } from '@/utils/vault/limits';
import { ImportDialog } from './ImportDialog';
import type { Toast } from './useToast';


export function ImportButton({ rows, defaultPeriodDays, notify }: { rows: AdCodeRecord[]; defaultPeriodDays: number; notify: (t: Omit<Toast, 'id'>) => void }) {
  const { t, zone, date } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ fileName: string; preview: ImportPreview } | null>(null);

  const onFile = async (file: File) => {
    let preview: ImportPreview;
    if (file.size > IMPORT_FILE_MAX_BYTES) {
      preview = { ok: false, error: `the file is larger than ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB (the import limit); split it into smaller files` };
    } else {
      const text = await file.text();
      const existing = new Map(rows.map((r) => [r.code, r]));
      preview = previewImportFile(file.name, text, existing, { zone, now: Date.now(), defaultPeriodDays, fmtDate: date });
    }
    setPending({ fileName: file.name, preview });
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        {t('importFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.json,text/csv,application/json"
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
      {pending && (
        <ImportDialog
          fileName={pending.fileName}
          preview={pending.preview}
          onClose={() => setPending(null)}
          onDone={(message) => {
            setPending(null);
            notify({ message });
          }}
        />
      )}
    </>
  );
}
