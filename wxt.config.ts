import { defineConfig } from 'wxt';
import { ADS_MANAGER_MATCHES } from './utils/sites/ads-manager';

const TINY_CONTENT_SCRIPTS = ['gmail', 'outlook', 'instagram', 'tiktok-dm', 'tiktok-shop', 'whatsapp', 'slack'];

export default defineConfig({
  // No auto-imports (WXT 0.21 has no `scan` option; `false` turns them off): every file names where its imports come
  // from, so readers, ESLint and tsc see the same thing.
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    build: {
      rollupOptions: {
        // zod 4 writes explanatory comments next to its `@__PURE__` marks; Rollup drops those comments and says so
        // once per bundle. Harmless (the marks themselves are kept) but it reads like an error in `npm run demo`.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
  }),
  manifest: {
    name: 'Ad Code Keeper',
    description: 'Keep TikTok Spark Ads codes from your inbox, know when they expire, and fill them in Ads Manager.',
    // Reviewed for least privilege (docs/store/permissions.md): no `tabs`, no host permissions beyond
    // the content scripts' sites; `scripting` only reaches a tab the user just right-clicked (activeTab).
    // `unlimitedStorage`: a large vault is never evicted under storage pressure (navigator.storage.persist is granted).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    // Asked for only when the user turns on TikTok API verification or the team sheet (Options); never required hosts.
    optional_host_permissions: ['https://business-api.tiktok.com/*', 'https://sheets.googleapis.com/*'],
    // Google sign-in for the team sheet (launchWebAuthFlow), asked for only when the user signs in.
    optional_permissions: ['identity'],
    // The Ads Manager code picker frame; embeddable only by Ads Manager pages.
    web_accessible_resources: [{ resources: ['code-picker.html'], matches: ADS_MANAGER_MATCHES }],
    // Only the extension's own scripts run in its pages: no eval, no wasm, no plugins, no <base> tricks.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
  },
  hooks: {
    // Firefox needs an add-on ID, and AMO a data-collection declaration (none: codes stay in the
    // browser). Chrome would warn about the unknown key, so only the Firefox build gets it.
    'build:manifestGenerated'(wxt, manifest) {
      if (wxt.config.browser !== 'firefox') return;
      (manifest as Record<string, unknown>).browser_specific_settings = {
        gecko: { id: 'ad-code-keeper@ad-code-keeper.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      };
    },
    // Mail and DM page scripts must stay under 25 KB: they use the plain `chrome` global that
    // WXT's own `browser` wraps, not the 10 KB webextension-polyfill the rest of the extension uses.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => TINY_CONTENT_SCRIPTS.includes(e.name))) return;
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'tiny-content-scripts-without-polyfill',
          enforce: 'pre',
          resolveId(id) {
            return id === '@wxt-dev/webextension-polyfill/browser' ? this.resolve('@wxt-dev/browser') : null;
          },
        },
      ];
    },
  },
});
