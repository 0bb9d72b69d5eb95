/**
 * Light or dark Save bar, as the page around it is: Gmail's dark theme paints the page dark whatever the
 * system says, and a light Gmail stays light on a dark system. Where no page colour is found, the
 * system's prefers-color-scheme decides.
 */

/** Relative luminance of an rgb()/rgba() colour, or undefined when transparent or unreadable. */
export function luminance(color: string): number | undefined {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(color);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Sets data-theme on the host from the first painted background above it. */
export function applyPageTheme(host: HTMLElement): void {
  const view = host.ownerDocument.defaultView;
  if (!view) return;
  for (let el = host.parentElement; el; el = el.parentElement) {
    const l = luminance(view.getComputedStyle(el).backgroundColor);
    if (l === undefined) continue;
    host.dataset.theme = l < 0.2 ? 'dark' : 'light';
    return;
  }
  host.dataset.theme = view.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
