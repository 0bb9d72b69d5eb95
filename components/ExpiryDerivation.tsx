import { useState } from 'react';
import type { AdCodeRecord } from '@/utils/code-record';
import { ALLOWED_PERIODS } from '@/utils/expiry';
import { describeExpiry, expirySourceOf, shortDay } from '@/utils/expiry-derivation';
import { dayKey, zonedInstant } from '@/utils/i18n/dates';
import { useI18nOrEnglish } from '@/utils/i18n/context';

export interface ExpiryFixActions {
  /** A period chip: the user says how long the code runs. */
  onChoosePeriod?(record: AdCodeRecord, periodDays: number): void;
  /** The answer to "when did this code arrive?" (epoch ms). */
  onSetReceivedAt?(record: AdCodeRecord, receivedAt: number): void;
}

/**
 * How the expiry was worked out, in plain words, and the one-click fixes for a guess: period chips
 * when the period was assumed, the arrival-date question when the message date was not found.
 * Shared by the popup's row details and the dashboard's drawer.
 */
export function ExpiryDerivation({ record, now, actions }: { record: AdCodeRecord; now: number; actions: ExpiryFixActions }) {
  const i18n = useI18nOrEnglish();
  const { t, tn, lang, zone } = i18n;
  const [day, setDay] = useState('');
  const source = expirySourceOf(record);
  const dateUnknown = !!record.receivedAtUnknown && source !== 'tiktok' && source !== 'user';
  return (
    <div className="expiry-derivation">
      <p className="derivation" data-testid="expiry-derivation">
        {describeExpiry(record, i18n, shortDay(lang, zone))}
      </p>
      {source === 'assumed' && actions.onChoosePeriod && (
        <div className="period-chips" role="group" aria-label={t('periodChipsLabel')}>
          <span>{t('periodChipsLabel')}</span>
          {ALLOWED_PERIODS.map((p) => (
            <button key={p} type="button" className="btn btn-sm chip" onClick={() => actions.onChoosePeriod!(record, p)}>
              {tn('periodChipDays', p)}
            </button>
          ))}
        </div>
      )}
      {dateUnknown && actions.onSetReceivedAt && (
        <div className="date-ask" role="group" aria-label={t('dateAsk')}>
          <span>{t('dateAsk')}</span>
          <button type="button" className="btn btn-sm" onClick={() => actions.onSetReceivedAt!(record, now)}>
            {t('dateAskToday')}
          </button>
          <input
            type="date"
            className="input input-date"
            aria-label={t('dateAskPick')}
            max={dayKey(now, zone)}
            value={day}
            onChange={(e) => {
              setDay(e.target.value);
              // The start of that day in the user's zone: the code existed by then, so the expiry is never late.
              const at = zonedInstant(e.target.value, '00:00', zone);
              if (at !== undefined) actions.onSetReceivedAt!(record, at);
            }}
          />
        </div>
      )}
    </div>
  );
}
