import type { DetectedField } from '@/utils/sites/ads-manager';

/** The dialog's visible panel: the role="dialog" element, or its first child when it is a full-screen mask. */
export function dialogPanel(hit: DetectedField): Element | undefined {
  const d = hit.dialog;
  if (!d) return undefined;
  const r = d.getBoundingClientRect();
  const fullScreen = r.width >= document.documentElement.clientWidth - 2 && r.height >= document.documentElement.clientHeight - 2;
  if (!fullScreen) return d;
  // A mask that fills the screen: the panel is the ancestor of the field just below it.
  let panel: Element = hit.field;
  while (panel.parentElement && panel.parentElement !== d) panel = panel.parentElement;
  return panel;
}
