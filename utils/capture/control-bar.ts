import { HOST_ATTR } from './dom';
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
  /** Only quoted from an earlier message: labelled so, and left out of "Save all" unless the user includes it. */
  quoted?: boolean;
  /** What the sender wrote beside it ("Morning routine"), to tell the rows apart. */
  context?: string;
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
  /** The bar's stylesheet (utils/capture/styles.ts, which the background serves: it would be a fifth of this script). */
  css?: string;
  /** A row is hovered or focused (the code), or left (undefined): the page shows where that code is. */
  point?(code: string | undefined): void;
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
  style.textContent = options.css ?? '';
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

  const run = async (codes: string[], button: HTMLButtonElement, event: Event) => {
    if (!event.isTrusted || busy) return;
    busy = true;
    const label = button.textContent;
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Saving…';
    error.textContent = '';
    try {
      await options.save(codes, choices);
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
  // The count is the message's own codes; quoted ones are named apart, so "3 ad codes" means the 3 rows the user can see as this message's.
  const own = options.codes.filter((c) => !c.quoted).length;
  const quoted = n - own;
  const subtitle = () => {
    const left = options.codes.filter((c) => !saved.has(c.code)).length;
    if (!n) return '';
    if (!left) return n === 1 ? 'code saved' : `all ${n} codes saved`;
    const mine = own === 1 ? `ad code in this ${noun}` : own ? `${own} ad codes in this ${noun}` : '';
    const earlier = quoted ? `${quoted} from an earlier message` : '';
    return [mine, earlier].filter(Boolean).join(' · ');
  };
  /** Quoted codes the user ticked for "Save all". */
  const included = new Set<string>();

  const head = el(doc, 'div', 'head');
  const title = el(doc, 'span', 'title', 'Ad Code Keeper');
  const sub = n ? el(doc, 'span', 'sub') : undefined;
  head.append(logo(doc), title);
  if (sub) head.append(sub);
  head.append(el(doc, 'span', 'spacer'));
  if (n > 1) {
    // Short on screen, so the count beside it stays readable; the full name for screen readers.
    saveAll = el(doc, 'button', 'all', 'Save all');
    saveAll.setAttribute('aria-label', `Save all codes in this ${noun}`);
    saveAll.type = 'button';
    saveAll.addEventListener('click', (e) => {
      const chosen = options.codes.filter((c) => !c.quoted || included.has(c.code)).map((c) => c.code);
      void run(chosen.filter((c) => !saved.has(c)), saveAll!, e);
    });
    head.append(saveAll);
  }
  bar.append(head);

  /** "Include" on a quoted row: only then does "Save all" take it. */
  const includeBox = (code: string) => {
    const label = el(doc, 'label', 'include');
    const box = el(doc, 'input');
    box.type = 'checkbox';
    // A script's click() still fires a trusted "change"; refusing the click itself keeps the box as the user left it.
    box.addEventListener('click', (e) => e.isTrusted || e.preventDefault());
    box.addEventListener('change', () => (box.checked ? included.add(code) : included.delete(code)));
    // Named by its row (the code is right there): "include" in Save all.
    label.append(box, doc.createTextNode('include'));
    return label;
  };

  // The user's answers: a period per code, one arrival date for the codes whose date was not found (a
  // quoted code's unreadable "On … wrote:" line must not move the message's own codes).
  const choices = new Map<string, BarChoice>();
  const undated = new Set<string>();
  let sentAt: number | undefined;
  let ask: HTMLElement | undefined;
  const make = maker(doc);
  const describers: (() => void)[] = [];
  const describeAll = () => describers.forEach((d) => d());
  const choose = (code: string, period: number) => {
    choices.set(code, { period, sentAt: undated.has(code) ? sentAt : undefined });
    describeAll();
  };

  for (const c of options.codes) {
    const row = el(doc, 'div', 'row');
    const line = el(doc, 'div', 'line');
    const code = el(doc, 'span', 'code', shortCode(c.code));
    code.title = c.code;
    const info = el(doc, 'span', 'info');
    if (c.context) info.append(el(doc, 'span', 'context', c.context));
    const detail = el(doc, 'span', 'detail', c.detail);
    if (c.warning) detail.append(c.detail ? ' · ' : '', el(doc, 'span', 'warn', c.warning));
    info.append(detail);
    const earlier = c.quoted ? el(doc, 'span', 'earlier', 'from an earlier message') : undefined;
    if (earlier) info.append(earlier);
    choices.set(c.code, {});
    if (options.describe) {
      const how = el(doc, 'span', 'how');
      info.append(how);
      const describe = () =>
        void options.describe!(c.code, choices.get(c.code)!).then((a) => {
          if (!a) return;
          how.textContent = a.text;
          how.classList.toggle('est', a.estimated);
          if (earlier && a.receivedDay) earlier.textContent = `from an earlier message (${a.receivedDay})`;
          how.title = a.text;
          if (a.dateUnknown) undated.add(c.code);
          if (a.dateUnknown && !ask) {
            ask = dateQuestion(make, (at) => {
              sentAt = at;
              for (const [k, choice] of choices) if (undated.has(k)) choice.sentAt = at;
              describeAll();
            });
            bar.insertBefore(ask, error);
          }
        }).catch(() => undefined); // no wording is better than a broken bar
      describers.push(describe);
      describe();
    }
    const button = el(doc, 'button', 'save', 'Save');
    button.type = 'button';
    button.setAttribute('aria-label', `Save ad code ${shortCode(c.code)}`);
    button.addEventListener('click', (e) => void run([c.code], button, e));
    line.append(code, info);
    if (c.quoted && n > 1) line.append(includeBox(c.code));
    line.append(button);
    row.append(line);
    if (c.askPeriod) row.append(periodChips(make, (days) => choose(c.code, days)));
    // The row itself is a stop for the keyboard: focusing it shows the code in the mail, Enter saves it.
    row.tabIndex = 0;
    row.setAttribute('aria-label', [shortCode(c.code), c.context, c.detail, c.quoted ? 'from an earlier message' : ''].filter(Boolean).join(', '));
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target === row && buttons.get(c.code)?.isConnected) void run([c.code], buttons.get(c.code)!, e);
    });
    for (const [on, off] of [['mouseenter', 'mouseleave'], ['focusin', 'focusout']]) {
      row.addEventListener(on, () => options.point?.(c.code));
      row.addEventListener(off, () => options.point?.(undefined));
    }
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
