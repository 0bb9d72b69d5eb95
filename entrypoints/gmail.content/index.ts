import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { GMAIL } from '@/utils/sites/gmail';
import { gmailSite } from './gmail-site';

/** Save controls beside ad codes in Gmail threads, the reading pane, pop-outs and full views. */
export default defineContentScript({
  matches: [...GMAIL.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: gmailSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
