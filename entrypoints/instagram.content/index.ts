import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { instagramSite } from '@/utils/sites/instagram/reader';
import { INSTAGRAM } from '@/utils/sites/instagram/selectors';

/** Save controls beside ad codes in Instagram direct messages; idle elsewhere on Instagram. */
export default defineContentScript({
  matches: [...INSTAGRAM.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: instagramSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
