import { defineConfig } from 'wxt';
import { ADS_MANAGER_MATCHES } from './utils/sites/ads-manager';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Ad Code Keeper',
    description: 'Keep TikTok Spark Ads codes from your inbox, know when they expire, and fill them in Ads Manager.',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    // Asked for only when the user turns on TikTok API verification (Options); never a required host.
    optional_host_permissions: ['https://business-api.tiktok.com/*'],
    // The Ads Manager code picker frame; embeddable only by Ads Manager pages.
    web_accessible_resources: [{ resources: ['code-picker.html'], matches: ADS_MANAGER_MATCHES }],
  },
});
