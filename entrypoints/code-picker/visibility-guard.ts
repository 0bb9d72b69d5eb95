/**
 * Clickjacking guard, from inside the frame: Chromium's IntersectionObserver v2 reports whether
 * the frame is really visible to the user (not covered, not transparent, not filtered or skewed,
 * in the parent page too). A fill is only accepted once the frame has been fully visible for a
 * moment, so a frame slid or faded under the pointer just before a click is refused.
 */

export const MIN_VISIBLE_MS = 500;

export interface VisibilityGuard {
  /** Why a fill must be refused now, or undefined when the user can truly see the list. */
  refusal(): string | undefined;
  stop(): void;
}

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

export function watchVisibility(target: Element, now: () => number = () => performance.now()): VisibilityGuard {
  const init = { threshold: [0, 0.5, 0.99, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
  let visible = false;
  let since = now();
  let supported = true;
  let observer: IntersectionObserver | undefined;
  try {
    observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1] as VisibilityEntry;
      if (entry.isVisible === undefined) supported = false;
      const next = (entry.isVisible ?? entry.isIntersecting) && entry.intersectionRatio >= 0.99;
      if (next !== visible) {
        visible = next;
        since = now();
      }
    }, init);
    observer.observe(target);
  } catch {
    supported = false;
  }
  return {
    refusal() {
      // Browsers without v2 (Firefox) rely on the page-side checks alone.
      if (!observer || (!supported && visible)) return undefined;
      if (!visible) return 'The page is hiding or covering this list, so it will not fill. Nothing was filled.';
      if (now() - since < MIN_VISIBLE_MS) return 'The list only just appeared under the pointer. Look it over and choose again.';
      return undefined;
    },
    stop: () => observer?.disconnect(),
  };
}
