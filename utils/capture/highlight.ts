/**
 * Shows the user which code in the mail a Save-bar row is about. A CSS Custom Highlight paints the
 * code's characters without touching the page's DOM (Gmail re-renders and diffs its own nodes, so
 * wrapping text in a <mark> could break it); where the API is missing, an outline on the element
 * holding the code, put back as it was afterwards.
 */

const NAME = 'ad-code-keeper';
const RULE = `::highlight(${NAME}) { background-color: #fde047; color: #111827; }`;

type HighlightRegistry = Map<string, unknown>;
type HighlightCtor = new (...ranges: Range[]) => unknown;

export interface Highlighter {
  /** Highlights (and scrolls to) the range; undefined clears. */
  show(range: Range | undefined): void;
}

export function createHighlighter(doc: Document): Highlighter {
  const win = doc.defaultView as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } }) | null;
  const registry = win?.CSS?.highlights;
  const Highlight = win?.Highlight;
  let styled = false;
  let outlined: { el: HTMLElement; outline: string; offset: string } | undefined;

  // A constructed sheet needs no inline <style>, which a page's CSP may refuse.
  const ensureRule = () => {
    if (styled || !win) return;
    styled = true;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(RULE);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      // No constructed sheets: the outline below still shows the code.
      styled = false;
    }
  };

  const clear = () => {
    registry?.delete(NAME);
    if (outlined) {
      outlined.el.style.outline = outlined.outline;
      outlined.el.style.outlineOffset = outlined.offset;
      outlined = undefined;
    }
  };

  return {
    show(range) {
      clear();
      if (!range) return;
      const holder = (range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement) as HTMLElement | null;
      ensureRule();
      if (registry && Highlight && styled) registry.set(NAME, new Highlight(range));
      else if (holder) {
        outlined = { el: holder, outline: holder.style.outline, offset: holder.style.outlineOffset };
        holder.style.outline = '2px solid #f59e0b';
        holder.style.outlineOffset = '2px';
      }
      // Only when it is out of sight: a hover must not jolt a page the user is reading.
      holder?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    },
  };
}
