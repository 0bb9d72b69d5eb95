import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { apiCredentialsItem } from '@/utils/api-settings';
import { makeCode, record } from './dashboard-fixtures';

const sent: { type: string; data: unknown }[] = [];
vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    const { answerPopupRead, isPopupRead } = await import('./popup-background');
    if (isPopupRead(type)) return answerPopupRead(type, data);
    sent.push({ type, data });
    return { ran: true, verified: 1, lost: 0, failed: [], skipped: 0 };
  }),
}));

const { App } = await import('@/entrypoints/popup/App');
// Loaded before the first render (it brings the schemas and handlers): the first read is then not slower than findBy waits.
await import('./popup-background');

const DAY = 86_400_000;
const NOW = Date.now();
const READY = { enabled: true, accessToken: 'mocktoken0123456789abcdef', advertiserId: '7012345678901234567' };

let id = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  await codesDb().codes.clear();
  id = (await codesDb().codes.add(
    record({
      code: makeCode(5),
      creatorHandle: '@maya',
      expiresAt: NOW + 41 * DAY,
      periodAssumed: false,
      verified: { checkedAt: NOW - 3_600_000, authStatus: 'AUTHORIZED', authStart: NOW - 19 * DAY, authEnd: NOW + 41 * DAY, tiktokName: 'Maya Glow' },
    }),
  )) as number;
});
afterEach(cleanup);

async function openRow() {
  const user = userEvent.setup();
  render(<App />);
  const row = await screen.findByRole('listitem', { name: /^@maya, / });
  await user.click(within(row).getByRole('button', { expanded: false }));
  return user;
}

describe('popup and the TikTok API feature', () => {
  it('with the feature off (the default) offers no check and shows no TikTok facts', async () => {
    await openRow();
    expect(screen.getByText('Received')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Check with TikTok' })).toBeNull();
    expect(screen.queryByText(/verified/i)).toBeNull();
  });

  it('follows Options: turning the feature on shows the check, which asks the background for this code', async () => {
    const user = await openRow();
    await act(() => apiCredentialsItem.setValue(READY));
    await user.click(await screen.findByRole('button', { name: 'Check with TikTok' }));
    expect(sent).toEqual([{ type: 'verifyCodes', data: { ids: [id] } }]);
    expect(await screen.findByText(/^Verified: authorized until /)).toHaveAttribute('role', 'status');
    expect(screen.getByText('· ✓ verified')).toBeInTheDocument();

    await act(() => apiCredentialsItem.setValue({ ...READY, enabled: false }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Check with TikTok' })).toBeNull());
    expect(screen.queryByText('· ✓ verified')).toBeNull();
  });

  it('an invalid saved token counts as not set up', async () => {
    await apiCredentialsItem.setValue({ ...READY, accessToken: 'short' });
    await openRow();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Check with TikTok' })).toBeNull();
  });
});
