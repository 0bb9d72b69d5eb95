// Options → Share with your team: the notes to settle (both versions, who wrote each and when, keep
// mine / theirs / both by keyboard), the empty state, and the section in German. The background is mocked
// at @/utils/protocol (an unanswered message would hang in the fake browser).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings';
import { OptionsRoot } from '@/entrypoints/options/App';
import { TeamSection } from '@/entrypoints/options/TeamSection';
import { I18nProvider } from '@/utils/i18n/react';
import type { TeamSheetStatus } from '@/utils/team-sheet/settings';

const CODE = '#Zq4Lm8Rt2Wx6Yp0Nv3Ks7Hd1Fg5Jc9Ba2Ee4Ui6Oo8Pp0Qq2Ss4Tt6Vv8Xx0Zz2A';
const AT_ANA = Date.UTC(2026, 11, 1, 9, 30);
const AT_BEA = Date.UTC(2026, 11, 1, 10, 15);
const CONNECTED: TeamSheetStatus = {
  state: 'ok',
  lastSyncedAt: Date.UTC(2026, 11, 1, 11, 0),
  pending: 0,
  recent: [{ code: CODE, by: 'bea@team.com', fields: ['uses', 'notes'], at: AT_BEA }],
  asking: [CODE],
  conflicts: [
    {
      code: CODE,
      notes: 'Ana: booked for Q4 ⟂ Bea: wait a week',
      sides: [
        { value: 'Ana: booked for Q4', by: 'ana@team.com', at: AT_ANA },
        { value: 'Bea: wait a week', by: 'bea@team.com', at: AT_BEA },
      ],
    },
  ],
  title: 'Team codes',
  spreadsheetId: 'sheet-1',
  me: 'ana@team.com',
};
const SETTLED: TeamSheetStatus = { ...CONNECTED, pending: 1, asking: [], conflicts: [] };

const answers = vi.hoisted(() => ({ status: undefined as unknown, settle: undefined as unknown, connect: undefined as unknown }));
vi.mock('@/utils/protocol', async (original) => {
  const actual = await original<typeof import('@/utils/protocol')>();
  return {
    ...actual,
    sendMessage: vi.fn((type: string, ...rest: unknown[]) => {
      if (type === 'teamSheetStatus') return Promise.resolve(answers.status);
      if (type === 'teamSheetSettle') return Promise.resolve(answers.settle);
      if (type === 'teamSheetConnect') return Promise.resolve(answers.connect);
      return (actual.sendMessage as (...a: unknown[]) => Promise<unknown>)(type, ...rest);
    }),
  };
});
const { sendMessage } = await import('@/utils/protocol');

function renderSection(language = 'en') {
  return render(
    <I18nProvider language={language} timeZone="UTC">
      <TeamSection />
    </I18nProvider>,
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(sendMessage).mockClear();
  answers.status = CONNECTED;
  answers.settle = SETTLED;
  await saveSettings({ ...DEFAULT_SETTINGS, language: 'en', timeZone: 'UTC' });
});
afterEach(cleanup);

describe('notes to settle', () => {
  it('lists the code with both versions, who wrote each and when', async () => {
    renderSection();
    const item = await screen.findByRole('listitem', { name: 'Code #Zq4Lm8Rt2W…' });
    const mine = within(item).getByRole('listitem', { name: 'Your version' });
    expect(mine).toHaveTextContent('Ana: booked for Q4');
    expect(mine).toHaveTextContent(/You · Dec 1, 2026.*9:30/);
    const theirs = within(item).getByRole('listitem', { name: 'Version by bea@team.com' });
    expect(theirs).toHaveTextContent('Bea: wait a week');
    expect(theirs).toHaveTextContent(/bea@team\.com · Dec 1, 2026.*10:15/);
    expect(screen.getByText(/1 code has two versions of its notes/)).toBeInTheDocument();
    const choices = within(screen.getByRole('group', { name: 'Code #Zq4Lm8Rt2W…' })).getAllByRole('button');
    expect(choices.map((b) => b.textContent)).toEqual(['Keep mine', 'Keep theirs', 'Keep both']);
  });

  it('"Keep theirs" by keyboard sends the teammate’s version; the list empties and focus lands on the confirmation', async () => {
    const user = userEvent.setup();
    renderSection();
    const theirs = await screen.findByRole('button', { name: 'Keep theirs' });
    theirs.focus();
    await user.keyboard('{Enter}');
    expect(sendMessage).toHaveBeenCalledWith('teamSheetSettle', { code: CODE, keep: 1 });
    expect(await screen.findByText('Nothing to settle: no two teammates changed the same notes at once.')).toBeInTheDocument();
    const done = screen.getByRole('status');
    expect(done).toHaveTextContent('Settled: #Zq4Lm8Rt2W… keeps the chosen notes');
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.getByTestId('team-pending')).toHaveTextContent('1 change waiting');
  });

  it('"Keep both" sends both; when neither version is mine the choices say first and second', async () => {
    const user = userEvent.setup();
    answers.status = { ...CONNECTED, me: 'cy@team.com' };
    renderSection();
    const group = await screen.findByRole('group', { name: 'Code #Zq4Lm8Rt2W…' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Keep the first', 'Keep the second', 'Keep both']);
    expect(screen.getByRole('listitem', { name: 'Version by ana@team.com' })).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Keep both' }));
    expect(sendMessage).toHaveBeenCalledWith('teamSheetSettle', { code: CODE, keep: 'both' });
  });

  it('a version whose author this browser cannot tell is "a teammate", without a time', async () => {
    const [ana, bea] = CONNECTED.conflicts![0].sides;
    answers.status = { ...CONNECTED, conflicts: [{ ...CONNECTED.conflicts![0], sides: [ana, { ...bea, by: '', at: 0 }] }] };
    renderSection();
    const other = await screen.findByRole('listitem', { name: 'Version by A teammate' });
    expect(other.textContent).toBe('A teammateBea: wait a week');
    expect(screen.getByRole('button', { name: 'Keep theirs' })).toBeInTheDocument();
  });

  it('says so when nothing waits, while sharing is on', async () => {
    answers.status = SETTLED;
    renderSection();
    expect(await screen.findByText('Nothing to settle: no two teammates changed the same notes at once.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Keep/ })).toBeNull();
  });
});

describe('who changed what', () => {
  const HAND: TeamSheetStatus = {
    ...SETTLED,
    recent: [
      { code: CODE, by: 'sheet', fields: ['notes', 'expiresAt'], at: AT_BEA },
      { code: CODE, by: 'bea@team.com', fields: ['uses'], at: AT_ANA },
    ],
  };

  it('a cell typed by hand in the sheet is credited in words, not to a teammate named "sheet"', async () => {
    answers.status = HAND;
    renderSection();
    const lines = within(await screen.findByTestId('team-recent')).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent(/^Typed in the sheet: notes, expiry · #Zq4Lm8Rt2W… · Dec 1, 2026.*10:15/);
    expect(lines[1]).toHaveTextContent(/^bea@team\.com: marked used/);
    expect(screen.queryByText(/^sheet:/)).toBeNull();
  });

  it('says it in the page’s language (German, French)', async () => {
    answers.status = HAND;
    renderSection('de');
    expect(within(await screen.findByTestId('team-recent')).getAllByRole('listitem')[0]).toHaveTextContent(
      /^Von Hand in der Tabelle: Notizen, Ablauf · /,
    );
    cleanup();
    renderSection('fr');
    expect(within(await screen.findByTestId('team-recent')).getAllByRole('listitem')[0]).toHaveTextContent(/^Saisi dans la feuille : /);
  });
});

describe('a change that waits for a row to be fixed', () => {
  const HELD: TeamSheetStatus = {
    ...SETTLED,
    pending: 2,
    held: [
      { code: CODE, row: 14, column: 'expires_at' },
      { code: '#Bb2Cc4Dd6Ee8Ff0Gg2Hh4Jj6Kk8Ll0Mm2Nn4Pp6Qq8Rr0Ss2Tt4Uu6Vv8Ww0Xx2Y', row: 9 },
    ],
  };

  it('says which row and cell to fix, beside the pending count', async () => {
    answers.status = HELD;
    renderSection();
    expect(await screen.findByTestId('team-pending')).toHaveTextContent('2 changes waiting');
    const lines = within(screen.getByTestId('team-held')).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent)).toEqual([
      'A change to #Zq4Lm8Rt2W… waits: row 14’s “expires_at” cell cannot be read — fix it in the sheet.',
      'A change to #Bb2Cc4Dd6E… waits: row 9 cannot be read (its “problems” cell says why) — fix it in the sheet.',
    ]);
  });

  it('in German; and nothing is said when no change waits for a row', async () => {
    answers.status = HELD;
    renderSection('de');
    expect(within(await screen.findByTestId('team-held')).getAllByRole('listitem')[0]).toHaveTextContent(
      'Eine Änderung an #Zq4Lm8Rt2W… wartet: Die Zelle „expires_at“ in Zeile 14 ist nicht lesbar – korrigiere sie in der Tabelle.',
    );
    cleanup();
    answers.status = { ...HELD, held: [] };
    renderSection();
    await screen.findByTestId('team-pending');
    expect(screen.queryByTestId('team-held')).toBeNull();
  });
});

describe('the team section in German', () => {
  it('a German options page shows the team section, its sync state, who changed what and the notes to settle in German', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'de', timeZone: 'UTC' });
    render(<OptionsRoot />);
    expect(await screen.findByRole('heading', { name: 'Mit dem Team teilen' })).toBeInTheDocument();
    expect(await screen.findByTestId('team-sync-state')).toHaveTextContent('Abgleich: Abgeglichen');
    expect(screen.getByTestId('team-pending')).toHaveTextContent('0 Änderungen warten');
    expect(screen.getByTestId('team-recent')).toHaveTextContent('bea@team.com: als genutzt markiert, Notizen');
    expect(screen.getByRole('heading', { name: 'Notizen zum Entscheiden' })).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'Deine Fassung' })).toHaveTextContent('Ana: booked for Q4');
    const group = screen.getByRole('group', { name: 'Code #Zq4Lm8Rt2W…' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Meine behalten', 'Die andere behalten', 'Beide behalten']);
    expect(screen.getByRole('button', { name: 'Jetzt abgleichen' })).toBeInTheDocument();
    expect(screen.queryByText(/Share with your team|Notes to settle|Who changed what|In sync|Keep mine|marked used/)).toBeNull();
  });

  it('the connect form and a stopped sync (the sheet was deleted) in German', async () => {
    answers.status = {
      ...CONNECTED,
      state: 'stopped',
      problem: 'gone',
      message: 'The team sheet was deleted or is no longer shared with you (404).',
    };
    renderSection('de');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Team-Tabelle wurde gelöscht oder ist nicht mehr für dich freigegeben. Der Abgleich ist angehalten; verbinde hier wieder eine Tabelle.',
    );
    expect(screen.getByTestId('team-sync-state')).toHaveTextContent('Abgleich: Angehalten');
    cleanup();
    answers.status = { state: 'off', pending: 0, recent: [], asking: [] };
    renderSection('de');
    expect(await screen.findByLabelText('Dein Name in der Tabelle')).toBeInTheDocument();
    expect(screen.getByLabelText('Adresse der Team-Tabelle')).toBeInTheDocument();
    expect(screen.getByLabelText('Google-OAuth-Token (Bereich „spreadsheets“)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mit Google anmelden und verbinden' })).toBeInTheDocument();
    expect(screen.queryByText(/Your name in the sheet|Team sheet address/)).toBeNull();
  });

  it('"Sign in again" in German; the English labels the e2e finds stay distinct in English', async () => {
    answers.status = { ...CONNECTED, state: 'signin', problem: 'auth', message: 'Google no longer accepts the sign-in.' };
    renderSection('de');
    expect(await screen.findByRole('alert')).toHaveTextContent('Google akzeptiert die Anmeldung nicht mehr');
    expect(screen.getByRole('button', { name: 'Neu anmelden' })).toBeInTheDocument();
    cleanup();
    answers.status = { state: 'off', pending: 0, recent: [], asking: [] };
    renderSection('en');
    // Playwright's getByLabel matches substrings: each label must match only its own field.
    for (const label of ['Your name in the sheet', 'Team sheet address', 'Google OAuth token'])
      expect(await screen.findAllByLabelText(new RegExp(label, 'i'))).toHaveLength(1);
  });
});

describe('connect problems', () => {
  it('a closed Google sign-in and a build without a client ID are said clearly, in the page’s language', async () => {
    const user = userEvent.setup();
    answers.status = { state: 'off', pending: 0, recent: [], asking: [] };
    const granted = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    answers.connect = {
      state: 'off',
      pending: 0,
      recent: [],
      asking: [],
      problem: 'signin-cancelled',
      message: 'Google sign-in was closed before it finished.',
    };
    renderSection();
    await user.type(await screen.findByLabelText('Your name in the sheet'), 'ana@team.com');
    await user.click(screen.getByRole('button', { name: 'Create a new team sheet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Google sign-in was closed before it finished. Nothing changed');
    answers.connect = { ...(answers.connect as TeamSheetStatus), problem: 'no-client-id', message: 'no client id' };
    await user.click(screen.getByRole('button', { name: 'Create a new team sheet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /WXT_GOOGLE_CLIENT_ID \(see the README\).*paste an access token under Advanced/,
    );
    granted.mockRestore();
  });
});

describe('the team words in five languages', () => {
  it('every language words every team key itself, with the same placeholders as English', async () => {
    const { enTeam } = await import('@/utils/i18n/team/en');
    const others = {
      de: (await import('@/utils/i18n/team/de')).deTeam,
      fr: (await import('@/utils/i18n/team/fr')).frTeam,
      es: (await import('@/utils/i18n/team/es')).esTeam,
      pt: (await import('@/utils/i18n/team/pt')).ptTeam,
    };
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [lang, words] of Object.entries(others)) {
      const keys = Object.keys(enTeam) as (keyof typeof enTeam)[];
      for (const k of keys) expect([lang, k, holes(words[k])]).toEqual([lang, k, holes(enTeam[k])]);
      // Untranslated leftovers: the same sentence as English (short shared words like "Code {code}" aside).
      const same = keys.filter((k) => words[k] === enTeam[k] && enTeam[k].length > 16);
      expect([lang, same.filter((k) => k !== 'teamRecentLine')]).toEqual([lang, []]);
    }
  });
});
