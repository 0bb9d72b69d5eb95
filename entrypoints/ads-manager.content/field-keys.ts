import type { PickerKey } from '@/utils/picker-channel';

/** What a key pressed in the code field does to the list; `undefined`: it is the page's key, left alone. */
export type FieldKeyAction = { do: 'close' } | { do: 'open' } | { do: 'send'; key: PickerKey };

export interface FieldKeyState {
  kind: 'single' | 'lines';
  /** The caret is at the end of the field's text. */
  atEnd: boolean;
  listShown: boolean;
  /** ↑/↓ moved the highlight, or typing picked a match: Enter chooses from the list. */
  navigating: boolean;
}

/**
 * The list's keys work from the field, which keeps focus (as in a password manager's inline menu):
 * ↓ opens the list or moves its highlight, ↑ moves it back, Enter fills the highlighted code, Esc
 * closes the list only. In a textarea plain ↑/↓ move between lines: they reach the list from the end
 * of the text (or with Alt), and Enter stays a new line until the user arrowed into the list.
 */
export function fieldKeyAction(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'isComposing'>, s: FieldKeyState): FieldKeyAction | undefined {
  if (e.key === 'Escape') return s.listShown ? { do: 'close' } : undefined;
  if (e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return undefined;
  const lines = s.kind === 'lines';
  if (e.key === 'ArrowDown' && (!lines || e.altKey || s.atEnd)) return s.listShown ? { do: 'send', key: 'ArrowDown' } : { do: 'open' };
  if (!s.listShown) return undefined;
  if (e.key === 'ArrowUp' && (!lines || s.navigating)) return { do: 'send', key: 'ArrowUp' };
  if (e.key === 'Enter' && s.navigating) return { do: 'send', key: 'Enter' };
  return undefined;
}
