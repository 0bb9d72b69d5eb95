// Settings and the API token unreadable by content scripts; the vault never evicted under storage pressure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings';
import { restrictStorageToTrustedContexts } from '@/entrypoints/background/storage-access';
import { OptionsRoot } from '@/entrypoints/options/App';
// The options page asks the background for the team sheet's status when it opens; answer as a
// background with sharing off does (the fake browser's runtime cannot answer @webext-core's callback form).
vi.mock('@/utils/protocol', async (original) => {
  const actual = await original<typeof import('@/utils/protocol')>();
  return {
    ...actual,
    sendMessage: vi.fn((type: string, ...rest: unknown[]) =>
      type === 'teamSheetStatus'
        ? Promise.resolve({ state: 'off', pending: 0, recent: [], asking: [] })
        : (actual.sendMessage as (...a: unknown[]) => Promise<unknown>)(type, ...rest),
    ),
  };
});


describe('storage.local access level', () => {
  it('is set to trusted contexts (extension pages and the background only)', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    expect(await restrictStorageToTrustedContexts({ setAccessLevel })).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
  it('is skipped, without failing, where the browser has no such call', async () => {
    expect(await restrictStorageToTrustedContexts({})).toBe(false);
    expect(await restrictStorageToTrustedContexts({ setAccessLevel: async () => Promise.reject(new Error('unsupported')) })).toBe(false);
  });
});

describe('options page: persistent storage', () => {
  const original = navigator.storage;
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'en' });
  });
  afterEach(() => {
    cleanup();
    Object.defineProperty(navigator, 'storage', { value: original, configurable: true });
  });
  const fakeStorage = (granted: boolean) => {
    const persist = vi.fn(async () => granted);
    Object.defineProperty(navigator, 'storage', { value: { persist, persisted: async () => granted }, configurable: true });
    return persist;
  };

  it('asks for persistent storage and says when it was granted', async () => {
    const persist = fakeStorage(true);
    render(<OptionsRoot />);
    expect(await screen.findByText(/kept until you delete it/)).toBeInTheDocument();
    expect(persist).toHaveBeenCalled();
  });

  it('says plainly when the browser did not grant it', async () => {
    fakeStorage(false);
    render(<OptionsRoot />);
    expect(await screen.findByText(/may clear saved codes when the disk is nearly full/)).toBeInTheDocument();
  });
});
