/**
 * Shows the user which code in the mail a Save-bar row is about. A CSS Custom Highlight paints the
 * code's characters without touching the page's DOM (Gmail re-renders and diffs its own nodes, so
 * wrapping text in a <mark> could break it); where the API is missing, an outline on the element
 * holding the code, put back as it was afterwards.
 */

const NAME = 'ad-code-keeper';

type Win = Window & { Highlight?: new (...ranges: Range[]) => unknown; CSS?: { highlights?: Map<string, unknown> } };

export interface Highlighter {
  /** Highlights (and scrolls to) the range; undefined clears. */
  show(range: Range | undefined): void;
}

export function createHighlighter(doc: Document): Highlighter {
  const win = doc.defaultView as Win | null;
  const registry = win?.Highlight && win.CSS?.highlights;
  let styled = false;
  let outlined: [HTMLElement, string] | undefined;

  return {
    show(range) {
      registry?.delete(NAME);
      if (outlined) outlined[0].style.outline = outlined[1];
      outlined = undefined;
      const holder = range?.startContainer.parentElement;
      if (!range || !holder) return;
      if (registry) {
        // Browsers with highlights have constructed sheets: no inline <style>, which a page's CSP may refuse.
        if (!styled) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(`::highlight(${NAME}){background-color:#fde047;color:#111827}`);
          doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
          styled = true;
        }
        registry.set(NAME, new win!.Highlight!(range));
      } else {
        outlined = [holder, holder.style.outline];
        holder.style.outline = '2px solid #f59e0b';
      }
      // Only when it is out of sight: a hover must not jolt a page the user is reading.
      holder.scrollIntoView?.({ block: 'nearest' });
    },
  };
}
