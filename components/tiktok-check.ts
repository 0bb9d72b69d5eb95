import type { AdCodeRecord, VerifiedFacts } from '@/utils/code-record';
import type { VerifyReport } from '@/utils/protocol';
import { isLostPerTikTok } from '@/utils/verify-apply';

/**
 * What the popup and dashboard need to show TikTok's answers: pure, so both pages (and their
 * tests) agree on when an end date counts as confirmed and when a renewal should be offered.
 */

/** The background accepts at most this many ids per `verifyCodes` call. */
export const VERIFY_BATCH = 200;

/** Rounding tolerance: TikTok's times have whole seconds, the stored expiry may not. */
const SAME_END_MS = 60_000;

/**
 * True when the expiry shown is TikTok's own `auth_end_time`. A later hand edit, or TikTok
 * saying the code is over (which moves the expiry to the check time), makes it false.
 */
export function hasVerifiedEnd(record: Pick<AdCodeRecord, 'expiresAt' | 'verified'>): boolean {
  const end = record.verified?.authEnd;
  return end !== undefined && !isLostPerTikTok(record.verified) && Math.abs(record.expiresAt - end) < SAME_END_MS;
}

/** TikTok says the authorization ended or was withdrawn: only the creator can fix it. */
export function needsRenewal(v: VerifiedFacts | undefined): boolean {
  return !!v && (v.errorKind === 'code-expired' || isLostPerTikTok(v));
}

/** Only a code-level answer for this code, or a run-level error, concerns one code's check. */
export type SingleOutcome =
  | { kind: 'verified'; lost: boolean }
  | { kind: 'code-problem'; errorKind: string; message: string }
  | { kind: 'run-error'; errorKind: string; message: string; retryAt?: number };

export function outcomeFor(report: VerifyReport, id: number): SingleOutcome {
  const failed = report.failed.find((f) => f.id === id);
  if (failed) return { kind: 'code-problem', errorKind: failed.kind, message: failed.message };
  if (report.error) return { kind: 'run-error', errorKind: report.error.kind, message: report.error.message, retryAt: report.error.retryAt };
  if (report.verified > 0) return { kind: 'verified', lost: report.lost > 0 };
  // Ran, but the code was gone (deleted in another tab while TikTok was answering).
  return { kind: 'run-error', errorKind: 'missing', message: 'This code is no longer saved.' };
}

/**
 * Checks any number of codes, 200 per message, one batch after another (the background paces
 * its own requests; parallel batches would only queue there). Stops at the first run-level error
 * (bad token, rate limit, offline): the next batch would hit the same wall, so its codes count
 * as skipped.
 */
export async function verifyInBatches(
  ids: number[],
  send: (batch: number[]) => Promise<VerifyReport>,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyReport> {
  const unique = [...new Set(ids)];
  const total: VerifyReport = { ran: false, verified: 0, lost: 0, failed: [], skipped: 0 };
  for (let i = 0; i < unique.length; i += VERIFY_BATCH) {
    const batch = unique.slice(i, i + VERIFY_BATCH);
    const report = await send(batch);
    total.ran ||= report.ran;
    total.verified += report.verified;
    total.lost += report.lost;
    total.failed.push(...report.failed);
    total.skipped += report.skipped;
    onProgress?.(Math.min(i + batch.length, unique.length), unique.length);
    if (report.error) {
      total.error = report.error;
      total.skipped += unique.length - (i + batch.length);
      break;
    }
  }
  return total;
}
