// Google sign-in for the team sheet (chrome.identity.launchWebAuthFlow), with a mocked identity API: the
// consent URL, the token taken from Google's redirect and stored, a closed sign-in window that changes
// nothing, and a build without a client ID that says how to configure one. Google is never contacted; the
// Sheets API (sheets.googleapis.com) is the in-memory mock of tests/e2e/sheets-mock.mjs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { authUrl, googleSignIn, SignInError, tokenFromRedirect } from '@/utils/team-sheet/google-auth';
import { SHEETS_SCOPE } from '@/utils/team-sheet/sheets-api';
import { teamSheetItem, teamStatusItem, type TeamSheetStatus } from '@/utils/team-sheet/settings';
import { openCodesDb } from '@/utils/vault/db';
import { saveCaptures } from '@/utils/vault/commands';
import { recordTeamChanges } from '@/utils/vault/team-commands';
import type { Handlers } from '@/entrypoints/background/router';
import { createSheetsMock } from '../e2e/sheets-mock.mjs';
import { makeCode, NOW } from './dashboard-fixtures';

const handlers = vi.hoisted(() => ({}) as Record<string, (data: unknown) => Promise<unknown>>);
vi.mock('@/entrypoints/background/router', () => ({ registerHandlers: (h: Handlers) => Object.assign(handlers, h) }));
const { setupTeamSync } = await import('@/entrypoints/background/team-sync');

const CLIENT_ID = '1234-abc.apps.googleusercontent.com';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const connect = (data: { sheet: string; me: string }) => handlers.teamSheetConnect(data) as Promise<TeamSheetStatus>;

/** A stand-in for chrome.identity: answers like Google's consent window would, and records what it was asked. */
function identity(answer: (url: string) => Promise<string>) {
  const asked: { url: string; interactive?: boolean }[] = [];
  return {
    asked,
    api: {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: vi.fn(async (o: { url: string; interactive?: boolean }) => {
        asked.push(o);
        return answer(o.url);
      }),
    },
  };
}
const grantedBy = (url: string) =>
  `${REDIRECT}#access_token=ya29.granted&token_type=Bearer&expires_in=3599&state=${new URL(url).searchParams.get('state') ?? ''}`;

let seq = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  vi.stubGlobal('fetch', createSheetsMock({ tokens: ['ya29.granted', 'ya29.old'] }).fetch);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('googleSignIn', () => {
  it('asks Google for a token with the build’s client ID, the spreadsheets scope and the extension’s redirect', async () => {
    const id = identity(async (url) => grantedBy(url));
    const got = await googleSignIn(true, { identity: id.api, clientId: CLIENT_ID, now: () => NOW });
    expect(got).toEqual({ token: 'ya29.granted', expiresAt: NOW + 3_599_000 });
    expect(id.asked).toHaveLength(1);
    expect(id.asked[0].interactive).toBe(true);
    const url = new URL(id.asked[0].url);
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      scope: SHEETS_SCOPE,
      redirect_uri: REDIRECT,
      response_type: 'token',
    });
    expect(SHEETS_SCOPE).toBe('https://www.googleapis.com/auth/spreadsheets');
  });

  it('a closed window, a refused consent and an answer without a token are errors that say what happened', async () => {
    const closed = identity(async () => Promise.reject(new Error('The user did not approve access.')));
    await expect(googleSignIn(true, { identity: closed.api, clientId: CLIENT_ID })).rejects.toMatchObject({
      problem: 'signin-cancelled',
      message: /closed before it finished/,
    });
    expect(() => tokenFromRedirect(`${REDIRECT}#error=access_denied`, NOW)).toThrow(SignInError);
    expect(() => tokenFromRedirect(`${REDIRECT}#error=access_denied`, NOW)).toThrow(/cancelled/);
    expect(() => tokenFromRedirect(`${REDIRECT}#state=x`, NOW)).toThrow(/no token in the answer/);
    expect(authUrl('x', REDIRECT)).toContain('response_type=token');
  });

  it('without a client ID it never opens a window and says how to configure one', async () => {
    const id = identity(async (url) => grantedBy(url));
    const err = (await googleSignIn(true, { identity: id.api, clientId: '' }).catch((e: unknown) => e)) as SignInError;
    expect(err).toMatchObject({ problem: 'no-client-id' });
    expect(err.message).toMatch(/WXT_GOOGLE_CLIENT_ID.*README/);
    expect(id.asked).toHaveLength(0);
    // The README really tells whoever builds the extension how to set it.
    expect(readFileSync('README.md', 'utf8')).toMatch(/WXT_GOOGLE_CLIENT_ID=\S+\s+npm run build/);
  });
});

describe('connecting through Options (the background’s teamSheetConnect)', () => {
  it('stores the token from Google’s redirect and syncs with it', async () => {
    vi.stubEnv('WXT_GOOGLE_CLIENT_ID', CLIENT_ID);
    const id = identity(async (url) => grantedBy(url));
    vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(id.api.launchWebAuthFlow);
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockImplementation(id.api.getRedirectURL);
    setupTeamSync(openCodesDb(`auth-${++seq}`), () => {});
    const before = Date.now();
    const s = await connect({ sheet: '', me: 'ana@team.com' });
    expect(s).toMatchObject({ state: 'ok', me: 'ana@team.com', title: 'Ad Code Keeper — team codes' });
    expect(new URL(id.asked[0].url).searchParams.get('client_id')).toBe(CLIENT_ID);
    const stored = await teamSheetItem.getValue();
    expect(stored).toMatchObject({ enabled: true, accessToken: 'ya29.granted', tokenSource: 'google', spreadsheetId: s.spreadsheetId });
    expect(stored.tokenExpiresAt).toBeGreaterThanOrEqual(before + 3_599_000);
  });

  it('a sign-in closed before it finished changes nothing: the old connection and its queued changes stay', async () => {
    vi.stubEnv('WXT_GOOGLE_CLIENT_ID', CLIENT_ID);
    const db = openCodesDb(`auth-${++seq}`);
    const old = {
      enabled: true,
      spreadsheetId: 'sheet-old',
      title: 'Team codes',
      me: 'ana@team.com',
      accessToken: 'ya29.old',
      tokenExpiresAt: NOW,
      tokenSource: 'google' as const,
    };
    await teamSheetItem.setValue(old);
    await teamStatusItem.setValue({ state: 'signin', recent: [], problem: 'auth', message: 'Google no longer accepts the sign-in.' });
    await saveCaptures(db, [{ code: makeCode(1), periodDays: 30, sentAt: NOW, source: { kind: 'gmail' } }], NOW);
    await recordTeamChanges(db, { all: true, now: NOW });
    const queued = await db.teamOutbox.toArray();
    expect(queued).toHaveLength(1);
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
    vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockRejectedValue(new Error('The user did not approve access.'));
    setupTeamSync(db, () => {});

    const s = await connect({ sheet: 'sheet-old', me: 'ana@team.com' });
    expect(s).toMatchObject({ state: 'signin', problem: 'signin-cancelled', pending: 1 });
    expect(s.message).toMatch(/Google sign-in was closed before it finished/);
    expect(await teamSheetItem.getValue()).toEqual(old);
    expect(await db.teamOutbox.toArray()).toEqual(queued);
  });

  it('a build without a client ID answers how to configure it, and stays off', async () => {
    vi.stubEnv('WXT_GOOGLE_CLIENT_ID', '');
    const launch = vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow');
    setupTeamSync(openCodesDb(`auth-${++seq}`), () => {});
    const s = await connect({ sheet: '', me: 'ana@team.com' });
    expect(s).toMatchObject({ state: 'off', problem: 'no-client-id' });
    expect(s.message).toMatch(/WXT_GOOGLE_CLIENT_ID/);
    expect(launch).not.toHaveBeenCalled();
    expect((await teamSheetItem.getValue()).enabled).toBe(false);
  });
});
