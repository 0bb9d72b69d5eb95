import { storage } from 'wxt/utils/storage';
import type { TeamConflict } from './asking';
import type { HeldChange } from './plan';

/** The optional host the team sheet asks for (here, not in sheets-api.ts, so the options page stays small). */
export const SHEETS_PERMISSION = 'https://sheets.googleapis.com/*';

/**
 * The team sheet's own storage. `local:` on purpose: the access token must never be synced to other
 * browsers; each browser signs in itself. Checked by hand (no zod): the options page reads these.
 */

export interface TeamSheetConfig {
  enabled: boolean;
  spreadsheetId: string;
  title: string;
  /** The name written in updated_by ("who changed what"): the teammate's email or name. */
  me: string;
  accessToken: string;
  /** Epoch ms; 0 when unknown (a pasted token). */
  tokenExpiresAt: number;
  /** 'google': signed in through Google's consent screen; 'pasted': an access token pasted in Options (advanced, and the e2e). */
  tokenSource: 'google' | 'pasted';
}

export const NO_TEAM_SHEET: TeamSheetConfig = {
  enabled: false,
  spreadsheetId: '',
  title: '',
  me: '',
  accessToken: '',
  tokenExpiresAt: 0,
  tokenSource: 'google',
};
export const teamSheetItem = storage.defineItem<TeamSheetConfig>('local:teamSheet', { fallback: NO_TEAM_SHEET });

export type TeamSyncState = 'off' | 'ok' | 'syncing' | 'retrying' | 'signin' | 'stopped';

/**
 * Why sync or sign-in stopped, as a word Options can say in the user's language (`message` keeps the
 * background's English detail, e.g. the HTTP status, for anything these do not cover).
 */
export type TeamProblem = 'auth' | 'gone' | 'retry' | 'other' | 'signin-cancelled' | 'no-client-id' | 'no-identity' | 'not-a-sheet';

export interface TeamSheetStatus {
  state: TeamSyncState;
  message?: string;
  problem?: TeamProblem;
  lastSyncedAt?: number;
  pending: number;
  /** Local changes kept queued because their row in the sheet cannot be read (as of the last round). */
  held?: HeldChange[];
  /** Who changed what, newest first (changes that came from teammates). */
  recent: { code: string; by: string; fields: string[]; at: number }[];
  /** Codes whose notes were kept both ways and wait for someone to choose. */
  asking: string[];
  /** The same codes with both versions of the notes, who wrote each and when (absent in older answers). */
  conflicts?: TeamConflict[];
  title?: string;
  spreadsheetId?: string;
  me?: string;
}

export const teamStatusItem = storage.defineItem<Omit<TeamSheetStatus, 'pending' | 'asking' | 'conflicts'>>('local:teamSheetStatus', {
  fallback: { state: 'off', recent: [] },
});

export function parseTeamSheetConfig(raw: unknown): TeamSheetConfig {
  const v = (raw ?? {}) as Partial<TeamSheetConfig>;
  const str = (x: unknown, max: number) => (typeof x === 'string' && x.length <= max ? x : '');
  return {
    enabled: v.enabled === true,
    spreadsheetId: str(v.spreadsheetId, 200),
    title: str(v.title, 300),
    me: str(v.me, 200),
    accessToken: str(v.accessToken, 4096),
    tokenExpiresAt: typeof v.tokenExpiresAt === 'number' ? v.tokenExpiresAt : 0,
    tokenSource: v.tokenSource === 'pasted' ? 'pasted' : 'google',
  };
}
