import { defineContentScript } from 'wxt/utils/define-content-script';
import { chatSite } from '@/utils/capture/chat-site';
import { startCapture } from '@/utils/capture/controller';
import { INSTAGRAM } from '@/utils/sites/instagram';

/** Save controls beside ad codes in Instagram direct messages; idle elsewhere on Instagram. */
export default defineContentScript({
  matches: [...INSTAGRAM.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: chatSite('instagram', 'www.instagram.com', INSTAGRAM) });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
