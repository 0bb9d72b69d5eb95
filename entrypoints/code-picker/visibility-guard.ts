/**
 * Clickjacking guard, from inside the frame: Chromium's IntersectionObserver v2 reports whether
 * the frame is really visible to the user (not covered, not transparent, not filtered or skewed,
 * in the parent page too). A fill is only accepted once the frame has been fully visible for a
 * moment, so a frame slid or faded under the pointer just before a click is refused.
 */

export const MIN_VISIBLE_MS = 500;

/** A refusal as the picker word that says it (the frame has its words only once the list came). */
export type GuardRefusal = 'pickerGuardHidden' | 'pickerGuardJustShown';

export interface VisibilityGuard {
  /**
   * Why a fill must be refused now, or undefined when the user can truly see the list. A key
   * press needs the list visible; a pointer click also needs it to have stayed visible a moment,
   * since a page can slide a frame under a pointer but not under a key.
   */
  refusal(via: 'pointer' | 'keyboard'): Promise<GuardRefusal | undefined>;
  /** The list moved on the page: start the visible-for-a-moment wait again. */
  restart(): void;
  stop(): void;
}

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/** `onArmed` reports when fills become acceptable (and stop being so): the page shows it as `data-armed`. */
export function watchVisibility(
  target: Element,
  onArmed: (armed: boolean) => void = () => {},
  now: () => number = () => performance.now(),
): VisibilityGuard {
  const init = { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
  let visible = false;
  let since = now();
  let supported = true;
  let observer: IntersectionObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rearm = () => {
    since = now();
    clearTimeout(timer);
    onArmed(false);
    if (visible) timer = setTimeout(() => onArmed(true), MIN_VISIBLE_MS);
  };
  try {
    observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1] as VisibilityEntry;
      if (entry.isVisible === undefined) supported = false;
      // Partly off-screen is checked by the page-side script, which knows the viewport.
      const next = entry.isVisible ?? entry.isIntersecting;
      if (next !== visible) {
        visible = next;
        rearm();
      }
    }, init);
    observer.observe(target);
  } catch {
    supported = false;
    onArmed(true);
  }
  return {
    async refusal(via) {
      // Browsers without v2 (Firefox) rely on the page-side checks alone.
      if (!observer || (!supported && visible)) return undefined;
      // The observer reports at most every 100 ms: a list shown a moment ago may not be reported yet.
      if (!visible) await new Promise((r) => setTimeout(r, 250));
      if (!visible) return 'pickerGuardHidden';
      if (via === 'pointer' && now() - since < MIN_VISIBLE_MS) return 'pickerGuardJustShown';
      return undefined;
    },
    restart: () => {
      if (observer && supported) rearm();
    },
    stop: () => {
      clearTimeout(timer);
      observer?.disconnect();
    },
  };
}
