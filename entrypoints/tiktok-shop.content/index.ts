import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { tiktokShopSite } from '@/utils/sites/tiktok-shop/reader';
import { TIKTOK_SHOP } from '@/utils/sites/tiktok-shop/selectors';

/** Save controls beside ad codes in TikTok Shop chats: Affiliate Center IM (page or panel) and Seller Center. */
export default defineContentScript({
  matches: [...TIKTOK_SHOP.matches],
  // The affiliate chat can open as a panel, possibly framed, inside other affiliate pages.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: tiktokShopSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
