import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '@/utils/settings';
import { OptionsRoot } from '@/entrypoints/options/App';
import { parseThresholds } from '@/entrypoints/options/thresholds';
import { apiCredentialsItem } from '@/utils/api-settings';
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


beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings({ ...DEFAULT_SETTINGS, language: 'en' });
});
afterEach(cleanup);

describe('options page', () => {
  it('saves valid thresholds, refuses invalid ones with a visible reason and keeps the old value', async () => {
    const user = userEvent.setup();
    render(<OptionsRoot />);
    const field = await screen.findByLabelText('Notify before expiry');
    await user.clear(field);
    await user.type(field, '14, 2, 0{Enter}');
    await waitFor(async () => expect((await getSettings()).notifyThresholds).toEqual([14, 2, 0]));
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Saved.')).toBe(true);

    await user.clear(field);
    await user.type(field, '5, soon{Enter}');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Use up to 6 whole numbers/)).toBeInTheDocument();
    expect((await getSettings()).notifyThresholds).toEqual([14, 2, 0]);
  });

  it('saves toggles, period, theme and time zone as they change', async () => {
    const user = userEvent.setup();
    render(<OptionsRoot />);
    await user.click(await screen.findByLabelText('Daily digest instead of one notification per code'));
    await user.selectOptions(screen.getByLabelText('Default period when a message states none'), '60');
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.selectOptions(screen.getByLabelText('Time zone for dates'), 'Asia/Tokyo');
    await waitFor(async () => expect(await getSettings()).toMatchObject({ dailyDigest: true, defaultPeriodDays: 60, theme: 'dark', timeZone: 'Asia/Tokyo' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });

  it('switches the whole page to the chosen language', async () => {
    const user = userEvent.setup();
    render(<OptionsRoot />);
    await user.selectOptions(await screen.findByLabelText('Language'), 'fr');
    expect(await screen.findByRole('heading', { name: 'Paramètres' })).toBeInTheDocument();
    expect(screen.getByLabelText('Prévenir avant l’expiration')).toBeInTheDocument();
  });

  it('a German options page shows the TikTok API section and its ad accounts in German', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'de' });
    await apiCredentialsItem.setValue({ enabled: true, accessToken: 'mocktoken0123456789abcdef0123456789abcdef', advertiserId: '7012345678901234567' });
    render(<OptionsRoot />);
    expect(await screen.findByRole('heading', { name: 'Prüfung über die TikTok-API' })).toBeInTheDocument();
    expect(screen.getByLabelText('Zugriffstoken')).toBeInTheDocument();
    expect(screen.getByLabelText('Werbetreibenden-ID')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verbindung testen' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /Codes bei TikTok prüfen/ })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText('Solange die Prüfung aus ist, stellt Ad Code Keeper keinerlei Netzwerkanfragen.')).toBeInTheDocument();
    // The ad accounts part, shown while the API is on.
    expect(await screen.findByRole('heading', { name: 'Werbekonten' })).toBeInTheDocument();
    expect(screen.getByLabelText('Werbekonto hinzufügen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Aus dem Ads Manager importieren …' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'Konto 7012345678901234567' })).toHaveTextContent('Noch nicht synchronisiert.');
    expect(screen.queryByText(/TikTok API verification|Ad accounts|Not synced yet/)).toBeNull();
  });

  it('alert window accepts 1–60 only', async () => {
    const user = userEvent.setup();
    render(<OptionsRoot />);
    const field = await screen.findByLabelText('Alert window');
    await user.clear(field);
    await user.type(field, '0{Enter}');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect((await getSettings()).alertWindowDays).toBe(DEFAULT_SETTINGS.alertWindowDays);
    await user.clear(field);
    await user.type(field, '5{Enter}');
    await waitFor(async () => expect((await getSettings()).alertWindowDays).toBe(5));
  });
});

describe('parseThresholds', () => {
  it('sorts, dedupes and enforces the settings schema', () => {
    expect(parseThresholds('1, 7 3,3')).toEqual([7, 3, 1]);
    expect(parseThresholds('61')).toBeUndefined();
    expect(parseThresholds('1,2,3,4,5,6,7')).toBeUndefined();
    expect(parseThresholds('')).toEqual([]);
  });
});
