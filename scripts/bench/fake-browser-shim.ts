// The bench runs the real badge code in a plain web page (real Chromium IndexedDB), where no
// extension APIs exist; an in-memory browser stands in for chrome.action/alarms/storage.
import { fakeBrowser } from '@webext-core/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
