// Issue 12.4: the details drawer sends only the fields the user changed. Saving tags or notes
// must not rewrite the expiry: the form shows it at minute precision, and a rewrite would mark
// it hand-edited, re-arm alerts and cut a TikTok-verified end time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DetailsDrawer } from '@/entrypoints/dashboard/DetailsDrawer';
import type { DashboardActions } from '@/entrypoints/dashboard/actions';
import { withState } from '@/entrypoints/dashboard/filters';
import { I18nProvider } from '@/utils/i18n/react';
import { zonedInstant } from '@/utils/i18n/dates';
import { LIMITS } from '@/utils/vault/limits';
import { makeCode, NOW, record } from './dashboard-fixtures';

const ZONE = 'Europe/Madrid';
// TikTok's exact end of the authorization: seconds and milliseconds the form cannot show.
const VERIFIED_END = Date.UTC(2026, 11, 24, 17, 42, 37, 512);

afterEach(cleanup);

function openDrawer(over: Parameters<typeof record>[0] = {}) {
  const patch = vi.fn(async () => true);
  const actions = { patch, setUsed: vi.fn(), remove: vi.fn() } as unknown as DashboardActions;
  const [row] = withState(
    [
      record({
        id: 5,
        code: makeCode(5),
        expiresAt: VERIFIED_END,
        periodAssumed: false,
        alertsSent: [7],
        tags: ['Launch'],
        notes: 'first note',
        verified: { checkedAt: NOW, authStatus: 'AUTHORIZED', authEnd: VERIFIED_END, itemId: '73001' },
        ...over,
      }),
    ],
    NOW,
    3,
  );
  render(
    <I18nProvider language="en" timeZone={ZONE}>
      <DetailsDrawer row={row} now={NOW} onClose={() => {}} onRenew={() => {}} actions={actions} tiktok />
    </I18nProvider>,
  );
  return { patch, drawer: screen.getByRole('dialog'), user: userEvent.setup() };
}

describe('details drawer: an edit sends only what changed', () => {
  it('saving only tags and notes sends tags and notes, never the expiry', async () => {
    const { patch, drawer, user } = openDrawer();
    await user.clear(within(drawer).getByLabelText(/^Campaign tags/));
    await user.type(within(drawer).getByLabelText(/^Campaign tags/), 'Launch, Q1');
    await user.type(within(drawer).getByLabelText('Notes'), ' — renewed by phone');
    await user.click(within(drawer).getByRole('button', { name: 'Save changes' }));
    expect(patch).toHaveBeenCalledTimes(1);
    expect(patch).toHaveBeenCalledWith(5, { tags: ['Launch', 'Q1'], notes: 'first note — renewed by phone' });
  });

  it('saving with nothing changed sends nothing', async () => {
    const { patch, drawer, user } = openDrawer();
    await user.click(within(drawer).getByRole('button', { name: 'Save changes' }));
    expect(patch).not.toHaveBeenCalled();
  });

  it('changing the time sends the new expiry (and only it)', async () => {
    const { patch, drawer, user } = openDrawer();
    const time = within(drawer).getByLabelText('Expiry time');
    await user.clear(time);
    await user.type(time, '20:15');
    await user.click(within(drawer).getByRole('button', { name: 'Save changes' }));
    expect(patch).toHaveBeenCalledWith(5, { expiresAt: zonedInstant('2026-12-24', '20:15', ZONE) });
  });

  it('notes as long as the limit (an imported 20 000-character note) can be edited and saved', async () => {
    const long = 'n'.repeat(20_000);
    const { patch, drawer, user } = openDrawer({ notes: long });
    const notes = within(drawer).getByLabelText('Notes') as HTMLTextAreaElement;
    expect(notes.maxLength).toBe(LIMITS.notes);
    await user.click(notes);
    await user.keyboard('{End}!');
    await user.click(within(drawer).getByRole('button', { name: 'Save changes' }));
    expect(patch).toHaveBeenCalledWith(5, { notes: `${long}!` });
  });
});
