import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSettingsAcrossBrowsers, syncedSettingsItem } from '@/entrypoints/background/settings-sync';
import { getSettings, saveSettings, DEFAULT_SETTINGS } from '@/utils/settings';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('settings follow the user through storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a new browser takes the settings saved in sync; a later local change is copied back', async () => {
    await syncedSettingsItem.setValue({ ...DEFAULT_SETTINGS, alertWindowDays: 9, language: 'de' });
    followSettingsAcrossBrowsers();
    await settle();
    expect(await getSettings()).toMatchObject({ alertWindowDays: 9, language: 'de' });
    await saveSettings({ alertWindowDays: 5 });
    await settle();
    expect(await syncedSettingsItem.getValue()).toMatchObject({ alertWindowDays: 5, language: 'de' });
  });

  it('with nothing in sync yet, this browser’s settings go there; an unreadable value from sync keeps this browser’s', async () => {
    await saveSettings({ alertWindowDays: 4 });
    followSettingsAcrossBrowsers();
    await settle();
    expect(await syncedSettingsItem.getValue()).toMatchObject({ alertWindowDays: 4 });
    await syncedSettingsItem.setValue({ ...DEFAULT_SETTINGS, alertWindowDays: -3 as number });
    await settle();
    expect((await getSettings()).alertWindowDays).toBe(4);
  });
});
