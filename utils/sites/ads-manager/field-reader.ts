import {
  closestDeep,
  containsDeep,
  elementByIdNear,
  parentDeep,
  querySelectorAllDeep,
  querySelectorDeep,
  renderedText,
} from '../../deep-dom';
import { anyOf, closestInOrder, SELECTORS } from './selectors';
import {
  ADVANCE_BUTTON_TEXTS,
  AUTHORIZE_DIALOG_TITLES,
  CANCEL_BUTTON_TEXTS,
  CODE_WORDS,
  COMMIT_BUTTON_TEXTS,
  SUBJECT_WORDS,
  TEXT_INPUT_TYPES,
  TIKTOK_ERROR_TEXTS,
  type TikTokCodeProblem,
} from './wordings';

/**
 * Finds the fields where an ad code goes, the way a person would: by the dialog's title and the
 * field's label, placeholder and role, through open shadow roots (Ads Manager's ks- web
 * components). Generated class names are never relied on.
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

/** Fallback for modals built without roles; only used together with a matching title. */
const MODAL_CLASS_HINT = /(^|[\s_-])(modal|dialog|drawer)([\s_-]|$)/i;
/** A label is short text; a longer block near a field is help text, not its label. */
const MAX_LABEL = 80;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const seen = (el: Element | null | undefined) => clean(el ? renderedText(el) : '');

function textOfIds(near: Element, ids: string | null): string {
  if (!ids) return '';
  return ids
    .split(/\s+/)
    .map((id) => seen(elementByIdNear(near, id)))
    .join(' ');
}

const isControl = (el: Element) => el.matches('input, textarea, select, button') || !!el.querySelector('input, textarea, select, button');

/**
 * Labels shown near a field: <label for>, a wrapping <label>, aria-labelledby, the label of the
 * "form item" it sits in, and failing those the nearest short text before the field's wrappers
 * (UI kits put the label in a sibling of the input's wrapper, or outside the web component).
 */
export function fieldLabelText(field: CodeField): string {
  const parts = [textOfIds(field, field.getAttribute('aria-labelledby'))];
  for (const label of Array.from(field.labels ?? [])) parts.push(seen(label));
  const item = closestInOrder(field, 'formItem');
  if (item && querySelectorAllDeep(item, 'input, textarea').length === 1) {
    const label = SELECTORS.formItemLabel.map((s) => item.querySelector(s)).find(Boolean);
    if (label && !containsDeep(label, field)) parts.push(seen(label));
  }
  let node: Element | null = field;
  for (let depth = 0; node && depth < 5 && !parts.some(Boolean); depth++, node = parentDeep(node)) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isControl(prev)) break;
      const text = seen(prev);
      if (text && text.length <= MAX_LABEL) {
        parts.push(text);
        break;
      }
    }
  }
  return [...new Set(parts.filter(Boolean))].join(' ');
}

export function fieldDescription(field: CodeField): string {
  return [fieldLabelText(field), clean(field.getAttribute('aria-label')), clean(field.placeholder), clean(field.title)]
    .filter(Boolean)
    .join(' | ');
}

export function closestDialog(el: Element): Element | undefined {
  const byRole = closestDeep(el, anyOf('dialog'));
  if (byRole) return byRole;
  for (let node = parentDeep(el); node; node = parentDeep(node)) {
    if (MODAL_CLASS_HINT.test(node.className?.toString() ?? '') && AUTHORIZE_DIALOG_TITLES.test(dialogTitle(node))) return node;
  }
  return undefined;
}

/** The dialog's title: aria-labelledby, aria-label, or its first heading (inside web components too). */
export function dialogTitle(dialog: Element): string {
  const labelled = textOfIds(dialog, dialog.getAttribute('aria-labelledby'));
  if (labelled) return labelled;
  const aria = clean(dialog.getAttribute('aria-label'));
  if (aria) return aria;
  return seen(querySelectorDeep(dialog, 'h1, h2, h3, h4, h5, h6, [role="heading"], [class*="title" i]'));
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
  return { field, kind: field.localName === 'textarea' ? 'lines' : 'single', dialog, reason };
}

/**
 * Every visible code field under `root`, open shadow roots included. A field in a dialog comes
 * first, since that is where the user is working when one is open.
 */
export function findCodeFields(root: ParentNode, isVisible: (el: Element) => boolean = isShown): DetectedField[] {
  const found: DetectedField[] = [];
  for (const el of querySelectorAllDeep(root, 'input, textarea')) {
    if (!isEditableText(el) || !isVisible(el)) continue;
    const hit = classifyField(el);
    if (hit) found.push(hit);
  }
  return found.sort((a, b) => Number(!!b.dialog) - Number(!!a.dialog));
}

/** Visible buttons of a dialog, inside its web components too (the overlay must never cover them). */
export function dialogButtons(dialog: Element): HTMLElement[] {
  return querySelectorAllDeep<HTMLElement>(dialog, 'button, [role="button"], a[href]').filter(isShown);
}

/** What a button does to codes filled in its dialog. */
export type ButtonAction = 'commit' | 'advance' | 'cancel';

/**
 * The button a click landed on and what it does. `path` is the click's composedPath(), so a
 * click on the real <button> inside a web component's shadow root is seen as what it is, and
 * its label is read where the person sees it (slotted text, or the host's aria-label).
 */
export function buttonAction(path: EventTarget[] | Element): { button: Element; action: ButtonAction } | undefined {
  const chain = Array.isArray(path)
    ? path.filter((t): t is Element => t instanceof Element || (t as Node)?.nodeType === 1)
    : ancestry(path);
  const at = chain.findIndex((el) => el.matches(anyOf('button')));
  if (at < 0) return undefined;
  const button = chain[at];
  // The button and the web-component hosts that wrap it (a ks-button host carries the test id).
  const wrappers = [
    button,
    ...chain
      .slice(at + 1)
      .filter((el) => el.localName.includes('-'))
      .slice(0, 2),
  ];
  const label =
    clean(button.getAttribute('aria-label')) ||
    seen(button) ||
    clean(wrappers.find((w) => w.getAttribute('aria-label'))?.getAttribute('aria-label'));
  if (CANCEL_BUTTON_TEXTS.test(label)) return { button, action: 'cancel' };
  if (COMMIT_BUTTON_TEXTS.test(label) || wrappers.some((w) => w.matches(anyOf('commitButton')))) return { button, action: 'commit' };
  if (ADVANCE_BUTTON_TEXTS.test(label)) return { button, action: 'advance' };
  return undefined;
}

function ancestry(el: Element): Element[] {
  const list: Element[] = [];
  for (let n: Element | null = el; n; n = parentDeep(n)) list.push(n);
  return list;
}

/**
 * TikTok's verdict on the code in `field`, when its error text shows under the field (in the
 * field's form item, or its dialog when there is no form item).
 */
export function fieldProblem(
  field: CodeField,
  isVisible: (el: Element) => boolean = isShown,
): { problem: TikTokCodeProblem; text: string } | undefined {
  const scope = closestInOrder(field, 'formItem') ?? closestDialog(field) ?? parentDeep(parentDeep(field) ?? field);
  if (!scope) return undefined;
  const candidates = SELECTORS.fieldError.map((s) => querySelectorAllDeep(scope, s)).find((l) => l.length) ?? [];
  for (const el of candidates.length ? candidates : [scope]) {
    if (!isVisible(el)) continue;
    const text = seen(el);
    const hit = TIKTOK_ERROR_TEXTS.find((e) => e.text.test(text));
    if (hit) return { problem: hit.problem, text: text.slice(0, 200) };
  }
  return undefined;
}
