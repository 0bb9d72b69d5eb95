import { useEffect } from 'react';
import type { Toast } from './useToast';

/** Polite live region: screen readers hear results of bulk actions, imports and exports. */
export function ToastRegion({ toast, onDismiss, closeLabel }: { toast: Toast | null; onDismiss: () => void; closeLabel: string }) {
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(onDismiss, toast.action ? 10_000 : 5_000);
    return () => clearTimeout(t);
  }, [toast, onDismiss]);
  return (
    <div className="dash-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`dash-toast ${toast.tone === 'error' ? 'is-error' : ''}`} key={toast.id}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="btn btn-sm"
              onClick={async () => {
                onDismiss();
                await toast.action!.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="btn-icon" aria-label={closeLabel} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
