import type { I18n } from '@/utils/i18n/context';
import type { VerifyReport } from '@/utils/protocol';

/** How many per-code reasons a toast lists before "…and N more": a notice, not a log. */
const MAX_REASONS = 3;
/** Failures that already count as "ended or revoked" (the report counts them in `lost` too). */
const LOST_KINDS = new Set(['code-expired', 'code-revoked']);

/**
 * One notice for a "Check with TikTok" run: counts, then the first reasons, then why it stopped.
 * `codeLabel` names a code briefly (creator and the code's first characters): a toast has no room for 64.
 */
export function summarizeVerifyReport(
  report: VerifyReport,
  i18n: Pick<I18n, 't'>,
  codeLabel: (id: number) => string = String,
): { message: string; problem: boolean } {
  const { t } = i18n;
  if (!report.ran && report.error) return { message: t('tiktokCheckFailed', { reason: report.error.message }), problem: true };
  const problems = report.failed.filter((f) => !LOST_KINDS.has(f.kind)).length;
  const parts = [t('tiktokSummary', { verified: report.verified, lost: report.lost, failed: problems })];
  for (const f of report.failed.slice(0, MAX_REASONS)) parts.push(t('tiktokSummaryFailure', { code: codeLabel(f.id), message: f.message }));
  if (report.failed.length > MAX_REASONS) parts.push(t('tiktokSummaryMore', { count: report.failed.length - MAX_REASONS }));
  if (report.error) parts.push(t('tiktokSummaryStopped', { count: report.skipped, reason: report.error.message }));
  return { message: parts.join(' '), problem: !!report.error || report.failed.length > 0 || report.lost > 0 };
}
