import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { saveSettings } from '@/utils/settings';
import type { AdCodeRecord } from '@/utils/code-record';
import { applyFilters, NO_FILTERS, sortRows, withState } from '@/entrypoints/dashboard/filters';
import { makeCode, record } from './dashboard-fixtures';

vi.mock('@/utils/protocol', () => ({ sendMessage: vi.fn(async () => undefined) }));

const { DashboardRoot, readFirstScreen } = await import('@/entrypoints/dashboard/App');

const DAY = 86_400_000;
const NOW = Date.now();
const COUNT = 120;

beforeAll(() => {
  // jsdom has no layout: give the virtualized table a viewport so rows render.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 1200, height: 800, top: 0, left: 0, right: 1200, bottom: 800, x: 0, y: 0, toJSON() {} } as DOMRect);
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
});

// Every fourth code archived (and expiring soonest, so a wrong range would show it), many sharing an expiry.
const vault: AdCodeRecord[] = Array.from({ length: COUNT }, (_, i) =>
  record({ code: makeCode(500 + i), creatorHandle: `@c${i}`, archived: i % 4 === 0 ? 1 : 0, expiresAt: NOW + (i % 4 === 0 ? -40 : (i % 30) - 10) * DAY, tags: [] }),
);

beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings({ timeZone: 'UTC', language: 'en', alertWindowDays: 3 });
  await codesDb().codes.clear();
  await codesDb().codes.bulkAdd(vault);
});
afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('dashboard table: first screen before the whole vault', () => {
  it('is exactly the top of the full table (no filter, soonest expiry first)', async () => {
    const all = withState(await codesDb().codes.toArray(), NOW, 3);
    const table = sortRows(applyFilters(all, NO_FILTERS), { key: 'expiresAt', dir: 'asc' });
    const first = await readFirstScreen();
    expect(first.length).toBe(50);
    expect(first.map((r) => r.id)).toEqual(table.slice(0, 50).map((r) => r.id));
  });

  it('gives way to every code: counts and "select all" cover the whole vault', async () => {
    history.replaceState(null, '', '/dashboard.html#view=table');
    const user = userEvent.setup();
    render(<DashboardRoot />);
    const shown = (COUNT * 3) / 4;
    await screen.findByText(`${shown} codes shown`);
    const table = screen.getByRole('table', { name: 'Table' });
    expect(table).toHaveAttribute('aria-rowcount', String(shown + 1));
    expect(table).not.toHaveAttribute('aria-busy');
    await user.click(within(table).getByRole('checkbox', { name: 'Select all shown codes' }));
    expect(screen.getByRole('toolbar', { name: `${shown} selected` })).toBeInTheDocument();
  });
});
