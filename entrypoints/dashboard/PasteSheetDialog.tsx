import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/utils/i18n/context';

/** Rows copied from Google Sheets or Excel (tab-separated, header row first), read like a file. */
export function PasteSheetDialog({ onCancel, onText }: { onCancel: () => void; onText: (text: string) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const advancing = useRef(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={ref} className="modal modal-wide" aria-labelledby="import-paste-title" onClose={() => !advancing.current && onCancel()}>
      <div className="modal-body">
        <h2 id="import-paste-title">{t('importPaste')}</h2>
        <label className="import-paste">
          <span>{t('importPasteLabel')}</span>
          <textarea className="input" rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} autoFocus />
        </label>
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!text.trim()}
            onClick={() => {
              advancing.current = true;
              ref.current?.close();
              onText(text);
            }}
          >
            {t('importPastePreview')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
