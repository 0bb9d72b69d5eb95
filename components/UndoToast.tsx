import { useEffect } from 'react';
import { useI18nOrEnglish } from '@/utils/i18n/context';

export interface UndoState {
  message: string;
  undo: () => void;
}

/** A short-lived notice with an Undo button; announced to screen readers. */
export function UndoToast({ state, onDone, timeoutMs = 8000 }: { state: UndoState | null; onDone: () => void; timeoutMs?: number }) {
  const { t } = useI18nOrEnglish();
  useEffect(() => {
    if (!state) return;
    const timer = setTimeout(onDone, timeoutMs);
    return () => clearTimeout(timer);
  }, [state, onDone, timeoutMs]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {state && (
        <div className="toast">
          <span>{state.message}</span>
          <button
            type="button"
            className="btn btn-sm toast-undo"
            onClick={() => {
              state.undo();
              onDone();
            }}
          >
            {t('undo')}
          </button>
        </div>
      )}
    </div>
  );
}
