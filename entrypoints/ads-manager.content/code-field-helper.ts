import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { containsDeep, deepActiveElement, eventOrigin, openShadowRoots } from '@/utils/deep-dom';
import { FillError, fillField } from '@/utils/fill';
import {
  buttonAction,
  classifyField,
  closestDialog,
  dialogButtons,
  fieldProblem,
  findCodeFields,
  isShown,
  type DetectedField,
} from '@/utils/sites/ads-manager';
import { queryFromField, type PickerKey } from '@/utils/picker-channel';
import { onMessage, sendMessage, type FillResult, type FillTrigger, type PickerFieldContext, type PickerUiAction } from '@/utils/protocol';
import { FieldButton } from './field-button';
import { PickerOverlay } from './overlay';
import { dialogPanel } from './dialog-panel';
import { fieldKeyAction } from './field-keys';
import { pageRegistration, randomToken } from './registration';

/**
 * Ads Manager's page-facing side: finds the code field, keeps the key button and the code list
 * next to it, fills the one code the user picked, and reports the Confirm that follows. It never
 * holds the list of codes: those stay in the extension's frame.
 */

/**
 * A fill waiting for the user's Confirm (or Smart+ "Add TikTok posts"), when the code counts as
 * used. "Continue" only carries the codes on to the next dialog (`advancedAt`); cancelling there
 * uses nothing.
 */
interface PendingFill {
  field: DetectedField['field'];
  dialog?: Element;
  codes: { id: number; code: string }[];
  advancedAt?: number;
  /** TikTok's refusal already reported for this value, so it is sent once. */
  reported?: string;
}

/** How long codes carried on by "Continue" wait for the next step's commit. */
const ADVANCED_FOR_MS = 10 * 60_000;

const RESCAN_DELAY_MS = 120;
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'open', 'placeholder', 'aria-hidden'],
};

const LOOKS_LIKE_CODE = /^#?[A-Za-z0-9+/]{20,}={0,2}$/;

export function startCodeFieldHelper(ctx: ContentScriptContext) {
  const token = randomToken();
  const registration = pageRegistration(ctx, token);
  let active: DetectedField | undefined;
  let button: FieldButton | undefined;
  let overlay: PickerOverlay | undefined;
  let pending: PendingFill | undefined;
  /** Fields whose list the user closed: it stays closed until they ask for it again. */
  const dismissed = new WeakSet<Element>();
  let avoid: Element[] = [];
  let avoidCheckedAt = 0;
  let frameRequested = false;
  /** ↑/↓ moved the list's highlight, or typing picked a match: Enter in the field now fills from the list. */
  let navigating = false;

  const fieldContext = (): PickerFieldContext => ({
    kind: active?.kind ?? 'single',
    present: (active?.field.value ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => LOOKS_LIKE_CODE.test(l))
      .slice(0, 50),
  });

  /** Registers this page; the answer's words relabel the key button, drawn in English before it came. */
  async function register(): Promise<boolean> {
    const ok = await registration.register();
    if (ok) button?.relabel(registration.words);
    return ok;
  }

  function followLoop() {
    if (frameRequested) return;
    frameRequested = true;
    ctx.requestAnimationFrame(() => {
      frameRequested = false;
      if (!active) return;
      if (!active.field.isConnected) return scheduleScan();
      const now = performance.now();
      if (now - avoidCheckedAt > 250) {
        avoid = active.dialog ? dialogButtons(active.dialog).filter((b) => !b.contains(active!.field)) : [];
        avoidCheckedAt = now;
      }
      button?.follow(active.field);
      overlay?.follow(active.field, avoid, dialogPanel(active));
      followLoop();
    });
  }

  function attach(hit: DetectedField, openNow: boolean) {
    detach();
    active = hit;
    avoidCheckedAt = 0;
    button = new FieldButton(() => (overlay?.isOpen ? close(true) : void open()), registration.words);
    followLoop();
    if (openNow && !dismissed.has(hit.field)) void open();
    else if (!registration.words.buttonLabel) void register();
  }

  function detach() {
    close(false);
    button?.remove();
    button = undefined;
    active = undefined;
  }

  async function open() {
    const target = active;
    if (!target || !(await register()) || active !== target) return;
    dismissed.delete(target.field);
    if (!overlay) overlay = new PickerOverlay(token, vouchFor, registration.words.frameTitle);
    else overlay.post({ type: 'context', token, context: fieldContext() });
    overlay.show();
    button?.setExpanded(true);
    avoidCheckedAt = 0;
    followLoop();
    postQuery();
  }

  /** The field's text filters the list; the field keeps focus, so typing goes on where the user is. */
  function postQuery() {
    if (!active || !overlay) return;
    const text = queryFromField(active.field.value, active.kind);
    // A match picked by typing takes Enter in a one-code field; in a textarea Enter stays a new line until ↑/↓.
    navigating = text !== '' && active.kind === 'single';
    overlay.post({ type: 'query', token, text });
  }

  function postKey(key: PickerKey) {
    overlay?.post({ type: 'key', token, key });
  }

  /** Our frame said hello: tell the background it is ours, then give it the field's context. */
  function vouchFor(nonce: string) {
    void sendMessage('pickerBind', { token, nonce })
      .then(() => {
        overlay?.post({ type: 'context', token, context: fieldContext() });
        postQuery();
      })
      .catch(() => void ctx.isValid);
  }

  function close(refocusField: boolean) {
    navigating = false;
    if (overlay?.isOpen) {
      overlay.hide();
      if (active) dismissed.add(active.field);
    }
    button?.setExpanded(false);
    if (refocusField && active?.field.isConnected) active.field.focus({ preventScroll: true });
  }

  /** Mutations inside web components' open shadow roots are not seen from the document. */
  const watchedRoots = new WeakSet<ShadowRoot>();
  function watchShadowRoots() {
    for (const root of openShadowRoots(document)) {
      if (watchedRoots.has(root)) continue;
      watchedRoots.add(root);
      observer.observe(root, OBSERVE);
    }
  }

  function scan() {
    if (!ctx.isValid) return;
    watchShadowRoots();
    checkTikTokVerdict();
    const hits = findCodeFields(document);
    const still = active && hits.find((h) => h.field === active!.field);
    if (still) {
      active!.dialog = still.dialog;
      return;
    }
    const focusedEl = deepActiveElement(document);
    const focused = hits.find((h) => h.field === focusedEl);
    const next = focused ?? hits[0];
    if (!next) return detach();
    // The foundation's promise: when the authorization dialog shows its field, the list appears beside it.
    attach(next, !!next.dialog || next === focused);
  }

  let scanTimer: number | undefined;
  function scheduleScan() {
    if (scanTimer !== undefined) return;
    scanTimer = ctx.setTimeout(() => {
      scanTimer = undefined;
      scan();
    }, RESCAN_DELAY_MS);
  }

  function fill(codes: { id: number; code: string }[], via: FillTrigger): FillResult {
    const target = active;
    if (!target || !overlay) return { ok: false, refused: 'pickerFieldClosed' };
    // Only a real click or key press (in the frame, which passes activation up to this page) may fill.
    if (navigator.userActivation && !navigator.userActivation.isActive) {
      return { ok: false, refused: 'pickerNotYourAction' };
    }
    const tamper = overlay.tamperReason(via);
    if (tamper) return { ok: false, refused: 'pickerTampered', tamper };
    try {
      const result = fillField(
        target.field,
        codes.map((c) => c.code),
        {
          mode: target.kind === 'lines' ? 'append-lines' : 'replace',
          stillValid: (el) => el === active?.field && isShown(el) && !!classifyField(el),
        },
      );
      const filled = codes.filter((c) => result.added.includes(c.code));
      const keep = target.kind === 'lines' && pending?.field === target.field ? pending.codes : [];
      pending = { field: target.field, dialog: target.dialog, codes: [...keep, ...filled] };
      close(false);
      target.field.focus({ preventScroll: true });
      return { ok: true, filledIds: filled.map((c) => c.id) };
    } catch (e) {
      if (e instanceof FillError) return { ok: false, error: e.message };
      throw e;
    }
  }

  /** Codes of the pending fill still in its field (all of them once the field is gone, e.g. after Search). */
  function stillInField(p: PendingFill) {
    if (!p.field.isConnected) return p.codes;
    const lines = p.field.value.split(/\r?\n/).map((l) => l.trim());
    return p.codes.filter((c) => lines.includes(c.code));
  }

  /**
   * Follows the user's clicks after a fill: Confirm / "Add TikTok posts" marks the codes still in
   * the field used; "Continue" carries them to the next dialog; Cancel there uses nothing.
   * composedPath() sees a click on the real <button> inside a web component's shadow root.
   */
  function onClick(e: MouseEvent) {
    if (!e.isTrusted || !pending) return;
    const hit = buttonAction(e.composedPath());
    if (!hit) return;
    const p = pending;
    const advanced = p.advancedAt !== undefined && Date.now() - p.advancedAt < ADVANCED_FOR_MS;
    const inDialog = !p.dialog || (p.dialog.isConnected && containsDeep(p.dialog, hit.button));
    if (!advanced && !inDialog) return;
    // The next step is a dialog or drawer of its own: a button on the page behind it is no answer.
    if (!inDialog && !closestDialog(hit.button)) return;
    if (hit.action === 'cancel') {
      // Back in the first dialog with the codes still there: they wait for Continue again.
      if (advanced && inDialog && p.field.isConnected) p.advancedAt = undefined;
      else pending = undefined;
      return;
    }
    const codes = stillInField(p);
    if (hit.action === 'advance') {
      pending = { ...p, codes, advancedAt: Date.now() };
      return;
    }
    pending = undefined;
    if (!codes.length) return;
    void sendMessage('pickerConfirmed', { token, ids: codes.map((c) => c.id) })
      .then(() => overlay?.post({ type: 'refresh', token }))
      .catch(() => undefined);
  }

  /**
   * TikTok's answer after Search shows under the field ("Authorization expired.", "The post
   * code is incorrect."…): the background records it on the code, and the list opens again,
   * saying so and offering the renewal request.
   */
  function checkTikTokVerdict() {
    const p = pending;
    if (!p || p.advancedAt !== undefined || !p.field.isConnected) return;
    const verdict = fieldProblem(p.field);
    if (!verdict) return;
    const codes = stillInField(p);
    // Only a verdict that can be about one code: several lines could be about any of them.
    if (codes.length !== 1) return;
    const key = `${verdict.problem}:${codes[0].code}`;
    if (p.reported === key) return;
    p.reported = key;
    void sendMessage('pickerCodeProblem', { token, id: codes[0].id, problem: verdict.problem })
      .then(() => (active?.field === p.field ? open() : undefined))
      .catch(() => undefined);
  }

  /** The list's keys, pressed in the field (field-keys.ts says which and what they do). */
  function onKeyDown(e: KeyboardEvent) {
    if (!active || eventOrigin(e) !== active.field || !e.isTrusted) return;
    const field = active.field;
    const action = fieldKeyAction(e, {
      kind: active.kind,
      atEnd: field.selectionStart === field.value.length,
      listShown: !!overlay?.isOpen,
      navigating,
    });
    if (!action) return;
    e.preventDefault();
    // Esc and Enter are the list's this time, not TikTok's (close the dialog, Search).
    if (action.do !== 'open') e.stopPropagation();
    if (action.do === 'close') return close(false);
    if (action.do === 'open') return void open();
    if (action.key !== 'Enter') navigating = true;
    postKey(action.key);
  }

  /** Typing in the field filters the list (and shows it again, unless the user closed it there). */
  function onInput(e: Event) {
    if (!active || eventOrigin(e) !== active.field || !e.isTrusted) return;
    if (overlay?.isOpen) postQuery();
    else if (!dismissed.has(active.field)) void open();
  }

  function onPointerDown(e: PointerEvent) {
    if (!overlay?.isOpen) return;
    const t = eventOrigin(e) as Node | null;
    if (t && (t === overlay.host || t === button?.host || t === active?.field || containsDeep(overlay.host, t))) return;
    close(false);
  }

  function onRelay(data: PickerUiAction) {
    if (data.action === 'close') close(data.refocusField);
    else {
      overlay?.setHeight(data.height, data.minHeight);
      followLoop();
    }
  }

  const removeFill = onMessage('fillCode', ({ data }) => {
    if (data.token !== token) throw new Error('Unknown code list.');
    return fill(data.codes, data.via);
  });
  const removeRelay = onMessage('pickerUiRelay', ({ data }) => {
    if (data.token !== token) throw new Error('Unknown code list.');
    onRelay(data);
  });

  const observer = new MutationObserver(scheduleScan);
  observer.observe(document.documentElement, OBSERVE);
  ctx.addEventListener(
    document,
    'focusin',
    (e) => {
      // The element really focused, not the web component host the event was retargeted to.
      const t = eventOrigin(e);
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) {
        if (t === active?.field) {
          // Focusing the field shows its list, unless the user closed it there.
          if (!overlay?.isOpen && !dismissed.has(t)) void open();
          return;
        }
        const hit = classifyField(t);
        if (hit && isShown(t)) return attach(hit, true);
      }
      scheduleScan();
    },
    { capture: true },
  );
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
  ctx.addEventListener(document, 'input', onInput, { capture: true });
  ctx.addEventListener(document, 'pointerdown', onPointerDown, { capture: true });
  ctx.addEventListener(document, 'click', onClick, { capture: true });
  ctx.addEventListener(window, 'resize', () => (avoidCheckedAt = 0));
  // Polls the extension's liveness: after an update the old page script must leave no trace.
  ctx.setInterval(() => undefined, 1000);
  ctx.onInvalidated(() => {
    observer.disconnect();
    removeFill();
    removeRelay();
    button?.remove();
    overlay?.remove();
    active = undefined;
  });
  scan();
}
