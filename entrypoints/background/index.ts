import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { codesDb } from '@/utils/vault/db';
import { getSettings, settingsItem } from '@/utils/settings';
import { refreshBadge, NEXT_CHANGE_ALARM } from './badge';
import { wireAlertsAndDashboard } from './alerts';
import { captureHandlers } from './capture-handlers';
import { codeHandlers } from './code-handlers';
import { expiryHandlers } from './expiry-handlers';
import { pickerHandlers } from './picker-handlers';
import { createContextMenu, retitleContextMenu, saveSelection, SAVE_SELECTION_MENU } from './context-menu';
import { ensurePeriodicAlarm } from './periodic-alarm';
import { registerHandlers } from './router';
import { restrictStorageToTrustedContexts } from './storage-access';
import { setupTikTokSync } from './tiktok-sync';
import { setupTeamSync } from './team-sync';
import { followSettingsAcrossBrowsers } from './settings-sync';
import { setupVerification } from './verification';
import { announceVaultChanges } from './vault-changes';
import { keepPopupSnapshot } from './popup-snapshot';

/** A safety net: even if a scheduled wake-up is lost, the badge is never more than this stale. */
const PERIODIC_ALARM = 'badge-periodic';
const PERIODIC_MINUTES = 30;

export default defineBackground(() => {
  // First: settings and the API token must never be readable from a web page's content script.
  void restrictStorageToTrustedContexts();
  // The settings copy that follows the user (settings-sync.ts) is no business of web pages either.
  void restrictStorageToTrustedContexts(browser.storage.sync as Parameters<typeof restrictStorageToTrustedContexts>[0]);
  const db = codesDb();

  // The popup paints its first screen from this snapshot, then reads by message (see popup-snapshot.ts).
  const snapshot = keepPopupSnapshot(db);
  const changed = async () => {
    const { alertWindowDays } = await getSettings();
    await refreshBadge(db, alertWindowDays);
  };

  // Open popups read their lists by message; this tells them when to read again.
  announceVaultChanges();
  registerHandlers(codeHandlers(db, changed));
  registerHandlers(captureHandlers(db));
  registerHandlers(expiryHandlers(db, changed));
  // Feature wiring: one line per feature, each owning its handlers and listeners.
  wireAlertsAndDashboard(db, changed);
  registerHandlers(pickerHandlers(db, changed));
  setupVerification(db, changed);
  setupTikTokSync(db, changed);
  setupTeamSync(db, changed);
  followSettingsAcrossBrowsers();

  browser.runtime.onInstalled.addListener(() => {
    void createContextMenu();
    void changed();
  });
  browser.runtime.onStartup.addListener(() => void changed());
  void ensurePeriodicAlarm(PERIODIC_ALARM, PERIODIC_MINUTES);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PERIODIC_ALARM && alarm.name !== NEXT_CHANGE_ALARM) return;
    void changed();
    // A code crossing into "expiring" or "expired" changes the counts the snapshot holds.
    void snapshot.refresh();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_SELECTION_MENU) void saveSelection(db, info, tab, changed);
  });
  settingsItem.watch(() => {
    void changed();
    void snapshot.refresh();
    void retitleContextMenu();
  });

  // The service worker restarts often; recompute each time it wakes.
  void changed();
  void snapshot.refresh();
});
