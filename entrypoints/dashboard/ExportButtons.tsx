import type { AdCodeRecord } from '@/utils/code-record';
import { SCHEMA_VERSIONS } from '@/utils/vault/db';
import { dayKey } from '@/utils/i18n/dates';
import { useI18n } from '@/utils/i18n/context';
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
  // The writers (papaparse, the backup schema) are fetched on the first click, not with the page.
  const run = async (file: string, make: () => Promise<string>, mime: string) => {
    try {
      downloadText(file, await make(), mime);
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
        onClick={() =>
          void run(
            `ad-codes-${stamp}.csv`,
            async () => (await import('@/utils/csv')).codesToCsv(shown, zone, now, settings.alertWindowDays),
            'text/csv;charset=utf-8',
          )
        }
      >
        {t('exportCsv')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() =>
          void run(
            `ad-code-expiries-${stamp}.ics`,
            async () => (await import('@/utils/ics')).codesToIcs(shown, thresholds, now),
            'text/calendar;charset=utf-8',
          )
        }
      >
        {t('exportIcs')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() =>
          void run(
            `ad-code-keeper-backup-${stamp}.json`,
            async () => (await import('@/utils/backup')).makeBackup(all, SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version, now),
            'application/json',
          )
        }
      >
        {t('exportJson')}
      </button>
    </div>
  );
}
