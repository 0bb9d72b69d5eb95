import type { CodeStatus } from '@/utils/expiry';

const LABELS: Record<CodeStatus, string> = {
  active: 'Ready',
  used: 'Used',
  expiring: 'Expiring',
  expired: 'Expired',
  archived: 'Archived',
};

export function StatusPill({ status }: { status: CodeStatus }) {
  return <span className={`pill pill-${status}`}>{LABELS[status]}</span>;
}
