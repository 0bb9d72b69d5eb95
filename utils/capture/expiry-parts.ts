/**
 * The Save bar's expiry parts, before saving: the period chips (when the message stated none) and
 * the "when did this code arrive?" question (when its date could not be read). The wording of the
 * derivation comes from the background (describeExpiry), and so do the words (barKit): this stays a few DOM nodes.
 * Only trusted input counts: a script on the page cannot pick a period or a date for the user.
 */
import type { BarSay } from './bar-say';

export const CHIP_PERIODS = [7, 30, 60, 365] as const;

/** What the user chose in the bar for a code (a period) or for the whole message (its date). */
export interface BarChoice {
  period?: number;
  sentAt?: number;
}

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => HTMLElementTagNameMap[K];

/** createElement + class + text (pages like Gmail enforce Trusted Types: no innerHTML). */
export const maker =
  (doc: Document): Make =>
  (tag, cls, text) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };

function button(make: Make, cls: string, text: string, onPick: () => void) {
  const b = make('button', cls, text);
  b.type = 'button';
  b.addEventListener('click', (e) => e.isTrusted && onPick());
  return b;
}

/** "Period: 7 days 30 days 60 days 365 days", one click each; the picked chip is pressed. */
export function periodChips(make: Make, { t, n }: BarSay, onPick: (days: number) => void): HTMLElement {
  const group = make('div', 'chips');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('Authorization period'));
  group.append(make('span', undefined, t('Period:')));
  for (const days of CHIP_PERIODS) {
    const chip = button(make, 'chip', n('{count} day', '{count} days', days), () => {
      for (const c of group.querySelectorAll('.chip')) c.setAttribute('aria-pressed', String(c === chip));
      onPick(days);
    });
    chip.setAttribute('aria-pressed', 'false');
    group.append(chip);
  }
  return group;
}

/**
 * The question when the message date is unknown: "Today" or a date. A picked day counts from its
 * start in the user's zone: the code was made that day at the latest, so its expiry is never later than the real one.
 */
export function dateQuestion(make: Make, { t }: BarSay, onAnswer: (sentAt: number) => void): HTMLElement {
  const ask = make('div', 'ask');
  const label = make('label', undefined, t('Date not found — when did this code arrive?'));
  const input = make('input');
  input.type = 'date';
  input.max = new Date().toLocaleDateString('sv');
  input.addEventListener('change', (e) => {
    const at = new Date(`${input.value}T00:00`).getTime();
    if (e.isTrusted && Number.isFinite(at)) onAnswer(at);
  });
  label.append(input);
  ask.append(
    label,
    button(make, 'today', t('Today'), () => {
      input.value = '';
      onAnswer(Date.now());
    }),
  );
  return ask;
}
