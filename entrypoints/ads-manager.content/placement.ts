/**
 * Where the code list goes: next to the field, inside the viewport, and never over the dialog's
 * own buttons (Search, Confirm, Cancel). Pure geometry so it can be tested without a browser.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacementInput {
  anchor: Box;
  /** Preferred size; the height may shrink down to `minHeight` to fit (the list scrolls). */
  size: { width: number; height: number; minHeight: number; minWidth?: number };
  /** The dialog around the field: beside it, the list covers none of the dialog. */
  container?: Box;
  viewport: { width: number; height: number };
  /** Boxes that must stay visible and clickable. */
  avoid: Box[];
  gap?: number;
}

const EDGE = 8;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/**
 * Candidate boxes in order of preference: below the field, beside its dialog (left, then right),
 * above the field, then beside the field itself.
 */
function candidates({ anchor, size, viewport, container, gap = 6 }: PlacementInput): Box[] {
  const { width, height, minHeight } = size;
  const minWidth = Math.min(width, size.minWidth ?? width);
  const x = clamp(anchor.left, EDGE, viewport.width - width - EDGE);
  const below = anchor.top + anchor.height + gap;
  const roomBelow = viewport.height - below - EDGE;
  const roomAbove = anchor.top - gap - EDGE;
  const sideTop = clamp(anchor.top, EDGE, viewport.height - height - EDGE);
  const sideHeight = Math.min(height, viewport.height - sideTop - EDGE);
  const list: Box[] = [];
  if (roomBelow >= minHeight) list.push({ left: x, top: below, width, height: Math.min(height, roomBelow) });
  if (container) {
    const roomLeft = container.left - gap - EDGE;
    const roomRight = viewport.width - (container.left + container.width) - gap - EDGE;
    if (roomLeft >= minWidth) {
      const w = Math.min(width, roomLeft);
      list.push({ left: container.left - gap - w, top: sideTop, width: w, height: sideHeight });
    }
    if (roomRight >= minWidth) {
      list.push({ left: container.left + container.width + gap, top: sideTop, width: Math.min(width, roomRight), height: sideHeight });
    }
  }
  if (roomAbove >= minHeight) {
    const h = Math.min(height, roomAbove);
    list.push({ left: x, top: anchor.top - gap - h, width, height: h });
  }
  list.push({ left: anchor.left + anchor.width + gap, top: sideTop, width, height: sideHeight });
  list.push({ left: anchor.left - gap - width, top: sideTop, width, height: sideHeight });
  return list;
}

function inViewport(b: Box, viewport: PlacementInput['viewport']): boolean {
  return b.left >= 0 && b.top >= 0 && b.left + b.width <= viewport.width && b.top + b.height <= viewport.height && b.height > 0;
}

/**
 * The first candidate that covers neither the field nor any protected button; failing that,
 * the one that covers the least, so the list is always reachable.
 */
export function placeOverlay(input: PlacementInput): Box {
  const protectedBoxes = [input.anchor, ...input.avoid];
  let best: { box: Box; cost: number } | undefined;
  for (const box of candidates(input)) {
    if (!inViewport(box, input.viewport)) continue;
    const cost = protectedBoxes.reduce((sum, b) => sum + overlap(box, b), 0);
    if (cost === 0) return box;
    if (!best || cost < best.cost) best = { box, cost };
  }
  if (best) return best.box;
  // A viewport smaller than the list: pin it to the top-left corner rather than lose it.
  return { left: EDGE, top: EDGE, width: Math.min(input.size.width, input.viewport.width - 2 * EDGE), height: Math.max(input.size.minHeight, input.viewport.height - 2 * EDGE) };
}

export function toBox(r: DOMRect): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

export function sameBox(a: Box | undefined, b: Box, tolerance = 0.5): boolean {
  return (
    !!a &&
    Math.abs(a.left - b.left) <= tolerance &&
    Math.abs(a.top - b.top) <= tolerance &&
    Math.abs(a.width - b.width) <= tolerance &&
    Math.abs(a.height - b.height) <= tolerance
  );
}
