/** Selector lists are tried in order: the first is today's layout, the rest are fallbacks. */
export function firstMatch<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const s of selectors) {
    const el = query(() => root.querySelector<T & Element>(s));
    if (el) return el;
  }
  return null;
}

/** A selector this browser cannot parse (say, :has() in an old engine) counts as no match. */
function query<R>(run: () => R): R | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/** Whether `el` is inside an element matching any of `selectors` (a quote, say). */
export function within(selectors: readonly string[]): (el: Element) => boolean {
  const any = selectors.join(',');
  return (el) => !!query(() => el.closest(any));
}

/** All elements matching the first selector that matches anything. */
export function allMatches<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T[] {
  for (const s of selectors) {
    const found = query(() => root.querySelectorAll<T & Element>(s));
    if (found?.length) return [...found];
  }
  return [];
}

export function cleanText(s: string | null | undefined, max = 300): string | undefined {
  const t = (s ?? '').replace(/[\s\u200e\u200f\u202a-\u202e]+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

/** A TikTok handle as the background accepts it, or undefined. */
export function toHandle(raw: string | null | undefined): string | undefined {
  const m = /^@?([A-Za-z0-9._]{1,64})$/.exec((raw ?? '').trim().replace(/^\/|\/$/g, ''));
  return m ? `@${m[1].toLowerCase().replace(/\.+$/, '')}` : undefined;
}

/** Marks our own elements, so observers and text readers skip them. */
export const HOST_ATTR = 'data-ad-code-keeper';
