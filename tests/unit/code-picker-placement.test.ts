import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeOverlay, type Box } from '@/entrypoints/ads-manager.content/placement';

const viewport = { width: 1280, height: 860 };
const size = { width: 380, height: 300, minHeight: 150, minWidth: 320 };
const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const inside = (b: Box) => b.left >= 0 && b.top >= 0 && b.left + b.width <= viewport.width && b.top + b.height <= viewport.height;

describe('placeOverlay', () => {
  it('goes right below a field when nothing is in the way', () => {
    const anchor = { left: 100, top: 200, width: 400, height: 36 };
    expect(placeOverlay({ anchor, size, viewport, avoid: [] })).toEqual({ left: 100, top: 242, width: 380, height: 300 });
  });

  it("moves beside the dialog rather than over TikTok's Search/Confirm/Cancel buttons", () => {
    // The classic dialog at 1280×860: field at the top, footer buttons just under it.
    const dialog = { left: 353, top: 297, width: 560, height: 267 };
    const anchor = { left: 377, top: 382, width: 415, height: 36 };
    const avoid = [
      { left: 800, top: 382, width: 89, height: 36 },
      { left: 698, top: 508, width: 87, height: 36 },
      { left: 793, top: 508, width: 96, height: 36 },
    ];
    const box = placeOverlay({ anchor, size, viewport, avoid, container: dialog });
    for (const b of [anchor, ...avoid, dialog]) expect(overlaps(box, b)).toBe(false);
    expect(box.top).toBe(anchor.top);
  });

  it('goes above the field when the field sits low on the screen', () => {
    const anchor = { left: 100, top: 780, width: 400, height: 36 };
    const box = placeOverlay({ anchor, size, viewport, avoid: [] });
    expect(box.top + box.height).toBeLessThanOrEqual(anchor.top);
  });

  /**
   * The spots the list may take, as promised in placement.ts: below the field, beside its dialog, above the
   * field, beside the field; each on screen with room for at least the minimum size (6 px gap, 8 px edge).
   */
  const fieldLeft = (anchor: Box) => Math.max(8, Math.min(anchor.left, viewport.width - size.width - 8));
  const belowSpot = (anchor: Box): Box => {
    const top = anchor.top + anchor.height + 6;
    return { left: fieldLeft(anchor), top, width: size.width, height: Math.min(size.height, viewport.height - top - 8) };
  };
  const usable = (b: Box) => inside(b) && b.height >= size.minHeight;

  function promisedSpots(anchor: Box, container?: Box): Box[] {
    const { width, height, minWidth } = size;
    const left = fieldLeft(anchor);
    const aboveHeight = Math.min(height, anchor.top - 6 - 8);
    const sideTop = Math.max(8, Math.min(anchor.top, viewport.height - height - 8));
    const side = { top: sideTop, height: Math.min(height, viewport.height - sideTop - 8) };
    const spots: Box[] = [
      belowSpot(anchor),
      { left, top: anchor.top - 6 - aboveHeight, width, height: aboveHeight },
      { left: anchor.left + anchor.width + 6, width, ...side },
      { left: anchor.left - 6 - width, width, ...side },
    ];
    if (container) {
      const leftWidth = Math.min(width, container.left - 6 - 8);
      const rightWidth = Math.min(width, viewport.width - (container.left + container.width) - 6 - 8);
      if (leftWidth >= minWidth) spots.push({ left: container.left - 6 - leftWidth, width: leftWidth, ...side });
      if (rightWidth >= minWidth) spots.push({ left: container.left + container.width + 6, width: rightWidth, ...side });
    }
    return spots.filter(usable);
  }

  it('always stays on screen, and covers no protected box whenever some placement can avoid them (property)', () => {
    const arbBox = (maxW: number, maxH: number) =>
      fc.record({ left: fc.integer({ min: 0, max: 1200 }), top: fc.integer({ min: 0, max: 820 }), width: fc.integer({ min: 20, max: maxW }), height: fc.integer({ min: 20, max: maxH }) });
    let avoidable = 0;
    let belowFree = 0;
    fc.assert(
      fc.property(arbBox(600, 60), fc.array(arbBox(400, 120), { maxLength: 5 }), fc.option(arbBox(700, 400), { nil: undefined }), (anchor, avoid, container) => {
        const box = placeOverlay({ anchor, size, viewport, avoid, container });
        expect(inside(box)).toBe(true);
        expect(box.height).toBeGreaterThanOrEqual(size.minHeight);
        const protectedBoxes = [anchor, ...avoid];
        const free = promisedSpots(anchor, container).filter((spot) => !protectedBoxes.some((b) => overlaps(spot, b)));
        if (free.length) {
          avoidable++;
          // Some placement avoids them all: the one chosen covers none of them.
          expect(protectedBoxes.filter((b) => overlaps(box, b))).toEqual([]);
        }
        // The plain spot below is preferred: if it is free, it must have been taken.
        const below = belowSpot(anchor);
        if (usable(below) && !protectedBoxes.some((b) => overlaps(below, b))) {
          belowFree++;
          expect(box).toEqual(below);
        }
      }),
      { numRuns: 600 },
    );
    // The generator must reach both kinds of case, or the checks above prove nothing.
    expect(avoidable).toBeGreaterThan(100);
    expect(belowFree).toBeGreaterThan(50);
  });
});
