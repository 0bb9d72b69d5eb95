import type { AdCodeRecord } from '@/utils/code-record';
import { SCHEMA_VERSIONS } from '@/utils/vault/db';
import { codesToCsv } from '@/utils/csv';
import { codesToIcs } from '@/utils/ics';
import { makeBackup } from '@/utils/backup';
import { dayKey } from '@/utils/i18n/dates';
import { useI18n } from '@/utils/i18n/react';
import type { Settings } from '@/utils/settings';
import { downloadText } from './download';
import type { Toast } from './useToast';

/**
 * CSV and .ics export the codes currently shown (so filters choose what goes out);
 * the JSON backup always holds every record, losslessly.
 */
export function ExportButtons({
  all,
  shown,
  settings,
  now,
  notify,
}: {
  all: AdCodeRecord[];
  shown: AdCodeRecord[];
  settings: Settings;
  now: number;
  notify: (t: Omit<Toast, 'id'>) => void;
}) {
  const { t, zone } = useI18n();
  const stamp = dayKey(now, zone);
  const run = (file: string, make: () => string, mime: string) => {
    try {
      downloadText(file, make(), mime);
      notify({ message: t('exportDone', { file }) });
    } catch (e) {
      notify({ tone: 'error', message: t('actionFailed', { reason: (e as Error).message }) });
    }
  };
  const thresholds = settings.notificationsEnabled ? settings.notifyThresholds : [];
  return (
    <div className="dash-export" role="group" aria-label="Export">
      <button
        type="button"
        className="btn"
        onClick={() => run(`ad-codes-${stamp}.csv`, () => codesToCsv(shown, zone, now, settings.alertWindowDays), 'text/csv;charset=utf-8')}
      >
        {t('exportCsv')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => run(`ad-code-expiries-${stamp}.ics`, () => codesToIcs(shown, thresholds, now), 'text/calendar;charset=utf-8')}
      >
        {t('exportIcs')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => run(`ad-code-keeper-backup-${stamp}.json`, () => makeBackup(all, SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version, now), 'application/json')}
      >
        {t('exportJson')}
      </button>
    </div>
  );
}
