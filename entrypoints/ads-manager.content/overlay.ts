import { browser } from 'wxt/browser';
import { readFromPicker, type ToPicker } from '@/utils/picker-channel';
import { placeOverlay, sameBox, toBox, type Box } from './placement';
import type { TamperReason } from '@/utils/protocol';

/**
 * The code list's frame on the page: an extension-origin iframe in the top layer (a manual
 * popover) so TikTok's own stacking cannot bury it. The codes live in the frame, which is
 * cross-origin to the page, so page scripts cannot read it; the frame's address carries no
 * secret: the frame gets it from the background once this script vouched for the frame's hello
 * (utils/picker-channel.ts), and later messages carry it to the frame's exact origin. The shadow root is
 * open so assistive technology and automation can reach the list like any other frame.
 */

/** A field narrower than this still gets a list this wide (creator, expiry and Fill on one line). */
const MIN_WIDTH = 300;
/** A click on a frame that moved this recently is refused: it may have been slid under the pointer. */
const SETTLE_MS = 350;

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'inset: auto',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'background: transparent',
  'overflow: visible',
  'z-index: 2147483647',
  'display: block',
  'width: 0',
  'height: 0',
].join(';');

const FRAME_CSS = `
  iframe {
    display: block; width: 100%; height: 100%; border: 0; margin: 0; padding: 0;
    border-radius: 8px; background: #fff; color-scheme: light dark;
    box-shadow: 0 8px 24px rgba(22, 24, 35, 0.16), 0 1px 3px rgba(22, 24, 35, 0.12), 0 0 0 1px rgba(22, 24, 35, 0.1);
  }
  @media (prefers-color-scheme: dark) {
    iframe { background: #1f1f23; box-shadow: 0 12px 32px rgba(0, 0, 0, 0.5), 0 0 0 1px rgba(241, 241, 242, 0.14); }
  }
`;

export class PickerOverlay {
  readonly host: HTMLElement;
  readonly frame: HTMLIFrameElement;
  private placed?: Box;
  private lastMovedAt = 0;
  private lastMoveToldAt = 0;
  /** Until the frame measured itself: a header and three rows. */
  private height = 140;
  private minHeight = 140;
  private ready: Promise<void>;
  private readonly origin = new URL(browser.runtime.getURL('/')).origin;
  private readonly listening = new AbortController();

  /**
   * @param onHello called with the nonce our own frame hands up; a hello posted by anyone else
   * (the page, or a picker frame the page embedded itself) never reaches it.
   */
  constructor(
    private readonly token: string,
    onHello: (nonce: string) => void,
    /** What screen readers announce for the frame, in the user's language (from the background). */
    title = 'Ad Code Keeper: saved ad codes',
  ) {
    this.host = document.createElement('ad-code-keeper-picker');
    this.host.setAttribute('style', HOST_STYLE);
    this.host.setAttribute('popover', 'manual');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    this.frame = document.createElement('iframe');
    this.frame.title = title;
    this.frame.setAttribute('allow', '');
    this.frame.src = browser.runtime.getURL('/code-picker.html');
    root.append(style, this.frame);
    this.ready = new Promise((resolve) => this.frame.addEventListener('load', () => resolve(), { once: true }));
    document.documentElement.append(this.host);
    this.raise();
    window.addEventListener(
      'message',
      (e: MessageEvent) => {
        if (!this.frame.contentWindow || e.source !== this.frame.contentWindow || e.origin !== this.origin) return;
        const hello = readFromPicker(e.data);
        if (hello) onHello(hello.nonce);
      },
      { signal: this.listening.signal },
    );
  }

  get isOpen(): boolean {
    return this.host.isConnected && this.host.style.display !== 'none';
  }

  /** Puts the list above whatever joined the top layer since (TikTok dialogs, toasts). */
  raise() {
    try {
      if (this.host.matches(':popover-open')) this.host.hidePopover();
      this.host.showPopover();
    } catch {
      // No popover support: the fixed position and maximal z-index still apply.
    }
  }

  post(message: ToPicker) {
    // The exact target origin: if the page navigated the frame elsewhere, the message is dropped.
    void this.ready.then(() => this.frame.contentWindow?.postMessage(message, this.origin));
  }

  /** The list's full height, and the least worth showing (its header and three rows, or all rows when fewer). */
  setHeight(height: number, minHeight = height) {
    this.height = Math.max(40, height);
    this.minHeight = Math.max(40, Math.min(minHeight, this.height));
  }

  show() {
    this.host.style.display = 'block';
    this.raise();
  }

  hide() {
    this.host.style.display = 'none';
    this.placed = undefined;
  }

  remove() {
    this.listening.abort();
    this.host.remove();
  }

  /** Re-anchors to the field; cheap when nothing moved, so it can run every animation frame. */
  follow(anchor: Element, avoid: Element[], container?: Element) {
    if (!this.isOpen) return;
    const a = anchor.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const offscreen = a.bottom < 0 || a.top > vh || a.right < 0 || a.left > vw;
    this.host.style.visibility = offscreen ? 'hidden' : 'visible';
    const box = placeOverlay({
      anchor: toBox(a),
      size: { height: this.height, minHeight: this.minHeight, minWidth: MIN_WIDTH },
      container: container && toBox(container.getBoundingClientRect()),
      viewport: { width: vw, height: vh },
      avoid: avoid.map((el) => toBox(el.getBoundingClientRect())),
    });
    if (sameBox(this.placed, box)) return;
    if (!this.placed || Math.abs(this.placed.left - box.left) > 2 || Math.abs(this.placed.top - box.top) > 2) {
      this.lastMovedAt = performance.now();
      // The frame keeps its Fill buttons unclickable until the list has been still a moment;
      // telling it at most every 100 ms is enough, since it waits longer than SETTLE_MS.
      if (this.lastMovedAt - this.lastMoveToldAt > 100) {
        this.lastMoveToldAt = this.lastMovedAt;
        this.post({ type: 'moved', token: this.token });
      }
    }
    this.placed = box;
    Object.assign(this.host.style, {
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
  }

  /**
   * Why the list must not act right now, or undefined when it is shown as we drew it: fully
   * opaque, unfiltered, where we put it, settled, inside the viewport and not covered.
   */
  tamperReason(via: 'pointer' | 'keyboard'): TamperReason | undefined {
    if (!this.host.isConnected || !this.isOpen || !this.placed) return 'pickerTamperNotShown';
    if (via === 'pointer' && performance.now() - this.lastMovedAt < SETTLE_MS) return 'pickerTamperMoving';
    const rect = this.host.getBoundingClientRect();
    if (!sameBox(this.placed, toBox(rect), 1)) return 'pickerTamperMoved';
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    if (rect.left < 0 || rect.top < 0 || rect.right > vw || rect.bottom > vh) return 'pickerTamperOffscreen';
    for (const el of [this.frame as Element, ...ancestors(this.host)]) {
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible' || s.display === 'none') return 'pickerTamperHidden';
      if (Number(s.opacity) < 1) return 'pickerTamperTransparent';
      if (s.filter !== 'none' || s.mixBlendMode !== 'normal' || s.clipPath !== 'none' || (s.mask && s.mask !== 'none')) {
        return 'pickerTamperAltered';
      }
    }
    const inset = 6;
    const points: [number, number][] = [
      [rect.left + rect.width / 2, rect.top + rect.height / 2],
      [rect.left + inset, rect.top + inset],
      [rect.right - inset, rect.top + inset],
      [rect.left + inset, rect.bottom - inset],
      [rect.right - inset, rect.bottom - inset],
    ];
    for (const [x, y] of points) {
      if (document.elementFromPoint(x, y) !== this.host) return 'pickerTamperCovered';
    }
    return undefined;
  }
}

function ancestors(el: Element): Element[] {
  const list: Element[] = [];
  for (let n: Element | null = el; n; n = n.parentElement) list.push(n);
  return list;
}
