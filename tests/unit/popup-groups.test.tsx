// The popup at 40+ codes (issue 15 item 6): groups, focus, one-key undo, named buttons, edited rows that stay put,
// multi-select for "Apply to ad accounts…", and the first paint from the background's snapshot.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { computeExpiry } from '@/utils/expiry';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/settings';
import { apiCredentialsItem } from '@/utils/api-settings';
import { dayKey, resolveZone } from '@/utils/i18n/dates';
import { shortCode } from '@/components/CodeRow';
import { makePopupSnapshot, popupSnapshotItem } from '@/utils/popup-snapshot';
import { loadPopupView } from '@/utils/vault/queries';
import { applyUrl } from '@/entrypoints/popup/groups';
import { makeCode, record } from './dashboard-fixtures';

const sent: string[] = [];
/** While set, popupView answers wait for it: the snapshot is what the popup shows meanwhile. */
let holdReads: Promise<void> | undefined;
vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push(type);
    // Answered as the background does: the payload through its schema, then the real handler.
    const { messageSchemas } = await import('@/utils/protocol-schemas');
    const { codeHandlers } = await import('@/entrypoints/background/code-handlers');
    if (type === 'popupView') await holdReads;
    const handler = (codeHandlers(codesDb(), () => {}) as Record<string, (d: unknown, s: unknown) => unknown>)[type];
    if (!handler) throw new Error(`the popup sent ${type}`);
    return handler(messageSchemas[type as keyof typeof messageSchemas].data.parse(data), {});
  }),
}));
const { App, UNDO_MS } = await import('@/entrypoints/popup/App');
const { UndoToast } = await import('@/components/UndoToast');
const { deliverVaultChanges } = await import('./popup-background');
await import('@/entrypoints/background/code-handlers');

const DAY = 86_400_000;
const NOW = Date.now();
const READY_API = { enabled: true, accessToken: 'mocktoken0123456789abcdef', advertiserId: '7012345678901234567' };

/** A code received `ago` days ago with a 30-day period, so its expiry follows from the period. */
function code(seed: number, creatorHandle: string, daysLeft: number, used = false) {
  const receivedAt = NOW + (daysLeft - 30) * DAY + 60_000;
  return record({
    code: makeCode(seed),
    creatorHandle,
    receivedAt,
    periodDays: 30,
    expiresAt: computeExpiry(receivedAt, 30),
    status: used ? 'used' : 'unused',
    uses: used ? [{ at: NOW - DAY }] : [],
  });
}

let stop: () => void;
beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  holdReads = undefined;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en', alertWindowDays: 3 } as typeof DEFAULT_SETTINGS);
  await codesDb().codes.clear();
  await codesDb().codes.bulkAdd([
    code(1, '@soon.creator', 2),
    code(2, '@maya.creates', 20),
    code(3, '@leo.lifts', 25),
    code(4, '@used.one', 22, true),
    code(5, '@old.creator', -2),
  ]);
  stop = deliverVaultChanges();
});
afterEach(() => {
  stop();
  cleanup();
  vi.useRealTimers();
});

const creators = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.getAttribute('aria-label')!.split(',')[0]);

describe('groups', () => {
  it('shows Expiring, Ready, Used and Expired in that order, each with its heading and count', async () => {
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Expiring 1', 'Ready 2', 'Used 1', 'Expired 1']);
    expect(creators(screen.getByRole('list', { name: 'Codes expiring soon' }))).toEqual(['@soon.creator']);
    expect(creators(ready)).toEqual(['@maya.creates', '@leo.lifts']);
    expect(creators(screen.getByRole('list', { name: 'Used codes' }))).toEqual(['@used.one']);
    expect(creators(screen.getByRole('list', { name: 'Expired codes' }))).toEqual(['@old.creator']);
  });

  it('counts the whole vault, not only the rows shown', async () => {
    await codesDb().codes.bulkAdd(Array.from({ length: 60 }, (_, i) => code(100 + i, `@bulk${i}`, 40 + i)));
    render(<App />);
    await screen.findByRole('list', { name: 'Ready codes' });
    expect(screen.getByRole('heading', { name: 'Ready 62' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Show more \(14 not shown\)/ })).toBeInTheDocument();
  });
});

describe('keyboard', () => {
  it('focuses the search box when the popup opens', async () => {
    render(<App />);
    const search = await screen.findByRole('searchbox', { name: 'Search codes' });
    await waitFor(() => expect(search).toHaveFocus());
  });

  it('after Delete, focus is on the next row; Ctrl+Z brings the code back', async () => {
    const user = userEvent.setup();
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    const maya = within(ready).getByRole('listitem', { name: /^@maya.creates, / });
    await user.click(within(maya).getByRole('button', { name: /^Delete code @maya.creates / }));
    await screen.findByText('Deleted @maya.creates.');
    const leo = within(ready).getByRole('listitem', { name: /^@leo.lifts, / });
    expect(within(leo).getByRole('button', { expanded: false })).toHaveFocus();
    await waitFor(() => expect(creators(ready)).toEqual(['@leo.lifts']));
    expect(within(leo).getByRole('button', { expanded: false })).toHaveFocus();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(creators(screen.getByRole('list', { name: 'Ready codes' }))).toEqual(['@maya.creates', '@leo.lifts']));
    expect(sent).toContain('restoreDeleted');
    expect(screen.queryByText('Deleted @maya.creates.')).toBeNull();
  });

  it('deleting the last row moves focus to the one before', async () => {
    const user = userEvent.setup();
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    await screen.findByRole('list', { name: 'Expired codes' });
    const old = within(screen.getByRole('list', { name: 'Expired codes' })).getByRole('listitem');
    await user.click(within(old).getByRole('button', { name: /^Delete code @old.creator / }));
    const used = within(screen.getByRole('list', { name: 'Used codes' })).getByRole('listitem');
    expect(within(used).getByRole('button', { expanded: false })).toHaveFocus();
    expect(ready).toBeInTheDocument();
  });

  it('Ctrl+Z in a search box with text is the box\'s own undo, not the popup\'s', async () => {
    const user = userEvent.setup();
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    await user.click(within(ready).getByRole('button', { name: /^Delete code @leo.lifts / }));
    await screen.findByText('Deleted @leo.lifts.');
    await user.type(screen.getByRole('searchbox', { name: 'Search codes' }), 'ma');
    await user.keyboard('{Control>}z{/Control}');
    expect(screen.getByText('Deleted @leo.lifts.')).toBeInTheDocument();
    expect(sent).not.toContain('restoreDeleted');
  });

  it('the undo toast is announced, offers Ctrl+Z and can be dismissed', async () => {
    const user = userEvent.setup();
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    await user.click(within(ready).getByRole('button', { name: /^Delete code @leo.lifts / }));
    const status = (await screen.findByText('Deleted @leo.lifts.')).closest<HTMLElement>('[role="status"]')!;
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(within(status).getByRole('button', { name: 'Undo' })).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
    expect(status).toHaveTextContent('Ctrl+Z');
    await user.click(within(status).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Deleted @leo.lifts.')).toBeNull();
    expect(sent).not.toContain('restoreDeleted');
  });

  it('the popup\'s undo toast stays at least 15 s', async () => {
    // The toast on its own with the popup's duration (fake timers and the test vault do not mix).
    vi.useFakeTimers();
    const done = vi.fn();
    render(<UndoToast state={{ message: 'Deleted @leo.lifts.', undo: () => {} }} onDone={done} timeoutMs={UNDO_MS} />);
    act(() => vi.advanceTimersByTime(15_000));
    expect(done).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(UNDO_MS - 15_000));
    expect(done).toHaveBeenCalledOnce();
  });
});

describe('names and edits', () => {
  it('every row button names the creator and the short code', async () => {
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    const maya = within(ready).getByRole('listitem', { name: /^@maya.creates, / });
    const short = shortCode(makeCode(2), 3);
    expect(short).toMatch(/^#\S{3}…\S{3}$/);
    expect(within(maya).getByRole('button', { name: `Mark used: @maya.creates ${short}` })).toBeInTheDocument();
    expect(within(maya).getByRole('button', { name: `Copy code @maya.creates ${short}` })).toBeInTheDocument();
    expect(within(maya).getByRole('button', { name: `Delete code @maya.creates ${short}` })).toBeInTheDocument();
    const used = within(screen.getByRole('list', { name: 'Used codes' })).getByRole('listitem');
    expect(within(used).getByRole('button', { name: `Used, mark unused: @used.one ${shortCode(makeCode(4), 3)}` })).toBeInTheDocument();
  });

  it('editing an expiry keeps the row where it was, open, and the period says "custom expiry"', async () => {
    const user = userEvent.setup();
    render(<App />);
    const ready = await screen.findByRole('list', { name: 'Ready codes' });
    const maya = within(ready).getByRole('listitem', { name: /^@maya.creates, / });
    await user.click(within(maya).getByRole('button', { expanded: false }));
    expect(within(maya).getByRole('combobox', { name: 'Authorization period' })).toHaveDisplayValue('30 days');
    // 75 days from now: sorted by expiry it would go after @leo.lifts (25 days).
    fireEvent.change(within(maya).getByLabelText('Expiry date'), { target: { value: dayKey(NOW + 75 * DAY, resolveZone('local')) } });
    await waitFor(() => expect(maya).toHaveTextContent(/expires in 7[45] days/));
    expect(creators(ready)).toEqual(['@maya.creates', '@leo.lifts']);
    expect(within(maya).getByRole('button', { expanded: true })).toBeInTheDocument();
    expect(within(maya).getByRole('combobox', { name: 'Authorization period' })).toHaveDisplayValue('custom expiry');
    expect(sent).toContain('updateCode');
  });
});

describe('Apply to ad accounts…', () => {
  it('builds the dashboard address the Apply dialog opens from', () => {
    expect(applyUrl([12, 7, 300])).toBe('/dashboard.html?apply=12,7,300');
  });

  it('is not offered without a connected TikTok account, and has no checkboxes then', async () => {
    render(<App />);
    await screen.findByRole('list', { name: 'Ready codes' });
    expect(screen.queryByRole('button', { name: /Apply to ad accounts/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('with an account: pick codes with their checkboxes, then open the dashboard for exactly those', async () => {
    await apiCredentialsItem.setValue(READY_API);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const user = userEvent.setup();
    render(<App />);
    const apply = await screen.findByRole('button', { name: /Apply to ad accounts/ });
    expect(apply).toBeDisabled();
    const ids = await codesDb().codes.toArray();
    const id = (handle: string) => ids.find((r) => r.creatorHandle === handle)!.id!;
    await user.click(screen.getByRole('checkbox', { name: `Select @leo.lifts ${shortCode(makeCode(3), 3)}` }));
    await user.click(screen.getByRole('checkbox', { name: /^Select @soon.creator / }));
    expect(apply).toHaveAccessibleName('Apply to ad accounts… (2)');
    await user.click(apply);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL(`/dashboard.html?apply=${id('@leo.lifts')},${id('@soon.creator')}`) });
  });
});

describe('first paint from the snapshot', () => {
  it('paints the snapshot at once, then the background\'s answer replaces it entirely', async () => {
    // A snapshot from before a change: it still lists a code deleted since.
    await codesDb().codes.add(code(9, '@ghost', 10));
    const view = await loadPopupView(codesDb(), NOW, 3, '', { usable: 30, expired: 10 });
    await popupSnapshotItem.setValue(makePopupSnapshot(view, NOW, { ...DEFAULT_SETTINGS, language: 'en' }));
    await codesDb().codes.where('creatorHandle').equals('@ghost').delete();
    let release!: () => void;
    holdReads = new Promise((r) => (release = r));

    render(<App />);
    expect(await screen.findByRole('listitem', { name: /^@ghost, / })).toBeInTheDocument();
    expect(document.querySelector('main')).toHaveAttribute('data-view', 'snapshot');
    expect(sent).toContain('popupView');
    release();
    await waitFor(() => expect(document.querySelector('main')).toHaveAttribute('data-view', 'live'));
    expect(screen.queryByRole('listitem', { name: /^@ghost, / })).toBeNull();
    expect(creators(screen.getByRole('list', { name: 'Ready codes' }))).toEqual(['@maya.creates', '@leo.lifts']);
  });

  it('a removed snapshot (a command is being written) shows nothing until the background answers', async () => {
    await popupSnapshotItem.setValue(null);
    let release!: () => void;
    holdReads = new Promise((r) => (release = r));
    render(<App />);
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByRole('listitem')).toBeNull();
    release();
    expect(await screen.findByRole('list', { name: 'Ready codes' })).toBeInTheDocument();
  });
});
