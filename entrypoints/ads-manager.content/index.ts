import { defineContentScript } from 'wxt/utils/define-content-script';
import { ADS_MANAGER_MATCHES } from '@/utils/sites/ads-manager';
import { startCodeFieldHelper } from './code-field-helper';

/** Ads Manager fill helper: the page-facing part; the code list itself is the code-picker frame. */
export default defineContentScript({
  matches: ADS_MANAGER_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startCodeFieldHelper(ctx);
  },
});
