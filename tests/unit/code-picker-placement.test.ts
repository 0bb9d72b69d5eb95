import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDGE, placeOverlay, type Box, type PlacementInput } from '@/entrypoints/ads-manager.content/placement';

// Header 32 px + three 34 px rows: the least worth showing; the full list wants more.
const size = { height: 300, minHeight: 32 + 3 * 34, minWidth: 300 };
const overlaps = (a: Box, b: Box) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const insideOf = (viewport: PlacementInput['viewport']) => (b: Box) =>
  b.left >= 0 && b.top >= 0 && b.left + b.width <= viewport.width && b.top + b.height <= viewport.height;

describe('placeOverlay', () => {
  const viewport = { width: 1280, height: 720 };

  it('goes right below the field, exactly as wide as it, when there is room', () => {
    const anchor = { left: 377, top: 312, width: 416, height: 36 };
    expect(placeOverlay({ anchor, size, viewport })).toEqual({ left: 377, top: 352, width: 416, height: 300 });
  });

  it('at 200 % zoom (a 640×360 CSS viewport) stays below the field with three rows, not above it over the title', () => {
    const vp = { width: 625, height: 360 };
    const anchor = { left: 57, top: 132, width: 416, height: 36 };
    const box = placeOverlay({ anchor, size, viewport: vp });
    expect(box.top).toBe(172);
    expect(box.height).toBe(360 - EDGE - 172);
    expect(box.height).toBeGreaterThanOrEqual(size.minHeight);
  });

  it('goes above only when below cannot show three rows', () => {
    const anchor = { left: 100, top: 600, width: 400, height: 36 };
    const box = placeOverlay({ anchor, size, viewport });
    expect(box.top + box.height).toBeLessThanOrEqual(anchor.top);
    expect(box.height).toBe(300);
  });

  it('a short list (two codes) needs only its own height below', () => {
    const anchor = { left: 100, top: 560, width: 400, height: 36 };
    const short = { ...size, height: 32 + 2 * 34 };
    expect(placeOverlay({ anchor, size: short, viewport }).top).toBe(600);
  });

  it('stays inside the dialog’s width, and a narrow field still gets a usable width', () => {
    const dialog = { left: 300, top: 100, width: 500, height: 400 };
    const anchor = { left: 600, top: 200, width: 180, height: 32 };
    const box = placeOverlay({ anchor, size, viewport, container: dialog });
    expect(box.width).toBe(300);
    expect(box.left + box.width).toBeLessThanOrEqual(dialog.left + dialog.width);
  });

  it('stops short of TikTok’s Confirm button when three rows still fit above it', () => {
    const anchor = { left: 377, top: 200, width: 416, height: 36 };
    const confirm = { left: 700, top: 420, width: 96, height: 36 };
    const box = placeOverlay({ anchor, size, viewport, avoid: [confirm] });
    expect(overlaps(box, confirm)).toBe(false);
    expect(box.height).toBeGreaterThanOrEqual(size.minHeight);
  });

  it('in any window and any field position: on screen, never over the field, below when it fits, ≥ 3 rows when a side has room (property)', () => {
    let belowCases = 0;
    let aboveCases = 0;
    fc.assert(
      fc.property(
        fc.record({ width: fc.integer({ min: 320, max: 1920 }), height: fc.integer({ min: 240, max: 1200 }) }),
        fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.integer({ min: 60, max: 900 }), h: fc.integer({ min: 24, max: 120 }) }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.record({ left: fc.integer({ min: 0, max: 1900 }), top: fc.integer({ min: 0, max: 1200 }), width: fc.integer({ min: 20, max: 200 }), height: fc.integer({ min: 20, max: 60 }) }), { maxLength: 3 }),
        (vp, f, rows, avoid) => {
          const w = Math.min(f.w, vp.width - 2 * EDGE);
          const anchor = { left: Math.round(f.x * (vp.width - w)), top: Math.round(f.y * (vp.height - f.h)), width: w, height: f.h };
          const listSize = { ...size, height: 32 + rows * 34, minHeight: 32 + Math.min(rows, 3) * 34 };
          const box = placeOverlay({ anchor, size: listSize, viewport: vp, avoid });
          expect(insideOf(vp)(box)).toBe(true);
          expect(overlaps(box, anchor)).toBe(false);
          expect(box.width).toBeGreaterThanOrEqual(Math.min(anchor.width, vp.width - 2 * EDGE));
          const roomBelow = vp.height - EDGE - (anchor.top + anchor.height + 4);
          const roomAbove = anchor.top - 4 - EDGE;
          if (roomBelow >= listSize.minHeight) {
            belowCases++;
            expect(box.top).toBeGreaterThan(anchor.top);
          } else if (roomAbove >= listSize.minHeight) {
            aboveCases++;
            expect(box.top + box.height).toBeLessThanOrEqual(anchor.top);
          }
          if (Math.max(roomBelow, roomAbove) >= listSize.minHeight) expect(box.height).toBeGreaterThanOrEqual(listSize.minHeight);
        },
      ),
      { numRuns: 800 },
    );
    // Both branches must be reached, or the checks above prove nothing.
    expect(belowCases).toBeGreaterThan(100);
    expect(aboveCases).toBeGreaterThan(50);
  });
});
