import { useEffect } from 'react';
import type { UndoState } from '@/components/UndoToast';

/** Whether Ctrl/Cmd+Z belongs to a text field (its own undo) rather than to the popup's Undo. */
function typingIn(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'checkbox' && target.value !== '';
}

/** Ctrl+Z (Cmd+Z on a Mac) undoes the action the toast offers, from anywhere in the popup except while editing text. */
export function useUndoKey(undo: UndoState | null, done: () => void) {
  useEffect(() => {
    if (!undo) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || typingIn(e.target)) return;
      e.preventDefault();
      undo.undo();
      done();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, done]);
}
