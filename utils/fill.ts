/**
 * Puts a code into a page's field the way a paste by the user would, so frameworks that keep
 * their own copy of the value (React's controlled inputs above all) see the change.
 *
 * A plain `el.value = x` is swallowed by React: it tracks the last value it saw on the element
 * itself, so the value must go through the native prototype setter, followed by the events a
 * real paste fires (beforeinput, input, change), all bubbling.
 */

export type FillField = HTMLInputElement | HTMLTextAreaElement;

export type FillFailure = 'field-gone' | 'refused-by-page' | 'not-accepted';

export class FillError extends Error {
  constructor(
    readonly reason: FillFailure,
    message: string,
  ) {
    super(message);
    this.name = 'FillError';
  }
}

/** The setter of `value` on the element's own prototype chain (input or textarea), bypassing instance overrides. */
export function nativeValueSetter(el: FillField): (v: string) => void {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'value');
    if (desc?.set) return (v) => desc.set!.call(el, v);
  }
  return (v) => {
    el.value = v;
  };
}

/**
 * Lines for a multi-code textarea: what the user already typed stays exactly as it is and
 * codes already present are not repeated. Returns the new value and the codes it added.
 */
export function mergeCodeLines(existing: string, codes: string[]): { value: string; added: string[] } {
  const present = new Set(existing.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
  const added: string[] = [];
  for (const code of codes) {
    if (present.has(code)) continue;
    present.add(code);
    added.push(code);
  }
  if (!added.length) return { value: existing, added };
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return { value: existing + separator + added.join('\n'), added };
}

function pasteEventInit(text: string, view: Window): InputEventInit {
  const init: InputEventInit = { bubbles: true, cancelable: true, composed: true, inputType: 'insertFromPaste' };
  try {
    const transfer = new (view as unknown as typeof globalThis).DataTransfer();
    transfer.setData('text/plain', text);
    init.dataTransfer = transfer;
  } catch {
    // Older engines cannot build a DataTransfer; frameworks read the value, not the transfer.
    init.data = text;
  }
  return init;
}

export interface FillOptions {
  /** `replace`: the field ends up holding exactly `text`; `append-lines`: codes become new lines. */
  mode: 'replace' | 'append-lines';
  /** Checked right before writing: false means the field is no longer where the user saw it. */
  stillValid?: (el: FillField) => boolean;
}

/**
 * Fills `el` like a paste and leaves the caret after the pasted text, focus in the field.
 * Throws FillError without touching anything when the field is gone, and never falls back to
 * another element: a code typed into the wrong field is worse than no fill.
 */
export function fillField(el: FillField, codes: string[], { mode, stillValid }: FillOptions): { value: string; added: string[] } {
  const view = el.ownerDocument.defaultView;
  if (!el.isConnected || !view || (stillValid && !stillValid(el))) {
    throw new FillError('field-gone', 'The code field closed before the code could be filled. Nothing was filled.');
  }
  const before = el.value;
  const next = mode === 'replace' ? { value: codes[0] ?? '', added: codes.slice(0, 1) } : mergeCodeLines(before, codes);
  const inserted = mode === 'replace' ? next.value : next.value.slice(before.length);

  el.focus({ preventScroll: true });
  if (mode === 'replace') el.setSelectionRange(0, before.length);
  else el.setSelectionRange(before.length, before.length);

  const proceed = el.dispatchEvent(new view.InputEvent('beforeinput', pasteEventInit(inserted, view)));
  if (!proceed) throw new FillError('refused-by-page', 'The page blocked typing into the code field. Paste the code by hand.');
  if (!el.isConnected) throw new FillError('field-gone', 'The code field closed before the code could be filled. Nothing was filled.');

  nativeValueSetter(el)(next.value);
  el.setSelectionRange(next.value.length, next.value.length);
  el.dispatchEvent(new view.InputEvent('input', { ...pasteEventInit(inserted, view), cancelable: false }));
  el.dispatchEvent(new view.Event('change', { bubbles: true }));

  // A controlled input that rejected the change has been reset to its old value by now.
  if (el.value !== next.value) {
    throw new FillError('not-accepted', 'The page did not accept the code. Paste it by hand or reload the page.');
  }
  return next;
}
