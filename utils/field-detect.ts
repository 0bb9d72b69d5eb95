import {
  AUTHORIZE_DIALOG_TITLES,
  CODE_WORDS,
  CONFIRM_BUTTON_TEXTS,
  SUBJECT_WORDS,
  TEXT_INPUT_TYPES,
} from './sites/ads-manager';

/**
 * Finds the fields where an ad code goes, the way a person would: by the dialog's title and the
 * field's label, placeholder and role. Generated class names are never relied on.
 */

export type CodeField = HTMLInputElement | HTMLTextAreaElement;

export interface DetectedField {
  field: CodeField;
  /** `lines`: a textarea taking several codes, one per line (Smart+); `single`: one code. */
  kind: 'single' | 'lines';
  /** The dialog the field sits in, when there is one (its buttons must stay uncovered). */
  dialog?: Element;
  /** What the field was recognised by, for diagnostics and tests. */
  reason: string;
}

const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/** Fallback for modals built without roles; only used together with a matching title. */
const MODAL_CLASS_HINT = /(^|[\s_-])(modal|dialog|drawer)([\s_-]|$)/i;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function textOfIds(doc: Document, ids: string | null): string {
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => clean(doc.getElementById(id)?.textContent))
    .join(' ');
}

/**
 * Labels shown near a field: <label for>, a wrapping <label>, aria-labelledby, and the label of
 * the "form item" the field sits in (UI kits put the label in a sibling of the input's wrapper).
 */
export function fieldLabelText(field: CodeField): string {
  const doc = field.ownerDocument;
  const parts = [textOfIds(doc, field.getAttribute('aria-labelledby'))];
  for (const label of Array.from(field.labels ?? [])) parts.push(clean(label.textContent));
  // UI kits put the label in an element just before the input's wrapper: climb a few wrappers and
  // take the nearest preceding sibling that holds short text and no controls of its own.
  let node: Element | null = field;
  for (let depth = 0; node && depth < 3 && !parts.some(Boolean); depth++, node = node.parentElement) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const text = clean(prev.textContent);
      if (prev.querySelector('input, textarea, select, button') || prev.matches('input, textarea, select, button')) break;
      if (text && text.length <= 80) {
        parts.push(text);
        break;
      }
    }
  }
  return parts.filter(Boolean).join(' ');
}

export function fieldDescription(field: CodeField): string {
  return [
    fieldLabelText(field),
    clean(field.getAttribute('aria-label')),
    clean(field.placeholder),
    clean(field.title),
  ]
    .filter(Boolean)
    .join(' | ');
}

export function closestDialog(el: Element): Element | undefined {
  const byRole = el.closest(DIALOG_SELECTOR);
  if (byRole) return byRole;
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (MODAL_CLASS_HINT.test(node.className?.toString() ?? '') && AUTHORIZE_DIALOG_TITLES.test(dialogTitle(node))) return node;
  }
  return undefined;
}

/** The dialog's title: aria-labelledby, aria-label, or its first heading. */
export function dialogTitle(dialog: Element): string {
  const labelled = textOfIds(dialog.ownerDocument, dialog.getAttribute('aria-labelledby'));
  if (labelled) return labelled;
  const aria = clean(dialog.getAttribute('aria-label'));
  if (aria) return aria;
  const heading = dialog.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"], [class*="title" i]');
  return clean(heading?.textContent);
}

/** By tag name rather than instanceof: it must work across realms (content script, parsed documents). */
function isEditableText(el: Element): el is CodeField {
  if (el.localName === 'textarea') return !(el as HTMLTextAreaElement).disabled && !(el as HTMLTextAreaElement).readOnly;
  if (el.localName === 'input') {
    const input = el as HTMLInputElement;
    return TEXT_INPUT_TYPES.has(input.type) && !input.disabled && !input.readOnly;
  }
  return false;
}

/** Visible to a person: laid out with a non-empty box and not hidden by CSS. */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (style?.visibility === 'hidden') return false;
  return typeof (el as HTMLElement).checkVisibility === 'function' ? (el as HTMLElement).checkVisibility() : true;
}

/** Decides whether one field takes an ad code, and why. */
export function classifyField(field: CodeField): DetectedField | undefined {
  const description = fieldDescription(field);
  const dialog = closestDialog(field);
  const inAuthorizeDialog = !!dialog && AUTHORIZE_DIALOG_TITLES.test(dialogTitle(dialog));
  const hasCode = CODE_WORDS.test(description);
  const hasSubject = SUBJECT_WORDS.test(description);
  let reason: string | undefined;
  if (hasCode && hasSubject) reason = `asks for a code: "${description}"`;
  else if (inAuthorizeDialog && (hasSubject || hasCode)) reason = `in "${dialogTitle(dialog!)}": "${description}"`;
  if (!reason) return undefined;
  return {
    field,
    kind: field.localName === 'textarea' ? 'lines' : 'single',
    dialog,
    reason,
  };
}

/**
 * Every visible code field under `root`. A field in an authorization dialog comes first, since
 * that is where the user is working when one is open.
 */
export function findCodeFields(root: ParentNode, isVisible: (el: Element) => boolean = isShown): DetectedField[] {
  const found: DetectedField[] = [];
  for (const el of Array.from(root.querySelectorAll('input, textarea'))) {
    if (!isEditableText(el) || !isVisible(el)) continue;
    const hit = classifyField(el);
    if (hit) found.push(hit);
  }
  return found.sort((a, b) => Number(!!b.dialog) - Number(!!a.dialog));
}

/** Visible buttons of a dialog (the overlay must never cover them). */
export function dialogButtons(dialog: Element): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>('button, [role="button"], a[href]')).filter(isShown);
}

/** The button a click landed on, when it confirms or continues the authorization. */
export function confirmButtonFor(target: EventTarget | null): HTMLElement | undefined {
  const el = target instanceof Element ? target.closest<HTMLElement>('button, [role="button"]') : null;
  if (!el) return undefined;
  const label = clean(el.getAttribute('aria-label')) || clean(el.textContent);
  return CONFIRM_BUTTON_TEXTS.test(label) ? el : undefined;
}
