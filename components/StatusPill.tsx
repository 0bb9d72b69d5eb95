import type { CodeStatus } from '@/utils/expiry';
import type { MessageKey } from '@/utils/i18n/core';
import { useI18nOrEnglish } from '@/utils/i18n/context';

const LABELS: Record<CodeStatus, MessageKey> = {
  active: 'pillReady',
  used: 'pillUsed',
  expiring: 'pillExpiring',
  expired: 'pillExpired',
  archived: 'pillArchived',
};

export function StatusPill({ status }: { status: CodeStatus }) {
  const { t } = useI18nOrEnglish();
  return <span className={`pill pill-${status}`}>{t(LABELS[status])}</span>;
}
