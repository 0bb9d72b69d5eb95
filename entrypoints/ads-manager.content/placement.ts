/**
 * Where the code list goes, the way password managers place their inline menus: right below the
 * field and as wide as it, above only when below has no room for a few rows, inside the viewport
 * (and the dialog's width when it can), and never over the field itself. Pure geometry so it can
 * be tested without a browser.
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlacementInput {
  anchor: Box;
  /**
   * `height`: the list's full height (no scrolling); `minHeight`: its header with three rows (or all of
   * them when there are fewer), the least worth showing; `minWidth`: narrower fields still get this much.
   */
  size: { height: number; minHeight: number; minWidth: number; maxWidth?: number };
  /** The dialog around the field: the list stays within its width when it is wide enough. */
  container?: Box;
  viewport: { width: number; height: number };
  /** Buttons the list stops short of when it can do so and still show `minHeight` (TikTok's Confirm/Cancel). */
  avoid?: Box[];
  gap?: number;
}

/** Distance kept from the viewport's edges. */
export const EDGE = 8;
const GAP = 4;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

function horizontal({ anchor, size, container, viewport }: PlacementInput): { left: number; width: number } {
  const room = Math.max(0, viewport.width - 2 * EDGE);
  const width = Math.min(room, Math.max(anchor.width, size.minWidth), size.maxWidth ?? Infinity);
  let left = anchor.left;
  // Inside the dialog's width when the dialog is wide enough for the list.
  if (container && width <= container.width) left = clamp(left, container.left, container.left + container.width - width);
  return { left: clamp(left, EDGE, viewport.width - EDGE - width), width };
}

const spansX = (a: { left: number; width: number }, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width;

/** The tallest height up to `room` that stops before the avoided boxes it would reach, if `need` still fits. */
function stopShort(room: number, distance: (b: Box) => number, input: PlacementInput, x: { left: number; width: number }, need: number) {
  let height = room;
  for (const b of input.avoid ?? []) {
    if (!spansX(x, b)) continue;
    const d = distance(b);
    if (d >= need && d < height) height = d;
  }
  return height;
}

export function placeOverlay(input: PlacementInput): Box {
  const { anchor, size, viewport } = input;
  const gap = input.gap ?? GAP;
  const x = horizontal(input);
  const need = Math.min(size.height, size.minHeight);
  const belowTop = anchor.top + anchor.height + gap;
  const roomBelow = Math.max(0, viewport.height - EDGE - belowTop);
  const aboveBottom = anchor.top - gap;
  const roomAbove = Math.max(0, aboveBottom - EDGE);
  const below = (): Box => {
    const room = Math.min(size.height, roomBelow);
    const height = stopShort(room, (b) => b.top - gap - belowTop, input, x, need);
    return { ...x, top: belowTop, height };
  };
  const above = (): Box => {
    const room = Math.min(size.height, roomAbove);
    const height = stopShort(room, (b) => aboveBottom - gap - (b.top + b.height), input, x, need);
    return { ...x, top: aboveBottom - height, height };
  };
  if (roomBelow >= need) return below();
  if (roomAbove >= need) return above();
  // Neither side has room for three rows (a tiny window, or very high zoom): the roomier side, scrolling.
  return roomBelow >= roomAbove ? below() : above();
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
