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

  it('always stays on screen, and covers no protected box whenever some placement can avoid them (property)', () => {
    const arbBox = (maxW: number, maxH: number) =>
      fc.record({ left: fc.integer({ min: 0, max: 1200 }), top: fc.integer({ min: 0, max: 820 }), width: fc.integer({ min: 20, max: maxW }), height: fc.integer({ min: 20, max: maxH }) });
    fc.assert(
      fc.property(arbBox(600, 60), fc.array(arbBox(120, 40), { maxLength: 4 }), (anchor, avoid) => {
        const box = placeOverlay({ anchor, size, viewport, avoid });
        expect(inside(box)).toBe(true);
        expect(box.height).toBeGreaterThanOrEqual(size.minHeight);
        // If the plain spot below is free, it must have been taken.
        const top = anchor.top + anchor.height + 6;
        const below = { left: Math.max(8, Math.min(anchor.left, viewport.width - size.width - 8)), top, width: size.width, height: Math.min(size.height, viewport.height - top - 8) };
        if (below.height >= size.minHeight && ![anchor, ...avoid].some((b) => overlaps(below, b))) expect(box).toEqual(below);
      }),
    );
  });
});
