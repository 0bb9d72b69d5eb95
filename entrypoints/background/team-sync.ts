import { browser } from 'wxt/browser';
import type { CodesDb } from '@/utils/vault/db';
import { onCommandCommitted, type CommandName } from '@/utils/vault/commands';
import { forgetTeamSheet, recordTeamChanges, settleTeamConflict, teamCounts } from '@/utils/vault/team-commands';
import { syncRound } from '@/utils/team-sheet/round';
import type { RoundReason } from '@/utils/team-sheet/hand-edits';
import { createSheetsClient, SheetsError, SHEETS_PERMISSION, spreadsheetIdOf, TAB } from '@/utils/team-sheet/sheets-api';
import {
  NO_TEAM_SHEET,
  parseTeamSheetConfig,
  teamSheetItem,
  teamStatusItem,
  type TeamProblem,
  type TeamSheetConfig,
  type TeamSheetStatus,
} from '@/utils/team-sheet/settings';
import { googleSignIn, SignInError } from '@/utils/team-sheet/google-auth';
import { getSettings } from '@/utils/settings';
import { resolveZone } from '@/utils/i18n/dates';
import { registerHandlers } from './router';

/**
 * The team sheet (optional, off by default): every vault command queues what it changed, and a round
 * runs a few seconds later (a burst of commands is one round); a round also runs every minute on an
 * alarm and whenever the popup, the dashboard or the Ads Manager picker opens (now and then reading every row,
 * for cells typed over by hand: utils/team-sheet/hand-edits.ts). Faults: 429/5xx back off
 * (the queue is kept), 401 asks to sign in again (the queue is kept), 403/404 stop with a clear message.
 * Nothing here touches the network unless a sheet is connected and sheets.googleapis.com is granted.
 */

export const TEAM_ALARM = 'team-sheet-pull';
const RETRY_ALARM = 'team-sheet-retry';
const FLUSH_DELAY_MS = 2000;
const PULL_MINUTES = 1;
/** Pages whose opening pulls (they are about to show codes); their list messages, not new ones. */
const OPENING_MESSAGES = new Set(['popupView', 'pickerList', 'dashboardView']);

export function setupTeamSync(db: CodesDb, changed: () => Promise<void> | void) {
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const config = async () => parseTeamSheetConfig(await teamSheetItem.getValue());
  const live = (c: TeamSheetConfig) => c.enabled && !!c.spreadsheetId && !!c.accessToken;
  const granted = () => browser.permissions.contains({ origins: [SHEETS_PERMISSION] }).catch(() => false);

  async function status(): Promise<TeamSheetStatus> {
    const [c, s, counts] = await Promise.all([config(), teamStatusItem.getValue(), teamCounts(db)]);
    if (!c.enabled) return { state: 'off', recent: [], pending: 0, asking: [], conflicts: [], problem: s.problem, message: s.message };
    const asking = counts.conflicts.map((e) => e.code);
    return { ...s, pending: counts.pending, asking, conflicts: counts.conflicts, title: c.title, spreadsheetId: c.spreadsheetId, me: c.me };
  }
  const setStatus = async (patch: Partial<Omit<TeamSheetStatus, 'pending' | 'asking' | 'conflicts'>>) =>
    teamStatusItem.setValue({ ...(await teamStatusItem.getValue()), ...patch });

  /** A Google token an hour old is renewed without a prompt when Google allows it; a pasted one is used as is. */
  async function token(c: TeamSheetConfig): Promise<string> {
    if (c.tokenSource === 'google' && c.tokenExpiresAt && Date.now() > c.tokenExpiresAt - 60_000) {
      const fresh = await googleSignIn(false).catch(() => undefined);
      if (!fresh)
        throw new SheetsError(
          'auth',
          401,
          'Your Google sign-in expired. Sign in again in Options → Share with your team; your changes stay queued.',
        );
      await teamSheetItem.setValue({ ...c, accessToken: fresh.token, tokenExpiresAt: fresh.expiresAt });
      return fresh.token;
    }
    return c.accessToken;
  }

  async function round(reason: RoundReason): Promise<TeamSheetStatus> {
    const c = await config();
    if (!live(c) || !(await granted())) return status();
    const s = await teamStatusItem.getValue();
    if (s.state === 'signin' || s.state === 'stopped') return status();
    await setStatus({ state: 'syncing' });
    try {
      const client = createSheetsClient({ token: () => token(c) });
      const zone = resolveZone((await getSettings()).timeZone);
      const report = await syncRound(db, client, c.spreadsheetId, { me: c.me, now: Date.now(), zone, reason });
      failures = 0;
      const recent = [...report.changes, ...s.recent].slice(0, 20);
      await setStatus({ state: 'ok', message: undefined, problem: undefined, lastSyncedAt: Date.now(), recent, held: report.held });
      if (report.imported || report.changes.length) await changed();
    } catch (e) {
      const err = e instanceof SheetsError ? e : new SheetsError('other', 0, `Sync failed: ${(e as Error).message}`);
      if (err.kind === 'retry' || err.kind === 'other') {
        failures++;
        // 30 s, 1, 2, 4… minutes, at most 15, with jitter so a team does not retry in step.
        const minutes = Math.min(15, 0.5 * 2 ** (failures - 1)) * (0.8 + Math.random() * 0.4);
        await browser.alarms.create(RETRY_ALARM, { delayInMinutes: Math.max(0.5, minutes) });
        await setStatus({ state: 'retrying', message: err.message, problem: err.kind });
      } else await setStatus({ state: err.kind === 'auth' ? 'signin' : 'stopped', message: err.message, problem: err.kind });
    }
    return status();
  }

  // A page opening that is folded into a pending round still makes it an opening round (it may check for hand edits).
  let soonReason: RoundReason = 'change';
  const runSoon = (delay = FLUSH_DELAY_MS, reason: RoundReason = 'change') => {
    if (timer) clearTimeout(timer);
    if (reason === 'opening') soonReason = reason;
    timer = setTimeout(() => {
      timer = undefined;
      const r = soonReason;
      soonReason = 'change';
      void serial(() => round(r));
    }, delay);
  };

  const wholeLook = new Set<CommandName>(['deleteCodes', 'restoreDeleted']);
  onCommandCommitted((name) => {
    // The sync's own writes are what the sheet already has: never queued back.
    if (name === 'applyTeamSheet') return;
    void config().then(async (c) => {
      if (!live(c)) return;
      await serial(() => recordTeamChanges(db, { all: wholeLook.has(name), now: Date.now() }));
      runSoon();
    });
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && OPENING_MESSAGES.has(type)) void config().then((c) => live(c) && runSoon(200, 'opening'));
    return undefined;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM || alarm.name === RETRY_ALARM) void serial(() => round('alarm'));
  });
  // A worker restart: look at everything once (a command may have committed just before the worker stopped).
  void config().then(async (c) => {
    if (!live(c)) return;
    await browser.alarms.create(TEAM_ALARM, { periodInMinutes: PULL_MINUTES });
    await serial(() => recordTeamChanges(db, { all: true, now: Date.now() }));
    runSoon(500);
  });

  async function connect(data: { sheet: string; me: string; accessToken?: string }): Promise<TeamSheetStatus> {
    const prev = await config();
    // A sign-in or a sheet that fails changes nothing: the old connection, its queue and its state stay.
    const failed = async (message: string, problem: TeamProblem): Promise<TeamSheetStatus> => {
      await setStatus({ state: prev.enabled ? (await teamStatusItem.getValue()).state : 'off', message, problem });
      return { ...(await status()), message, problem };
    };
    let signIn: { token: string; expiresAt: number; source: 'google' | 'pasted' };
    try {
      signIn = data.accessToken
        ? { token: data.accessToken, expiresAt: 0, source: 'pasted' }
        : await googleSignIn(true).then((t) => ({ ...t, source: 'google' as const }));
    } catch (e) {
      return failed((e as Error).message, e instanceof SignInError ? e.problem : 'other');
    }
    const client = createSheetsClient({ token: async () => signIn.token });
    let spreadsheetId = '';
    let title = '';
    try {
      if (!data.sheet) {
        title = 'Ad Code Keeper — team codes';
        spreadsheetId = await client.create(title);
      } else {
        spreadsheetId = spreadsheetIdOf(data.sheet) ?? '';
        if (!spreadsheetId)
          return failed('That is not a Google Sheets address (it looks like https://docs.google.com/spreadsheets/d/…).', 'not-a-sheet');
        const book = await client.spreadsheet(spreadsheetId);
        title = book.title;
        if (!book.tabs.some((t) => t.title === TAB)) await client.prepareTab(spreadsheetId, await client.addTab(spreadsheetId));
      }
    } catch (e) {
      return failed(e instanceof Error ? e.message : String(e), e instanceof SheetsError ? e.kind : 'other');
    }
    if (prev.spreadsheetId !== spreadsheetId) await forgetTeamSheet(db);
    await teamSheetItem.setValue({
      enabled: true,
      spreadsheetId,
      title,
      me: data.me,
      accessToken: signIn.token,
      tokenExpiresAt: signIn.expiresAt,
      tokenSource: signIn.source,
    });
    await teamStatusItem.setValue({ state: 'ok', recent: [] });
    await browser.alarms.create(TEAM_ALARM, { periodInMinutes: PULL_MINUTES });
    await serial(() => recordTeamChanges(db, { all: true, now: Date.now() }));
    return serial(() => round('manual'));
  }

  registerHandlers({
    teamSheetConnect: (data) => connect(data),
    teamSheetDisconnect: async () => {
      await teamSheetItem.setValue(NO_TEAM_SHEET);
      await teamStatusItem.setValue({ state: 'off', recent: [] });
      await browser.alarms.clear(TEAM_ALARM);
      await forgetTeamSheet(db);
      return status();
    },
    teamSheetSync: async () => {
      // "Sync now" after a stop or a sign-in problem is the user asking to try again.
      const s = await teamStatusItem.getValue();
      if (s.state === 'stopped' || s.state === 'retrying') await setStatus({ state: 'ok' });
      return serial(() => round('manual'));
    },
    teamSheetStatus: () => status(),
    teamSheetSettle: async ({ code, keep }) => {
      await settleTeamConflict(db, code, keep, Date.now());
      return status();
    },
  });
}
