import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, getSettings, settingsItem, type Settings } from '@/utils/settings';

/** Live settings; applies the chosen theme to the page. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void getSettings().then(setSettings);
    return settingsItem.watch(() => void getSettings().then(setSettings));
  }, []);
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return settings;
}
