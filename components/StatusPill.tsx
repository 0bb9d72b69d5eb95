import type { CodeStatus } from '@/utils/expiry';
import type { MessageKey } from '@/utils/i18n/core';
import { useI18nOrEnglish } from '@/utils/i18n/context';

/** The one vocabulary of a code's state: popup, dashboard, filters and picker all say the same words. */
export const STATUS_LABELS: Record<CodeStatus, MessageKey> = {
  active: 'pillReady',
  used: 'pillUsed',
  expiring: 'pillExpiring',
  expired: 'pillExpired',
  archived: 'pillArchived',
};

export function StatusPill({ status }: { status: CodeStatus }) {
  const { t } = useI18nOrEnglish();
  return <span className={`pill pill-${status}`}>{t(STATUS_LABELS[status])}</span>;
}
