import { barSay, type BarSay } from './bar-say';
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
  /** The bar's words in the user's language (the background serves them with the stylesheet); English without. */
  say?: BarSay;
  /** A row is hovered or focused (the code), or left (undefined): the page shows where that code is. */
  point?(code: string | undefined): void;
  /** "Apply to ad accounts…", shown once `canApply` says ad accounts are connected: saves if needed, opens the Apply dialog. */
  apply?(codes: string[], choices: Map<string, BarChoice>): Promise<void>;
  canApply?: Promise<boolean>;
}

export interface ControlBar {
  host: HTMLElement;
  codes: readonly string[];
  markSaved(code: string): void;
}

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
  const say = options.say ?? barSay();
  const { t, n: tn, error: said } = say;
  // One element maker for the bar and its expiry parts (each copy costs bytes in every mail script).
  const el = maker(doc);
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, options.noun ?? 'message');
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = options.css ?? '';
  const bar = el('section', 'bar');
  bar.setAttribute('aria-label', 'Ad Code Keeper');
  root.append(style, bar);

  const saved = new Set<string>();
  const buttons = new Map<string, HTMLButtonElement>();
  const error = el('div', 'error');
  error.setAttribute('role', 'alert');
  let saveAll: HTMLButtonElement | undefined;
  let busy = false;

  const refresh = () => {
    for (const [code, button] of buttons) {
      if (saved.has(code) && button.isConnected) {
        const done = el('span', 'saved');
        done.setAttribute('role', 'status');
        // The tick is drawn by the stylesheet (.saved::before), like the logo: no SVG code in the script.
        done.textContent = t('Saved');
        done.title = t('Saved in Ad Code Keeper');
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

  const run = async (codes: string[], button: HTMLButtonElement, event: Event, act = options.save) => {
    if (!event.isTrusted || busy) return;
    busy = true;
    const label = button.textContent;
    button.setAttribute('aria-busy', 'true');
    button.textContent = t('Saving…');
    error.textContent = '';
    try {
      await act(codes, choices);
      codes.forEach((c) => saved.add(c));
    } catch (e) {
      error.textContent = said(e instanceof Error ? e.message : String(e));
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
    if (!left) return tn('code saved', 'all {count} codes saved', n);
    const mine = own
      ? noun === 'chat'
        ? tn('ad code in this chat', '{count} ad codes in this chat', own)
        : tn('ad code in this message', '{count} ad codes in this message', own)
      : '';
    const earlier = quoted ? tn('{count} from an earlier message', '{count} from earlier messages', quoted) : '';
    return [mine, earlier].filter(Boolean).join(' · ');
  };
  /** Quoted codes the user ticked for "Save all". */
  const included = new Set<string>();

  const head = el('div', 'head');
  const title = el('span', 'title', 'Ad Code Keeper');
  const sub = n ? el('span', 'sub') : undefined;
  const logo = el('span', 'logo');
  logo.setAttribute('aria-hidden', 'true');
  head.append(logo, title);
  if (sub) head.append(sub);
  head.append(el('span', 'spacer'));
  if (n > 1) {
    // Short on screen, so the count beside it stays readable; the full name for screen readers.
    saveAll = el('button', 'all', t('Save all'));
    saveAll.setAttribute('aria-label', t(noun === 'chat' ? 'Save all codes in this chat' : 'Save all codes in this message'));
    saveAll.type = 'button';
    saveAll.addEventListener('click', (e) => {
      const chosen = options.codes.filter((c) => !c.quoted || included.has(c.code)).map((c) => c.code);
      void run(
        chosen.filter((c) => !saved.has(c)),
        saveAll!,
        e,
      );
    });
    head.append(saveAll);
  }
  // Added only once the background says accounts are connected (no form around a shadow root: no type needed).
  if (n)
    void options.canApply?.then((ok) => {
      if (!ok) return;
      const apply = el('button', 'all', t('Apply to ad accounts…'));
      apply.addEventListener(
        'click',
        (e) =>
          void run(
            options.codes.map((c) => c.code),
            apply,
            e,
            options.apply,
          ),
      );
      head.append(apply);
    });
  bar.append(head);

  /** "Include" on a quoted row: only then does "Save all" take it. */
  const includeBox = (code: string) => {
    const label = el('label', 'include');
    const box = el('input');
    box.type = 'checkbox';
    // A script's click() still fires a trusted "change"; refusing the click itself keeps the box as the user left it.
    box.addEventListener('click', (e) => e.isTrusted || e.preventDefault());
    box.addEventListener('change', () => (box.checked ? included.add(code) : included.delete(code)));
    // Named by its row (the code is right there): "include" in Save all.
    label.append(box, doc.createTextNode(t('include')));
    return label;
  };

  // The user's answers: a period per code, one arrival date for the codes whose date was not found (a
  // quoted code's unreadable "On … wrote:" line must not move the message's own codes).
  const choices = new Map<string, BarChoice>();
  const undated = new Set<string>();
  let sentAt: number | undefined;
  let ask: HTMLElement | undefined;
  const describers: (() => void)[] = [];
  const describeAll = () => describers.forEach((d) => d());
  const choose = (code: string, period: number) => {
    choices.set(code, { period, sentAt: undated.has(code) ? sentAt : undefined });
    describeAll();
  };

  for (const c of options.codes) {
    const row = el('div', 'row');
    const line = el('div', 'line');
    const code = el('span', 'code', shortCode(c.code));
    code.title = c.code;
    const info = el('span', 'info');
    if (c.context) info.append(el('span', 'context', c.context));
    const detail = el('span', 'detail', c.detail);
    if (c.warning) detail.append(c.detail ? ' · ' : '', el('span', 'warn', c.warning));
    info.append(detail);
    const earlier = c.quoted ? el('span', 'earlier', t('from an earlier message')) : undefined;
    if (earlier) info.append(earlier);
    choices.set(c.code, {});
    if (options.describe) {
      const how = el('span', 'how');
      info.append(how);
      const describe = () =>
        void options.describe!(c.code, choices.get(c.code)!)
          .then((a) => {
            if (!a) return;
            how.textContent = a.text;
            how.classList.toggle('est', a.estimated);
            if (earlier && a.receivedDay) earlier.textContent = t('from an earlier message ({day})', { day: a.receivedDay });
            how.title = a.text;
            if (a.dateUnknown) undated.add(c.code);
            if (a.dateUnknown && !ask) {
              ask = dateQuestion(el, say, (at) => {
                sentAt = at;
                for (const [k, choice] of choices) if (undated.has(k)) choice.sentAt = at;
                describeAll();
              });
              bar.insertBefore(ask, error);
            }
          })
          .catch(() => undefined); // no wording is better than a broken bar
      describers.push(describe);
      describe();
    }
    const button = el('button', 'save', t('Save'));
    button.type = 'button';
    button.setAttribute('aria-label', t('Save ad code {code}', { code: shortCode(c.code) }));
    button.addEventListener('click', (e) => void run([c.code], button, e));
    line.append(code, info);
    if (c.quoted && n > 1) line.append(includeBox(c.code));
    line.append(button);
    row.append(line);
    if (c.askPeriod) row.append(periodChips(el, say, (days) => choose(c.code, days)));
    // The row itself is a stop for the keyboard: focusing it shows the code in the mail, Enter saves it.
    row.tabIndex = 0;
    row.setAttribute(
      'aria-label',
      [shortCode(c.code), c.context, c.detail, c.quoted ? t('from an earlier message') : ''].filter(Boolean).join(', '),
    );
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.target === row && buttons.get(c.code)?.isConnected) void run([c.code], buttons.get(c.code)!, e);
    });
    for (const [on, off] of [
      ['mouseenter', 'mouseleave'],
      ['focusin', 'focusout'],
    ]) {
      row.addEventListener(on, () => options.point?.(c.code));
      row.addEventListener(off, () => options.point?.(undefined));
    }
    buttons.set(c.code, button);
    bar.append(row);
  }

  if (options.clipped) {
    const note = el('div', 'clipped');
    const site = options.clipped.siteName ?? t('the page');
    note.append(
      el(
        'span',
        undefined,
        t(
          n
            ? 'This message is clipped: more codes may be in the part {site} hides.'
            : 'This message is clipped: an ad code may be in the part {site} hides.',
          { site },
        ),
      ),
    );
    const open = el('button', 'open', t('Open entire message'));
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
