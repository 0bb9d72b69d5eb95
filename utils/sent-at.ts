import { parseMailDate } from './mail-date';
import { attributionDateText } from './quote-attribution';
import type { CaptureInput, SentAtText } from './vault/schema';

/**
 * The sent date of a message, epoch ms: the first of the page's date texts that reads for sure,
 * else the exact time the page had (Slack's data-ts…), else undefined. Never the time of capture:
 * an unknown date stays unknown. Runs in the background, so the page scripts carry no date parser.
 */
export function resolveSentAt(meta: { sentAt?: number; sentAtText?: SentAtText }): number | undefined {
  const date = meta.sentAtText;
  for (const text of date?.texts ?? []) {
    const options = { now: date!.now, numericOrder: date!.numericOrder };
    // A quoted code's page sends the quote's "On … wrote:" line: its date is the one to read.
    const attribution = attributionDateText(text);
    const at = parseMailDate(attribution ?? text, options) ?? (attribution ? parseMailDate(text, options) : undefined);
    if (at !== undefined) return at;
  }
  return meta.sentAt;
}

/** The capture as the vault takes it: date text read into `sentAt`, the text itself dropped. */
export function withSentAt(capture: CaptureInput): CaptureInput {
  const { sentAtText, sentAt, ...rest } = capture;
  const at = resolveSentAt({ sentAt, sentAtText });
  return at === undefined ? rest : { ...rest, sentAt: at };
}
