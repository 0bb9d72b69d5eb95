import type { CodeStatus } from '@/utils/expiry';
import { useI18n } from '@/utils/i18n/context';
import { NO_FILTERS, NONE, type Filters, type StatusFilter } from './filters';
import { statusLabelKey } from './StatusBadge';

const STATUSES: StatusFilter[] = ['active', 'expiring', 'used', 'expired', 'renewal', 'archived'];

export function FilterBar({
  filters,
  onChange,
  creators,
  tags,
  count,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  creators: string[];
  tags: string[];
  count: number;
}) {
  const { t, tn } = useI18n();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const active = filters.status !== 'all' || filters.creator || filters.tag || filters.search;
  return (
    <div className="dash-filters" role="search" aria-label={t('filtersLabel')}>
      <label className="dash-field dash-search">
        <span className="visually-hidden">{t('search')}</span>
        <input className="input" type="search" placeholder={t('searchPlaceholder')} value={filters.search} onChange={(e) => set({ search: e.target.value })} />
      </label>
      <label className="dash-field">
        <span className="dash-field-label">{t('filterStatus')}</span>
        <select className="input" value={filters.status} onChange={(e) => set({ status: e.target.value as StatusFilter })}>
          <option value="all">{t('allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'renewal' ? t('renewalRequested') : t(statusLabelKey(s as CodeStatus))}
            </option>
          ))}
        </select>
      </label>
      <label className="dash-field">
        <span className="dash-field-label">{t('filterCreator')}</span>
        <select className="input" value={filters.creator} onChange={(e) => set({ creator: e.target.value })}>
          <option value="">{t('allCreators')}</option>
          {creators.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          <option value={NONE}>{t('noCreator')}</option>
        </select>
      </label>
      <label className="dash-field">
        <span className="dash-field-label">{t('filterTag')}</span>
        <select className="input" value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">{t('allTags')}</option>
          {tags.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          <option value={NONE}>{t('noTag')}</option>
        </select>
      </label>
      <span className="dash-count" aria-live="polite">
        {tn('showing', count)}
      </span>
      {active && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}
