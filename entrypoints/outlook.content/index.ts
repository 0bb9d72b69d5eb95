import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { outlookSite } from '@/utils/sites/outlook/reader';
import { OUTLOOK } from '@/utils/sites/outlook/selectors';

/** Save controls beside ad codes in Outlook on the web's reading pane: the reading logic lives in utils/sites/outlook/. */
export default defineContentScript({
  matches: [...OUTLOOK.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: outlookSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
