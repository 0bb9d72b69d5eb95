import { LIMITS } from '../vault/limits';
import type { SentAtText } from '../vault/schema';

/**
 * Date texts a page printed for a message (newest first), as the background reads them (see
 * utils/sent-at.ts). Blank ones are left out; none left means no date to read.
 */
export function dateText(
  texts: readonly (string | null | undefined)[],
  now: number,
  numericOrder?: SentAtText['numericOrder'],
): SentAtText | undefined {
  const kept = texts
    .map((t) => t?.trim().slice(0, LIMITS.dateText))
    .filter((t): t is string => !!t)
    .slice(0, LIMITS.dateTexts);
  if (!kept.length) return undefined;
  return numericOrder ? { texts: kept, now, numericOrder } : { texts: kept, now };
}
