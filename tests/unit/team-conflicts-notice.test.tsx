// The dashboard's line about notes to settle: shown while the vault holds kept-both notes that still read as
// the sheet joined them, in the page's language, gone once they are settled here; nothing when not connected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { codesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { settleTeamConflict } from '@/utils/vault/team-commands';
import { sharedOf } from '@/utils/team-sheet/shared';
import { I18nProvider } from '@/utils/i18n/react';
import { TeamConflictsNotice } from '@/entrypoints/dashboard/TeamConflictsNotice';
import { makeCode, NOW } from './dashboard-fixtures';

const JOINED = 'Ana: Q4 ⟂ Bea: wait';

async function flag(code: string) {
  const db = codesDb();
  await saveCaptures(db, [{ code, periodDays: 30, sentAt: NOW, notes: JOINED, source: { kind: 'gmail' } }], NOW);
  const r = (await db.codes.where('code').equals(code).first())!;
  await db.teamReplica.put({
    code,
    row: 2,
    values: sharedOf(r),
    fieldAt: { notes: NOW },
    updatedAt: NOW,
    by: 'bea@team.com',
    conflicts: ['notes'],
  });
}
const show = (language = 'en') =>
  render(
    <I18nProvider language={language} timeZone="UTC">
      <TeamConflictsNotice />
    </I18nProvider>,
  );

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([codesDb().codes.clear(), codesDb().teamReplica.clear(), codesDb().teamOutbox.clear()]);
});
afterEach(cleanup);

describe('TeamConflictsNotice', () => {
  it('counts the codes to settle and opens Settings; settling one here takes it away', async () => {
    const user = userEvent.setup();
    await flag(makeCode(1));
    await flag(makeCode(2));
    show();
    expect(await screen.findByRole('status')).toHaveTextContent('2 codes have notes to settle: two teammates changed them at once.');
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await user.click(screen.getByRole('button', { name: 'Settle in Settings' }));
    expect(open).toHaveBeenCalled();
    await settleTeamConflict(codesDb(), makeCode(1), 0, NOW + 1000);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^1 code has notes to settle/));
    await settleTeamConflict(codesDb(), makeCode(2), 'both', NOW + 2000);
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  it('speaks the page’s language, and says nothing without kept-both notes', async () => {
    await flag(makeCode(3));
    show('de');
    expect(await screen.findByRole('status')).toHaveTextContent('Bei 1 Code sind Notizen zu entscheiden');
    expect(screen.getByRole('button', { name: 'In den Einstellungen entscheiden' })).toBeInTheDocument();
    cleanup();
    await codesDb().teamReplica.clear();
    show();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
