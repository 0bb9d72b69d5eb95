import { browser } from 'wxt/browser';
import { useI18n } from '@/utils/i18n/context';
import { useVaultQuery } from '@/utils/vault/hooks';
import { teamConflicts } from '@/utils/vault/team-queries';

/**
 * A small line above the codes when the team sheet kept two teammates' notes side by side and waits for
 * someone to choose (Options → Share with your team lists them). Read from the vault, so it costs no
 * message and shows nothing when the sheet is not connected (no replica, no conflicts).
 */
export function TeamConflictsNotice() {
  const { t, tn } = useI18n();
  const count = useVaultQuery((db) => teamConflicts(db).then((c) => c.length), []);
  if (!count) return null;
  return (
    <p className="dash-team-notice" role="status">
      <span>{tn('dashTeamNotice', count)}</span>
      <button type="button" className="btn btn-sm" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('dashTeamSettle')}
      </button>
    </p>
  );
}
