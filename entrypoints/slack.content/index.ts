import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from '@/utils/capture/controller';
import { slackSite } from '@/utils/sites/slack/reader';
import { SLACK } from '@/utils/sites/slack/selectors';

/** Save controls beside ad codes in Slack in the browser. */
export default defineContentScript({
  matches: [...SLACK.matches],
  runAt: 'document_idle',
  main(ctx) {
    const capture = startCapture(ctx, { site: slackSite() });
    ctx.addEventListener(window, 'wxt:locationchange', () => capture.navigated());
  },
});
