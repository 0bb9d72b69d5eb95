import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, getSettings, settingsItem, type Settings } from '@/utils/settings';

/**
 * Live settings; applies the chosen theme to the page. Until they are read, `early` stands in
 * (the popup passes the settings its snapshot was made with, so it paints without waiting).
 */
export function useSettings(early?: Settings): Settings {
  const [own, setOwn] = useState<Settings>();
  useEffect(() => {
    void getSettings().then(setOwn);
    return settingsItem.watch(() => void getSettings().then(setOwn));
  }, []);
  const settings = own ?? early ?? DEFAULT_SETTINGS;
  useEffect(() => {
    if (settings.theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return settings;
}
