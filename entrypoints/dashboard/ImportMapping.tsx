import type { SheetSummary } from '../../utils/import-preview';
import { MAPPABLE_FIELDS, type SheetField } from '../../utils/import/mapping';
import { STATUS_TABLE } from '../../utils/import/values';
import type { MessageKey } from '@/utils/i18n/core';
import { useI18n } from '@/utils/i18n/context';

const STATUS_KEY = { used: 'importStatusUsed', unused: 'importStatusUnused', expired: 'importStatusExpired' } as const;
const ORDER_KEY = { dmy: 'importOrderDmy', mdy: 'importOrderMdy' } as const;

export const fieldLabelKey = (f: SheetField) => `field_${f}` as MessageKey;

/**
 * The mapping step of a sheet import: one select per column (with two of its cells, so a person can tell
 * what the column holds), the columns left out by name, how dates and statuses are read. Changing a select
 * re-reads the sheet; the row preview below follows.
 */
export function ImportMapping({
  sheet,
  remembered,
  onChange,
}: {
  sheet: SheetSummary;
  remembered: boolean;
  onChange: (mapping: SheetField[]) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, field: SheetField) => {
    const next = [...sheet.mapping];
    // One column per field: the column that had it before gives it up.
    if (field !== 'ignore') next.forEach((f, j) => f === field && j !== i && (next[j] = 'ignore'));
    next[i] = field;
    onChange(next);
  };
  const dateNotes = Object.entries(sheet.dateOrders).map(([field, d]) => {
    const column = sheet.headers[sheet.mapping.indexOf(field as SheetField)];
    return t('importDateOrder', { column, order: t(ORDER_KEY[d.order]) });
  });

  return (
    <section className="import-mapping" aria-labelledby="import-map-title">
      <h3 id="import-map-title">{t('importMapTitle')}</h3>
      <p className="dash-muted">{remembered ? t('importMapRemembered') : t('importMapHint')}</p>
      <div className="import-map-table" role="table" aria-labelledby="import-map-title">
        <div role="row" className="import-map-row import-head">
          <span role="columnheader">{t('importMapColumn')}</span>
          <span role="columnheader">{t('importMapSamples')}</span>
          <span role="columnheader">{t('importMapField')}</span>
        </div>
        {sheet.headers.map((header, i) => {
          const field = sheet.mapping[i] ?? 'ignore';
          const options: SheetField[] = (MAPPABLE_FIELDS as readonly SheetField[]).includes(field)
            ? [...MAPPABLE_FIELDS]
            : [field, ...MAPPABLE_FIELDS];
          const name = header || `#${i + 1}`;
          return (
            <div role="row" key={i} className={`import-map-row${field === 'ignore' ? ' is-ignored' : ''}`}>
              <span role="cell" className="import-map-header">
                {name}
              </span>
              <span role="cell" className="import-map-samples">
                {sheet.samples[i]?.map((s, k) => (
                  <span key={k} className="import-sample" title={s}>
                    {s}
                  </span>
                ))}
              </span>
              <span role="cell">
                <select
                  className="input input-sm"
                  aria-label={t('importMapSelect', { column: name })}
                  value={field}
                  onChange={(e) => set(i, e.target.value as SheetField)}
                >
                  {options.map((f) => (
                    <option key={f} value={f}>
                      {t(fieldLabelKey(f))}
                    </option>
                  ))}
                </select>
              </span>
            </div>
          );
        })}
      </div>
      <p className="dash-note" data-testid="import-ignored">
        {sheet.ignoredColumns.length
          ? t('importIgnored', { columns: sheet.ignoredColumns.map((c) => `“${c}”`).join(', ') })
          : t('importNoneIgnored')}
      </p>
      {!sheet.mapping.includes('code') && (
        <p className="dash-error" role="alert">
          {t('importNoCode')}
        </p>
      )}
      {dateNotes.map((n) => (
        <p key={n} className="dash-note">
          {n}
        </p>
      ))}
      {sheet.mapping.includes('usage') && (
        <details className="import-status-table">
          <summary>{t('importStatusTable')}</summary>
          <ul>
            {STATUS_TABLE.map(({ reading, words }) => (
              <li key={reading}>
                <strong>{words.slice(0, 8).join(', ')}…</strong> → {t(STATUS_KEY[reading])}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
