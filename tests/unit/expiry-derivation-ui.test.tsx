// The derivation, the period chips and the arrival-date question where a saved code is shown in detail:
// the popup's row (writes go through the real vault commands, undo included) and the dashboard drawer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { expiryHandlers } from '@/entrypoints/background/expiry-handlers';
import { DetailsDrawer } from '@/entrypoints/dashboard/DetailsDrawer';
import type { DashboardActions } from '@/entrypoints/dashboard/actions';
import { withState } from '@/entrypoints/dashboard/filters';
import { I18nProvider } from '@/utils/i18n/react';
import { zonedInstant } from '@/utils/i18n/dates';
import { makeCode, record } from './dashboard-fixtures';

// The popup's messages reach the background's own handlers (real vault commands on the test database).
const sent: string[] = [];
vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: never) => {
    // The popup's own reads (its lists) are answered as the background answers them.
    const reads = await import('./popup-background');
    if (reads.isPopupRead(type)) return reads.answerPopupRead(type, data);
    sent.push(type);
    const handler = (expiryHandlers(codesDb(), () => {}) as Record<string, (d: never, s: never) => unknown>)[type];
    return handler ? handler(data, {} as never) : undefined;
  }),
}));
const { App } = await import('@/entrypoints/popup/App');
// Loaded before the first render (schemas and handlers): the first read is then not slower than findBy waits.
await import('./popup-background');

const DAY = 86_400_000;
const NOW = Date.now();
const local = (ts: number) => new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(ts);

let id = 0;
let stopChanges = () => {};
beforeEach(async () => {
  // After each vault command the background announces it and the popup reads again, as in Chrome.
  stopChanges = (await import('./popup-background')).deliverVaultChanges();
  fakeBrowser.reset();
  sent.length = 0;
  await codesDb().codes.clear();
  id = (await codesDb().codes.add(
    record({ code: makeCode(7), creatorHandle: '@maya', periodDays: 30, periodAssumed: true, expirySource: 'assumed', receivedAt: NOW - 2 * DAY, expiresAt: NOW + 28 * DAY, receivedAtUnknown: true, status: 'unused', uses: [] }),
  )) as number;
});
afterEach(() => {
  stopChanges();
  cleanup();
});

async function openRow() {
  const user = userEvent.setup();
  render(<App />);
  const row = await screen.findByRole('listitem', { name: /^@maya, / });
  await user.click(within(row).getByRole('button', { expanded: false }));
  return { user, row };
}

describe('popup row details', () => {
  it('says how the expiry was worked out, and a chip sets the period in one click, undoably', async () => {
    const { user, row } = await openRow();
    const how = within(row).getByTestId('expiry-derivation');
    expect(how).toHaveTextContent(`saved ${local(NOW - 2 * DAY)} (the message date was not found) + 30 days assumed (no period in the message) — estimated`);

    await user.click(within(row).getByRole('button', { name: '60 days' }));
    await waitFor(() => expect(how).toHaveTextContent(/\+ 60 days chosen by you — estimated$/));
    expect(await codesDb().codes.get(id)).toMatchObject({ periodDays: 60, expirySource: 'chosen', expiresAt: NOW - 2 * DAY + 60 * DAY });
    // Chosen, not assumed: the chips go away.
    expect(within(row).queryByRole('button', { name: '7 days' })).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(row).getByTestId('expiry-derivation')).toHaveTextContent(/30 days assumed/));
    expect(await codesDb().codes.get(id)).toMatchObject({ periodDays: 30, expirySource: 'assumed', expiresAt: NOW + 28 * DAY });
    expect(sent).toEqual(['choosePeriod', 'restoreExpiryBasis']);
  });

  it('asks when the code arrived; a date answer recomputes the expiry from it and stops saying the date was not found', async () => {
    const { row } = await openRow();
    expect(within(row).getByText('date not found — when did this code arrive?')).toBeInTheDocument();
    fireEvent.change(within(row).getByLabelText('Arrival date'), { target: { value: '2026-11-20' } });
    const arrived = zonedInstant('2026-11-20', '00:00', Intl.DateTimeFormat().resolvedOptions().timeZone)!;
    await waitFor(async () => expect(await codesDb().codes.get(id)).toMatchObject({ receivedAt: arrived, receivedAtUnknown: false, expiresAt: arrived + 30 * DAY }));
    await waitFor(() => expect(within(row).getByTestId('expiry-derivation')).toHaveTextContent('Nov 20 message + 30 days assumed (no period in the message) — estimated'));
    expect(within(row).queryByText(/when did this code arrive/)).toBeNull();
  });

  it('"Today" answers with now', async () => {
    const { user, row } = await openRow();
    await user.click(within(row).getByRole('button', { name: 'Today' }));
    await waitFor(async () => expect((await codesDb().codes.get(id))!.receivedAtUnknown).toBe(false));
    const r = (await codesDb().codes.get(id))!;
    expect(r.receivedAt).toBeGreaterThanOrEqual(NOW - 60_000);
  });
});

describe('dashboard details drawer', () => {
  const CHECKED = Date.UTC(2026, 11, 1, 9);
  function openDrawer(over: Parameters<typeof record>[0]) {
    const fixExpiry = vi.fn(async () => {});
    const actions = { patch: vi.fn(), setUsed: vi.fn(), remove: vi.fn(), fixExpiry } as unknown as DashboardActions;
    const [row] = withState([record({ id: 5, code: makeCode(5), ...over })], CHECKED, 3);
    render(
      <I18nProvider language="en" timeZone="America/New_York">
        <DetailsDrawer row={row} now={CHECKED} onClose={() => {}} onRenew={() => {}} actions={actions} tiktok />
      </I18nProvider>,
    );
    return { fixExpiry, drawer: screen.getByRole('dialog') };
  }

  it.each([
    ['stated', { receivedAt: Date.UTC(2026, 7, 20, 17), periodDays: 60, expirySource: 'stated' as const }, 'Aug 20 message + 60 days stated in the message'],
    ['tiktok', { expirySource: 'tiktok' as const, verified: { checkedAt: CHECKED, authEnd: Date.UTC(2026, 11, 24) } }, 'exact, from TikTok (checked Dec 1)'],
    ['user', { expirySource: 'user' as const, expiryEdited: true }, 'set by you'],
  ])('%s: says where the expiry came from, offers no chips', (_, over, text) => {
    const { drawer } = openDrawer(over);
    expect(within(drawer).getByTestId('expiry-derivation')).toHaveTextContent(text);
    expect(within(drawer).queryByRole('button', { name: '30 days' })).toBeNull();
  });

  it('says how the expiry was worked out once, not again in an older note beside it', () => {
    const { drawer } = openDrawer({ periodAssumed: true, expirySource: 'assumed' });
    expect(within(drawer).getAllByText(/assumed|no period/i)).toHaveLength(1);
  });

  it('an expiry set by hand is said once ("set by you"), without the older "corrected by hand" note', () => {
    const { drawer } = openDrawer({ expirySource: 'user', expiryEdited: true });
    expect(within(drawer).queryByText(/corrected by hand/i)).toBeNull();
  });

  it('an assumed period: chips send the period; an unknown date: the answer sends the date', async () => {
    const { drawer, fixExpiry } = openDrawer({ periodAssumed: true, expirySource: 'assumed', receivedAtUnknown: true });
    const user = userEvent.setup();
    await user.click(within(drawer).getByRole('button', { name: '365 days' }));
    expect(fixExpiry).toHaveBeenCalledWith(5, { periodDays: 365 });
    fireEvent.change(within(drawer).getByLabelText('Arrival date'), { target: { value: '2026-11-20' } });
    expect(fixExpiry).toHaveBeenCalledWith(5, { receivedAt: zonedInstant('2026-11-20', '00:00', 'America/New_York') });
  });
});
