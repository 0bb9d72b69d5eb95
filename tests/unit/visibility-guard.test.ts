import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_VISIBLE_MS, watchVisibility } from '@/entrypoints/code-picker/visibility-guard';

let report: (entry: { isVisible?: boolean; isIntersecting: boolean }) => void;
let clock = 0;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(cb: (e: unknown[]) => void) {
        report = (entry) => cb([entry]);
      }
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const advance = (ms: number) => {
  clock += ms;
  vi.advanceTimersByTime(ms);
};

describe('picker visibility guard', () => {
  it('arms only after the list has been visible for a moment, and again after it moves', async () => {
    const armed = vi.fn();
    const guard = watchVisibility(document.body, armed, () => clock);
    report({ isVisible: true, isIntersecting: true });
    expect(armed).toHaveBeenLastCalledWith(false);
    expect(await guard.refusal('pointer')).toBe('pickerGuardJustShown');
    expect(await guard.refusal('keyboard')).toBeUndefined();
    advance(MIN_VISIBLE_MS);
    expect(armed).toHaveBeenLastCalledWith(true);
    expect(await guard.refusal('pointer')).toBeUndefined();

    guard.restart();
    expect(armed).toHaveBeenLastCalledWith(false);
    expect(await guard.refusal('pointer')).toBe('pickerGuardJustShown');
    advance(MIN_VISIBLE_MS);
    expect(armed).toHaveBeenLastCalledWith(true);
  });

  it('refuses every fill while the page covers the list', async () => {
    const guard = watchVisibility(
      document.body,
      () => {},
      () => clock,
    );
    report({ isVisible: false, isIntersecting: true });
    const pending = guard.refusal('keyboard');
    advance(300);
    expect(await pending).toBe('pickerGuardHidden');
  });
});
