import { chatSite, type ChatReader, type RowFacts } from '../../capture/chat-site';
import { cleanText, firstMatch } from '../../capture/dom';
import type { SiteAdapter } from '../../capture/types';
import { SLACK } from './selectors';

/** Slack's `data-ts` is "<epoch seconds>.<sequence>": the exact time, and the message's id. */
export function slackTime(ts: string | null | undefined): number | undefined {
  if (!ts || !/^\d{9,11}(\.\d{1,6})?$/.test(ts)) return undefined;
  return Math.floor(Number(ts) * 1000);
}

function rowFacts(row: Element): RowFacts {
  const ts = firstMatch(row, SLACK.timestamp)?.getAttribute('data-ts') ?? row.closest('[data-item-key]')?.getAttribute('data-item-key');
  const sender = firstMatch(row, SLACK.sender);
  const senderName = cleanText(sender?.getAttribute('data-stringify-text') ?? sender?.textContent);
  return { senderName, sentAt: slackTime(ts), id: slackTime(ts) ? ts ?? undefined : undefined };
}

export const SLACK_READER: ChatReader = {
  kind: 'slack',
  selectors: { ...SLACK, timeDivider: SLACK.dayDivider },
  isActive: (url) => url.hostname === 'app.slack.com' && url.pathname.startsWith('/client/'),
  rowFacts,
  // Day dividers ("Monday, August 30th") date no minute: each message carries its own epoch.
  dividerTime: () => undefined,
};

export function slackSite(pageUrl?: () => string, now?: () => number): SiteAdapter {
  return chatSite(SLACK_READER, pageUrl, now);
}
