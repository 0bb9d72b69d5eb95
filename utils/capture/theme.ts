/**
 * Light or dark Save bar, as the page around it is: Gmail's dark theme paints the page dark whatever the
 * system says, and a light Gmail stays light on a dark system. Where no page colour is found, the
 * system's prefers-color-scheme decides.
 */

/** Lightness 0–1 of an rgb()/rgba() colour (perceived, not exact), or undefined when transparent or unreadable. */
export function luminance(color: string): number | undefined {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?/.exec(color);
  if (!m || Number(m[4] ?? 1) < 0.5) return undefined;
  return (0.299 * Number(m[1]) + 0.587 * Number(m[2]) + 0.114 * Number(m[3])) / 255;
}

/** Sets data-theme on the host from the first painted background above it. */
export function applyPageTheme(host: HTMLElement): void {
  const view = host.ownerDocument.defaultView;
  if (!view) return;
  for (let el = host.parentElement; el; el = el.parentElement) {
    const l = luminance(view.getComputedStyle(el).backgroundColor);
    if (l === undefined) continue;
    host.dataset.theme = l < 0.45 ? 'dark' : 'light';
    return;
  }
  host.dataset.theme = view.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
