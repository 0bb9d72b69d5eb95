import { useI18n } from '@/utils/i18n/context';
import { historyLine } from '@/utils/tiktok-history';
import type { Row } from './filters';

/**
 * The drawer's record of where a code is and what happened to it: the ad accounts that hold it
 * (TikTok lists it there, or it was applied there) and its history, newest first.
 * History lines are worded in English for now (utils/tiktok-history.ts); the dates follow the user's format.
 */
export function CodeHistory({ row }: { row: Row }) {
  const { t, date } = useI18n();
  const accounts = row.accounts ?? [];
  const history = [...(row.history ?? [])].reverse();
  if (!accounts.length && !history.length) return null;
  return (
    <section className="drawer-history">
      {accounts.length > 0 && (
        <>
          <h3>{t('accountsTitle')}</h3>
          <ul aria-label={t('accountsTitle')}>
            {accounts.map((a) => (
              <li key={a.advertiserId}>
                {a.name ? `${a.name} (${a.advertiserId})` : a.advertiserId} — {a.state === 'applied' ? 'applied' : 'listed by TikTok'}
              </li>
            ))}
          </ul>
        </>
      )}
      {history.length > 0 && (
        <>
          <h3>{t('historyTitle')}</h3>
          <ul aria-label={t('historyTitle')}>
            {history.map((h, i) => (
              <li key={`${h.at}-${i}`}>{historyLine(h, date, t)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
