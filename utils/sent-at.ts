import { parseMailDate } from './mail-date';
import type { CaptureInput, SentAtText } from './vault/schema';

/**
 * The sent date of a message, epoch ms: the first of the page's date texts that reads for sure,
 * else the exact time the page had (Slack's data-ts…), else undefined. Never the time of capture:
 * an unknown date stays unknown. Runs in the background, so the page scripts carry no date parser.
 */
export function resolveSentAt(meta: { sentAt?: number; sentAtText?: SentAtText }): number | undefined {
  const date = meta.sentAtText;
  for (const text of date?.texts ?? []) {
    const at = parseMailDate(text, { now: date!.now, numericOrder: date!.numericOrder });
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
