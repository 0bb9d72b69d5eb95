import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { OUTLOOK } from '@/utils/sites/outlook';
import { outlookSite } from './outlook-site';

/** Save controls beside ad codes in Outlook on the web's reading pane. */
export default defineContentScript({
  matches: [...OUTLOOK.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: outlookSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
