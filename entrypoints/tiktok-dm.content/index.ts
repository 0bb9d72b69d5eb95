import { defineContentScript } from 'wxt/utils/define-content-script';
import { chatSite } from '@/utils/capture/chat-site';
import { startCapture } from '@/utils/capture/controller';
import { TIKTOK_DM } from '@/utils/sites/tiktok-dm';

/** Save controls beside ad codes in TikTok web messages; idle elsewhere on TikTok. */
export default defineContentScript({
  matches: [...TIKTOK_DM.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: chatSite('tiktok-dm', 'www.tiktok.com', TIKTOK_DM) });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
