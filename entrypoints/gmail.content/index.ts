import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { gmailSite } from '@/utils/sites/gmail/reader';
import { GMAIL } from '@/utils/sites/gmail/selectors';

/** Save controls beside ad codes in Gmail threads, pop-outs and full views: the reading logic lives in utils/sites/gmail/. */
export default defineContentScript({
  matches: [...GMAIL.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: gmailSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
