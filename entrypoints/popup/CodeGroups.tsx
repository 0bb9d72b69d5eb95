import type { ReactNode } from 'react';
import { CodeRow, type CodeRowActions } from '@/components/CodeRow';
import { STATUS_LABELS } from '@/components/StatusPill';
import type { MessageKey } from '@/utils/i18n/core';
import { useI18n } from '@/utils/i18n/context';
import type { GroupKey, RowGroup } from './groups';

const LIST_LABELS: Record<GroupKey, MessageKey> = {
  expiring: 'popupGroupExpiringCodes',
  ready: 'popupGroupReadyCodes',
  used: 'popupGroupUsedCodes',
  expired: 'popupExpiredCodes',
};
const HEADINGS: Record<GroupKey, MessageKey> = { ...STATUS_LABELS, ready: STATUS_LABELS.active };

/**
 * The popup's list in groups, each with a heading and its count. `moreUsable` / `moreExpired`:
 * the "Show more" buttons, shown after the last group they extend.
 */
export function CodeGroups({
  groups,
  now,
  windowDays,
  actions,
  tiktok,
  selected,
  onSelect,
  moreUsable,
  moreExpired,
}: {
  groups: RowGroup[];
  now: number;
  windowDays: number;
  actions: CodeRowActions;
  tiktok: boolean;
  /** Present when a batch action exists: the ids picked. */
  selected?: ReadonlySet<number>;
  onSelect(id: number, on: boolean): void;
  moreUsable?: ReactNode;
  moreExpired?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const lastUsable = groups.filter((g) => g.key !== 'expired').at(-1)?.key;
  return (
    <>
      {groups.map((g) => (
        <section key={g.key} className={`code-group group-${g.key}`} aria-labelledby={`group-${g.key}`}>
          <h2 className="section-title group-title" id={`group-${g.key}`}>
            <span>{t(HEADINGS[g.key])}</span>{' '}
            <span className="group-count">{g.count.toLocaleString(lang)}</span>
          </h2>
          <ul className="code-list" aria-label={t(LIST_LABELS[g.key])}>
            {g.rows.map((r) => (
              <CodeRow
                key={r.id}
                record={r}
                now={now}
                windowDays={windowDays}
                actions={actions}
                tiktok={tiktok}
                selection={selected && { selected: selected.has(r.id!), onChange: (on) => onSelect(r.id!, on) }}
              />
            ))}
          </ul>
          {g.key === lastUsable && moreUsable}
          {g.key === 'expired' && moreExpired}
        </section>
      ))}
      {!lastUsable && moreUsable}
    </>
  );
}
