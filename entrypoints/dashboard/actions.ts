import { useMemo } from 'react';
import { sendMessage, type BulkEdit } from '@/utils/protocol';
import type { CodePatch } from '@/utils/code-store';
import { useI18n } from '@/utils/i18n/react';
import type { Toast } from './useToast';

/** Every write the dashboard makes, as messages to the background (which owns the database). */
export interface DashboardActions {
  moveExpiry: (id: number, expiresAt: number) => Promise<void>;
  patch: (id: number, patch: CodePatch) => Promise<boolean>;
  setUsed: (id: number, used: boolean) => Promise<void>;
  remove: (ids: number[]) => Promise<void>;
  bulk: (ids: number[], edit: BulkEdit) => Promise<void>;
  markRenewalRequested: (id: number) => Promise<void>;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useDashboardActions(show: (t: Omit<Toast, 'id'>) => void): DashboardActions {
  const { t, tn } = useI18n();
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
          const records = await sendMessage('deleteCodes', { ids });
          show({
            message: tn('deleted', records.length),
            action: {
              label: t('undo'),
              run: async () => {
                try {
                  await sendMessage('restoreCodes', { records });
                  show({ message: tn('restored', records.length) });
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
    };
  }, [show, t, tn]);
}
