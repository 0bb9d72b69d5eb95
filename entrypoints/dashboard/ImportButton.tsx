import { useRef, useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import type { ImportPreview } from '@/utils/import-preview';
import { previewImportBlob } from '@/utils/import-file';
import { useI18n } from '@/utils/i18n/react';
import { ImportDialog } from './ImportDialog';
import type { Toast } from './useToast';

export function ImportButton({ rows, defaultPeriodDays, notify }: { rows: AdCodeRecord[]; defaultPeriodDays: number; notify: (t: Omit<Toast, 'id'>) => void }) {
  const { t, zone, date } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ fileName: string; preview: ImportPreview } | null>(null);

  const onFile = async (file: File) => {
    const existing = new Map(rows.map((r) => [r.code, r]));
    const preview = await previewImportBlob(file, existing, { zone, now: Date.now(), defaultPeriodDays, fmtDate: date });
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
