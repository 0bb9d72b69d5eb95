import { storage } from 'wxt/utils/storage';
import { getSettings, parseSettings, SETTING_RULES, settingsItem, type Settings } from '@/utils/settings';

/**
 * Settings (never codes, never tokens) follow the user to their other browsers through storage.sync: a change
 * here is copied there, and a change arriving from there is applied here (read through the same rules as any
 * stored setting). Equal values are never written again, so the two copies cannot ping-pong.
 */

export const syncedSettingsItem = storage.defineItem<Settings | null>('sync:settings', { fallback: null });

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function followSettingsAcrossBrowsers(): void {
  const fromSync = async (raw: unknown) => {
    if (!raw || typeof raw !== 'object') return;
    const current = await getSettings();
    // Value by value: one that does not read (another version, a broken copy) keeps this browser's.
    const incoming = { ...current } as Record<string, unknown>;
    for (const key of Object.keys(SETTING_RULES) as (keyof Settings)[]) {
      const v = SETTING_RULES[key]((raw as Record<string, unknown>)[key]);
      if (v !== undefined) incoming[key] = v;
    }
    const next = parseSettings(incoming);
    if (!same(next, current)) await settingsItem.setValue(next);
  };
  settingsItem.watch(async (local) => {
    const next = parseSettings(local);
    if (!same(next, await syncedSettingsItem.getValue())) await syncedSettingsItem.setValue(next).catch(() => {});
  });
  syncedSettingsItem.watch((raw) => void fromSync(raw));
  // At start: the copy in sync wins (a new browser takes the user's settings); with none yet, this browser's go there.
  void syncedSettingsItem.getValue().then(async (raw) => {
    if (raw) await fromSync(raw);
    else await syncedSettingsItem.setValue(await getSettings()).catch(() => {});
  });
}
