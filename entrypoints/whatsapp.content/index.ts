import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { whatsappSite } from '@/utils/sites/whatsapp/reader';
import { WHATSAPP } from '@/utils/sites/whatsapp/selectors';

/** Save controls beside ad codes in WhatsApp Web chats. */
export default defineContentScript({
  matches: [...WHATSAPP.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: whatsappSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
