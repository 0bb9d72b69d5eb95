import { useEffect } from 'react';
import { useI18nOrEnglish } from '@/utils/i18n/context';

export interface UndoState {
  message: string;
  undo: () => void;
}

/**
 * A short-lived notice with an Undo button; announced to screen readers.
 * `shortcut`: the key that also undoes (shown, and given to assistive tech); `dismissible` adds a close button.
 */
export function UndoToast({
  state,
  onDone,
  timeoutMs = 8000,
  shortcut,
  dismissible = false,
}: {
  state: UndoState | null;
  onDone: () => void;
  timeoutMs?: number;
  shortcut?: { label: string; keys: string };
  dismissible?: boolean;
}) {
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
          <span className="toast-message">{state.message}</span>
          {shortcut && (
            <kbd className="toast-key" aria-hidden="true">
              {shortcut.label}
            </kbd>
          )}
          <button
            type="button"
            className="btn btn-sm toast-undo"
            aria-keyshortcuts={shortcut?.keys}
            onClick={() => {
              state.undo();
              onDone();
            }}
          >
            {t('undo')}
          </button>
          {dismissible && (
            <button type="button" className="btn btn-icon btn-sm toast-dismiss" aria-label={t('popupDismiss')} onClick={onDone}>
              ×
            </button>
          )}
        </div>
      )}
    </div>
  );
}
