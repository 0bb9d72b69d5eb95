import type { PickerFieldContext } from './protocol';

/**
 * The window messages between the Ads Manager content script and the code-picker frame it embeds,
 * in one place for both sides. The page shares the content script's window, so it can post to the
 * frame too and can read what the frame posts up: nothing here may be trusted for who sent it.
 * The frame therefore learns its secret from the background (message `pickerSession`), never from
 * the page; the secret then marks each message from the content script. The frame's only message
 * up is a one-time hello, which the content script accepts only from its own frame's window.
 * Types and plain checks only: both sides are bundled into small scripts.
 */

/** Content script → picker frame; the frame drops any that lack the secret the background gave it. */
export type ToPicker =
  | { type: 'context'; token: string; context: PickerFieldContext }
  | { type: 'focus'; token: string }
  | { type: 'refresh'; token: string }
  | { type: 'moved'; token: string }
  /** What the user typed in the page's field: the list filters by it (the field keeps focus). */
  | { type: 'query'; token: string; text: string }
  /** A list key pressed in the page's field (only ones the content script saw as trusted). */
  | { type: 'key'; token: string; key: PickerKey };

/** Picker frame → content script: "vouch for me", carrying the nonce the background gave this frame. */
export interface FromPicker {
  type: 'hello';
  nonce: string;
}

/** What the frame's UI hears from the page, once checked. */
export type PageEvent =
  | { type: 'context'; context: PickerFieldContext }
  | { type: 'focus' }
  | { type: 'refresh' }
  | { type: 'moved' }
  | { type: 'query'; text: string }
  | { type: 'key'; key: PickerKey };

/** The keys that work on the list from the field: move the highlight, fill the highlighted code. */
export const PICKER_KEYS = ['ArrowDown', 'ArrowUp', 'Enter'] as const;
export type PickerKey = (typeof PICKER_KEYS)[number];
const MAX_QUERY = 100;

/** The format of the session secret and of the hello nonce (as in the background's schemas). */
export const PICKER_SECRET = /^[A-Za-z0-9_-]{16,128}$/;

/** The event a message from the content script stands for, or undefined when it does not carry `token`. */
export function readToPicker(data: unknown, token: string): PageEvent | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  if (m.token !== token) return undefined;
  if (m.type === 'context') return { type: 'context', context: readContext(m.context) };
  if (m.type === 'focus' || m.type === 'refresh' || m.type === 'moved') return { type: m.type };
  if (m.type === 'query' && typeof m.text === 'string') return { type: 'query', text: m.text.slice(0, MAX_QUERY) };
  if (m.type === 'key' && (PICKER_KEYS as readonly unknown[]).includes(m.key)) return { type: 'key', key: m.key as PickerKey };
  return undefined;
}

export function readFromPicker(data: unknown): FromPicker | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Record<string, unknown>;
  return m.type === 'hello' && typeof m.nonce === 'string' && PICKER_SECRET.test(m.nonce) ? { type: 'hello', nonce: m.nonce } : undefined;
}

/** Only the two facts the picker needs, shape-checked: the page wrote the field's text. */
function readContext(raw: unknown): PickerFieldContext {
  const c = (raw ?? {}) as { kind?: unknown; present?: unknown };
  return {
    kind: c.kind === 'lines' ? 'lines' : 'single',
    present: Array.isArray(c.present) ? c.present.filter((p): p is string => typeof p === 'string' && p.length < 200).slice(0, 50) : [],
  };
}

/** What the field holds, as the list's filter: typed text filters; a whole code (one just filled) does not. */
export function queryFromField(value: string, kind: PickerFieldContext['kind']): string {
  const text = kind === 'lines' ? (value.split(/\r?\n/).at(-1) ?? '') : value;
  const trimmed = text.trim();
  return /^#?[A-Za-z0-9+/]{20,}={0,2}$/.test(trimmed) ? '' : trimmed.slice(0, MAX_QUERY);
}
