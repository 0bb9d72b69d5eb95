/**
 * The small key button drawn inside the code field's right edge, to open the code list again
 * after it was closed. Open shadow root: it reveals nothing, and assistive technology and tests
 * reach it like any page control.
 */

const SIZE = 26;

const BUTTON_CSS = `
  button {
    all: initial; box-sizing: border-box; width: ${SIZE}px; height: ${SIZE}px; border-radius: 6px;
    display: grid; place-items: center; cursor: pointer; background: #fff;
    border: 1px solid rgba(22, 24, 35, 0.12); box-shadow: 0 1px 2px rgba(22, 24, 35, 0.08);
    transition: background-color 120ms ease, border-color 120ms ease;
  }
  button:hover { background: #fff1f4; border-color: rgba(254, 44, 85, 0.45); }
  button:focus-visible { outline: 2px solid #fe2c55; outline-offset: 2px; }
  button[aria-expanded="true"] { background: #fe2c55; border-color: #fe2c55; }
  button[aria-expanded="true"] svg { color: #fff; }
  svg { width: 16px; height: 16px; color: #fe2c55; display: block; }
  @media (prefers-color-scheme: dark) {
    button { background: #2a2a30; border-color: rgba(241, 241, 242, 0.18); }
    button:hover { background: #3a1c24; }
  }
`;

/** A key icon, built node by node: pages with Trusted Types refuse HTML strings. */
function keyIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const attrs = {
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2.2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
  };
  for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
  const circle = document.createElementNS(ns, 'circle');
  circle.setAttribute('cx', '8');
  circle.setAttribute('cy', '15');
  circle.setAttribute('r', '4');
  svg.append(circle);
  for (const d of ['M10.85 12.15 19 4', 'm18 5 2 2', 'm15 8 2 2']) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** The button's words, as the background's registration answer carries them. */
export interface ButtonWords {
  buttonLabel?: string;
  buttonTitle?: string;
}

export class FieldButton {
  readonly host: HTMLElement;
  readonly button: HTMLButtonElement;

  constructor(onActivate: () => void, words: ButtonWords = {}) {
    this.host = document.createElement('ad-code-keeper-button');
    this.host.setAttribute(
      'style',
      'all: initial; position: fixed; z-index: 2147483646; display: block; inset: auto; margin: 0; padding: 0; border: 0; overflow: visible; background: transparent',
    );
    this.host.setAttribute('popover', 'manual');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = BUTTON_CSS;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.setAttribute('aria-haspopup', 'dialog');
    this.button.setAttribute('aria-expanded', 'false');
    this.relabel(words);
    this.button.append(keyIcon());
    this.button.addEventListener('click', (e) => {
      if (e.isTrusted) onActivate();
    });
    // Keep focus in the field when the button is pressed with the mouse.
    this.button.addEventListener('mousedown', (e) => e.preventDefault());
    root.append(style, this.button);
    document.documentElement.append(this.host);
    try {
      this.host.showPopover();
    } catch {
      // Without popover support the fixed position still works.
    }
  }

  /** The user's language once the background sent it; English until then (this script carries no catalog). */
  relabel(words: ButtonWords) {
    this.button.setAttribute('aria-label', words.buttonLabel || 'Show saved ad codes (Ad Code Keeper)');
    this.button.title = words.buttonTitle || 'Saved ad codes';
  }

  setExpanded(open: boolean) {
    this.button.setAttribute('aria-expanded', String(open));
  }

  /** Sits inside the field's right edge, vertically centred; hidden while the field is off-screen. */
  follow(field: Element) {
    const r = field.getBoundingClientRect();
    const vh = document.documentElement.clientHeight;
    const visible = r.width > 0 && r.bottom > 0 && r.top < vh;
    const top = field instanceof HTMLTextAreaElement ? r.top + 6 : r.top + (r.height - SIZE) / 2;
    Object.assign(this.host.style, {
      visibility: visible ? 'visible' : 'hidden',
      left: `${r.right - SIZE - 8}px`,
      top: `${top}px`,
    });
  }

  remove() {
    this.host.remove();
  }
}
