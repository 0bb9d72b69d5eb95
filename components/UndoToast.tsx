import { useEffect } from 'react';

export interface UndoState {
  message: string;
  undo: () => void;
}

/** A short-lived notice with an Undo button; announced to screen readers. */
export function UndoToast({ state, onDone, timeoutMs = 8000 }: { state: UndoState | null; onDone: () => void; timeoutMs?: number }) {
  useEffect(() => {
    if (!state) return;
    const t = setTimeout(onDone, timeoutMs);
    return () => clearTimeout(t);
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
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
