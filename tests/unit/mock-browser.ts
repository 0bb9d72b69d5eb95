// wxt/browser for tests. WXT's own mock imports 'wxt/testing', which loads esbuild, and
// esbuild refuses to start inside jsdom; importing the fake browser directly avoids that.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
