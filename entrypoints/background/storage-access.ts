import { browser } from 'wxt/browser';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Settings and the TikTok API token live in storage.local, which Chrome lets content scripts read
 * by default. No content script needs it (they ask the background by message), so only extension
 * pages and the background may. Returns false where the browser has no such switch (Firefox today):
 * there, content scripts still could, which docs/store/permissions.md states.
 */
export async function restrictStorageToTrustedContexts(area: AccessLevelArea = browser.storage.local as AccessLevelArea): Promise<boolean> {
  if (typeof area.setAccessLevel !== 'function') return false;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (e) {
    console.warn('[ad-code-keeper] could not restrict storage.local to extension pages', e);
    return false;
  }
}
