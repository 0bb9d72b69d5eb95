// The popup reads its lists from the background, not from the database: it stays current because the
// background announces every committed vault command (entrypoints/background/vault-changes.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/settings';
import { makeCode, record } from './dashboard-fixtures';

const sent: string[] = [];
vi.mock('@/utils/protocol', async (original) => ({
  ...(await original<typeof import('@/utils/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push(type);
    const { answerPopupRead, isPopupRead } = await import('./popup-background');
    if (isPopupRead(type)) return answerPopupRead(type, data);
    throw new Error(`the popup sent ${type}`);
  }),
}));
const { App } = await import('@/entrypoints/popup/App');
const { deliverVaultChanges } = await import('./popup-background');

const DAY = 86_400_000;
const capture = (i: number, creatorHandle: string) => ({ code: makeCode(i), creatorHandle, periodDays: 30, sentAt: Date.now(), source: { kind: 'paste' as const } });

let stopAnnouncing: () => void;
beforeEach(async () => {
  fakeBrowser.reset();
  sent.length = 0;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' } as typeof DEFAULT_SETTINGS);
  await codesDb().codes.clear();
  await codesDb().codes.add(record({ code: makeCode(1), creatorHandle: '@maya', expiresAt: Date.now() + 10 * DAY }));
  stopAnnouncing = deliverVaultChanges();
});
afterEach(() => {
  stopAnnouncing();
  cleanup();
});

describe('popup reads by message and stays current', () => {
  it('asks the background for its list', async () => {
    render(<App />);
    expect(await screen.findByRole('listitem', { name: /^@maya, / })).toBeInTheDocument();
    expect(sent).toContain('popupView');
  });

  it('a code saved while the popup is open appears without reopening it', async () => {
    render(<App />);
    await screen.findByRole('listitem', { name: /^@maya, / });
    await saveCaptures(codesDb(), [capture(2, '@leo')], Date.now());
    expect(await screen.findByRole('listitem', { name: /^@leo, / })).toBeInTheDocument();
    expect(screen.getByText('2 saved codes')).toBeInTheDocument();
  });

  it('the announcement is what refreshes it: without one the list stays as it was read', async () => {
    stopAnnouncing();
    render(<App />);
    await screen.findByRole('listitem', { name: /^@maya, / });
    await saveCaptures(codesDb(), [capture(3, '@zoe')], Date.now());
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('listitem', { name: /^@zoe, / })).toBeNull();
  });
});
