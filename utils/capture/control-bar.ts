import { HOST_ATTR } from './dom';
import { CONTROL_CSS } from './styles';
import { dateQuestion, maker, periodChips, type BarChoice } from './expiry-parts';
import type { ExpiryAnswer } from '../protocol';

/** A code as the bar shows it. */
export interface BarCode {
  code: string;
  /** "@maya.creates · 60 days · video linked" */
  detail: string;
  /** Part of the detail to flag, e.g. "no period stated". */
  warning?: string;
  /** The message stated no period: offer the period chips. */
  askPeriod?: boolean;
}

export interface ControlBarOptions {
  codes: BarCode[];
  /** Offered when the page clipped the message: the code may be in the hidden part. */
  clipped?: { open(): void; siteName?: string };
  /** Saves the codes with what the user chose in the bar; rejects with a message the user can act on. */
  save(codes: string[], choices: Map<string, BarChoice>): Promise<void>;
  /** How the expiry will be worked out, with the user's choices so far (the background words it). */
  describe?(code: string, choice: BarChoice): Promise<ExpiryAnswer>;
  noun?: 'message' | 'chat';
  /** "Apply to ad accounts…", shown once `canApply` says ad accounts are connected: saves if needed, opens the Apply dialog. */
  apply?(codes: string[], choices: Map<string, BarChoice>): Promise<void>;
  canApply?: Promise<boolean>;
}

export interface ControlBar {
  host: HTMLElement;
  codes: readonly string[];
  markSaved(code: string): void;
}

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}

function svg(doc: Document, viewBox: string, parts: [string, Record<string, string>][], cls?: string) {
  const root = doc.createElementNS(SVG, 'svg');
  root.setAttribute('viewBox', viewBox);
  root.setAttribute('aria-hidden', 'true');
  if (cls) root.setAttribute('class', cls);
  for (const [tag, attrs] of parts) {
    const p = doc.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) p.setAttribute(k, v);
    root.append(p);
  }
  return root;
}

/** The product mark (see public/icon/icon.svg), drawn small. */
function logo(doc: Document) {
  return svg(doc, '0 0 24 24', [
    ['rect', { x: '1', y: '1', width: '22', height: '22', rx: '6', fill: '#111827' }],
    ['path', { d: 'M10 6.5 8.5 17.5M15.5 6.5 14 17.5M6.5 10h11M6 14h11', stroke: '#fff', 'stroke-width': '1.8', 'stroke-linecap': 'round', fill: 'none' }],
    ['circle', { cx: '18.5', cy: '18.5', r: '3.5', fill: '#FE2C55' }],
  ], 'logo');
}

const check = (doc: Document) =>
  svg(doc, '0 0 16 16', [['path', { d: 'M3 8.5 6.5 12 13 4.5', stroke: 'currentColor', 'stroke-width': '2', fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }]]);

export function shortCode(code: string): string {
  return code.length > 16 ? `${code.slice(0, 9)}…${code.slice(-5)}` : code;
}

/**
 * The inline UI next to a message: one row per code with its own Save button, "Save all"
 * when there are several, and a note when the message was clipped. Built with
 * createElement/textContent only (pages like Gmail enforce Trusted Types), inside an open
 * shadow root so screen readers and tests reach the buttons and the page's CSS cannot.
 * Only trusted clicks save: a script on the page cannot click on the user's behalf.
 */
export function createControlBar(doc: Document, options: ControlBarOptions): ControlBar {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, options.noun ?? 'message');
  const root = host.attachShadow({ mode: 'open' });
  const style = el(doc, 'style');
  style.textContent = CONTROL_CSS;
  const bar = el(doc, 'section', 'bar');
  bar.setAttribute('aria-label', 'Ad Code Keeper');
  root.append(style, bar);

  const saved = new Set<string>();
  const buttons = new Map<string, HTMLButtonElement>();
  const error = el(doc, 'div', 'error');
  error.setAttribute('role', 'alert');
  let saveAll: HTMLButtonElement | undefined;
  let busy = false;

  const refresh = () => {
    for (const [code, button] of buttons) {
      if (saved.has(code) && button.isConnected) {
        const done = el(doc, 'span', 'saved');
        done.setAttribute('role', 'status');
        done.append(check(doc), doc.createTextNode('Saved'));
        done.title = 'Saved in Ad Code Keeper';
        const hadFocus = root.activeElement === button;
        button.replaceWith(done);
        // Keyboard users stay where they were instead of falling back to the top of the page.
        if (hadFocus) {
          done.tabIndex = -1;
          done.focus();
        }
      }
    }
    const unsaved = options.codes.filter((c) => !saved.has(c.code));
    if (saveAll) saveAll.hidden = unsaved.length < 2;
    if (sub) sub.textContent = subtitle();
  };

  const run = async (codes: string[], button: HTMLButtonElement, event: MouseEvent, act = options.save) => {
    if (!event.isTrusted || busy) return;
    busy = true;
    const label = button.textContent;
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Saving…';
    error.textContent = '';
    try {
      await act(codes, choices);
      codes.forEach((c) => saved.add(c));
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
      button.textContent = label;
      refresh();
    }
  };

  const n = options.codes.length;
  const noun = options.noun ?? 'message';
  const subtitle = () => {
    const left = options.codes.filter((c) => !saved.has(c.code)).length;
    if (!n) return '';
    if (!left) return n === 1 ? 'code saved' : `all ${n} codes saved`;
    return n === 1 ? `ad code in this ${noun}` : `${n} ad codes in this ${noun}`;
  };

  const head = el(doc, 'div', 'head');
  const title = el(doc, 'span', 'title', 'Ad Code Keeper');
  const sub = n ? el(doc, 'span', 'sub') : undefined;
  head.append(logo(doc), title);
  if (sub) head.append(sub);
  head.append(el(doc, 'span', 'spacer'));
  if (n > 1) {
    saveAll = el(doc, 'button', 'all', `Save all codes in this ${noun}`);
    saveAll.type = 'button';
    saveAll.addEventListener('click', (e) => {
      void run(options.codes.map((c) => c.code).filter((c) => !saved.has(c)), saveAll!, e);
    });
    head.append(saveAll);
  }
  // Added only once the background says accounts are connected (no form around a shadow root: no type needed).
  if (n) void options.canApply?.then((ok) => {
    if (!ok) return;
    const apply = el(doc, 'button', 'all', 'Apply to ad accounts…');
    apply.addEventListener('click', (e) => void run(options.codes.map((c) => c.code), apply, e, options.apply));
    head.append(apply);
  });
  bar.append(head);

  // The user's answers: a period per code, one arrival date for the message.
  const choices = new Map<string, BarChoice>();
  let sentAt: number | undefined;
  let ask: HTMLElement | undefined;
  const make = maker(doc);
  const describers: (() => void)[] = [];
  const describeAll = () => describers.forEach((d) => d());
  const choose = (code: string, period: number) => {
    choices.set(code, { period, sentAt });
    describeAll();
  };

  for (const c of options.codes) {
    const row = el(doc, 'div', 'row');
    const code = el(doc, 'span', 'code', shortCode(c.code));
    code.title = c.code;
    const info = el(doc, 'div', 'info');
    const detail = el(doc, 'span', 'detail', c.detail);
    if (c.warning) detail.append(c.detail ? ' · ' : '', el(doc, 'span', 'warn', c.warning));
    info.append(detail);
    choices.set(c.code, {});
    if (options.describe) {
      const how = el(doc, 'span', 'how');
      info.append(how);
      const describe = () =>
        void options.describe!(c.code, choices.get(c.code)!).then((a) => {
          if (!a) return;
          how.textContent = a.text;
          how.classList.toggle('est', a.estimated);
          if (a.dateUnknown && !ask) {
            ask = dateQuestion(make, (at) => {
              sentAt = at;
              for (const choice of choices.values()) choice.sentAt = at;
              describeAll();
            });
            bar.insertBefore(ask, error);
          }
        }).catch(() => undefined); // no wording is better than a broken bar
      describers.push(describe);
      describe();
    }
    if (c.askPeriod) info.append(periodChips(make, (days) => choose(c.code, days)));
    const button = el(doc, 'button', 'save', 'Save');
    button.type = 'button';
    button.setAttribute('aria-label', `Save ad code ${shortCode(c.code)}`);
    button.addEventListener('click', (e) => void run([c.code], button, e));
    row.append(code, info, button);
    buttons.set(c.code, button);
    bar.append(row);
  }

  if (options.clipped) {
    const note = el(doc, 'div', 'clipped');
    const hider = options.clipped.siteName ?? 'the page';
    note.append(el(doc, 'span', undefined, n
      ? `This message is clipped: more codes may be in the part ${hider} hides.`
      : `This message is clipped: an ad code may be in the part ${hider} hides.`));
    const open = el(doc, 'button', 'open', 'Open entire message');
    open.type = 'button';
    open.addEventListener('click', (e) => {
      if (e.isTrusted) options.clipped!.open();
    });
    note.append(open);
    bar.append(note);
  }
  bar.append(error);
  refresh();

  return {
    host,
    codes: options.codes.map((c) => c.code),
    markSaved(code) {
      if (!buttons.has(code) || saved.has(code)) return;
      saved.add(code);
      refresh();
    },
  };
}
