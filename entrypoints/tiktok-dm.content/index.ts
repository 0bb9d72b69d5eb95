import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { tiktokDmSite } from '@/utils/sites/tiktok-dm/reader';
import { TIKTOK_DM } from '@/utils/sites/tiktok-dm/selectors';

/** Save controls beside ad codes in TikTok web messages: the /messages page, the drawer on any page, and the Business Suite frame. */
export default defineContentScript({
  matches: [...TIKTOK_DM.matches],
  // Business accounts get the chat inside a frame (/business-suite/messages → /messages?…scene=business).
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: tiktokDmSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
