import type { CodeStatus } from '@/utils/expiry';
import type { MessageKey } from '@/utils/i18n/core';
import { useI18n } from '@/utils/i18n/context';
import { STATUS_LABELS } from '@/components/StatusPill';

/** The popup's pill look (theme.css), with labels in the user's language. */
export function statusLabelKey(s: CodeStatus): MessageKey {
  return STATUS_LABELS[s];
}

export function StatusBadge({ status, renewal }: { status: CodeStatus; renewal?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="dash-pills">
      <span className={`pill pill-${status}`}>{t(statusLabelKey(status))}</span>
      {renewal && <span className="pill pill-renewal">{t('renewalRequested')}</span>}
    </span>
  );
}
