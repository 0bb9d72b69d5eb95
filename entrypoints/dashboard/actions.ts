import { useMemo } from 'react';
import { sendMessage, type BulkEdit, type VerifyReport } from '@/utils/protocol';
import type { CodePatch } from '@/utils/vault/schema';
import { useI18n } from '@/utils/i18n/context';
import { shortCode } from '@/utils/i18n/core';
import { verifyInBatches } from '@/components/tiktok-check';
import { summarizeVerifyReport } from './verify-summary';
import type { Toast } from './useToast';

/** What a TikTok check needs to name a code in its report. */
export type CheckTarget = { id: number; code: string; creatorHandle?: string };

/** Every write the dashboard makes, as messages to the background (which owns the database). */
export interface DashboardActions {
  moveExpiry: (id: number, expiresAt: number) => Promise<void>;
  patch: (id: number, patch: CodePatch) => Promise<boolean>;
  setUsed: (id: number, used: boolean) => Promise<void>;
  remove: (ids: number[]) => Promise<void>;
  bulk: (ids: number[], edit: BulkEdit) => Promise<void>;
  markRenewalRequested: (id: number) => Promise<void>;
  /** A period chip or the arrival date for a guessed expiry; the toast offers undo. */
  fixExpiry: (id: number, fix: { periodDays: number } | { receivedAt: number }) => Promise<void>;
  /** Asks TikTok about the codes (200 per message, in turn) and reports the outcome in a toast. */
  verify: (codes: CheckTarget[], onProgress?: (done: number, total: number) => void) => Promise<VerifyReport | undefined>;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useDashboardActions(show: (t: Omit<Toast, 'id'>) => void): DashboardActions {
  const i18n = useI18n();
  const { t, tn } = i18n;
  return useMemo(() => {
    const fail = (e: unknown) => show({ tone: 'error', message: t('actionFailed', { reason: reason(e) }) });
    const patch = async (id: number, p: CodePatch) => {
      try {
        await sendMessage('updateCode', { id, patch: p });
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    };
    return {
      patch,
      async fixExpiry(id, fix) {
        try {
          const { before } = 'periodDays' in fix ? await sendMessage('choosePeriod', { id, ...fix }) : await sendMessage('setReceivedAt', { id, ...fix });
          const message = 'periodDays' in fix ? t('periodChosenUndo', { days: tn('periodDays', fix.periodDays) }) : t('dateAnswered', { date: i18n.date(fix.receivedAt) });
          const undo = before && { label: t('undo'), run: () => sendMessage('restoreExpiryBasis', { id, basis: before }).catch(fail) };
          show({ message, action: undo });
        } catch (e) {
          fail(e);
        }
      },
      async moveExpiry(id, expiresAt) {
        if (await patch(id, { expiresAt })) show({ message: t('saved') });
      },
      async setUsed(id, used) {
        try {
          await sendMessage('setUsage', { id, used });
        } catch (e) {
          fail(e);
        }
      },
      async remove(ids) {
        try {
          const { deleted, undoToken } = await sendMessage('deleteCodes', { ids });
          show({
            message: tn('deleted', deleted),
            action: {
              label: t('undo'),
              run: async () => {
                try {
                  // The background kept the deleted records: undo restores exactly those.
                  const { restored } = await sendMessage('restoreDeleted', { undoToken });
                  show({ message: tn('restored', restored) });
                } catch (e) {
                  fail(e);
                }
              },
            },
          });
        } catch (e) {
          fail(e);
        }
      },
      async bulk(ids, edit) {
        try {
          const { changed } = await sendMessage('bulkEditCodes', { ids, edit });
          const message =
            edit.kind === 'addTag'
              ? tn('tagged', changed, { tag: edit.tag })
              : edit.kind === 'archive'
                ? tn('archived', changed)
                : edit.kind === 'usage'
                  ? tn('markedUsed', changed)
                  : t('saved');
          show({ message });
        } catch (e) {
          fail(e);
        }
      },
      async markRenewalRequested(id) {
        if (await patch(id, { renewalRequestedAt: Date.now() })) show({ message: t('renewalMarked') });
      },
      async verify(codes, onProgress) {
        try {
          const ids = codes.map((c) => c.id);
          const report = await verifyInBatches(ids, (batch) => sendMessage('verifyCodes', { ids: batch }), onProgress);
          const byId = new Map(codes.map((c) => [c.id, c]));
          const label = (id: number) => {
            const c = byId.get(id);
            return c ? [c.creatorHandle, shortCode(c.code)].filter(Boolean).join(' ') : String(id);
          };
          const summary = summarizeVerifyReport(report, i18n, label);
          show({ message: summary.message, tone: summary.problem ? 'error' : 'info' });
          return report;
        } catch (e) {
          show({ tone: 'error', message: t('tiktokCheckFailed', { reason: reason(e) }) });
          return undefined;
        }
      },
    };
  }, [show, t, tn, i18n]);
}
