import { storage } from 'wxt/utils/storage';

/**
 * The TikTok API feature's own storage. Everything is `local:` on purpose: an access token must
 * never be synced to other browsers or to the user's Google account.
 * Checked by hand, not with zod: the popup reads these to offer "Check with TikTok", and zod would be
 * most of its bundle.
 */

const TOKEN_FORMAT = /^[A-Za-z0-9._-]{16,512}$/;
const ADVERTISER_FORMAT = /^\d{6,25}$/;
const TOKEN_PROBLEM = 'An access token is a long string of letters and digits (at least 16), with no spaces.';
const ADVERTISER_PROBLEM = 'The advertiser ID is a number (the digits after "aadvid=" in Ads Manager\'s address).';

export const isAccessToken = (text: string) => TOKEN_FORMAT.test(text.trim());
export const isAdvertiserId = (text: string) => ADVERTISER_FORMAT.test(text.trim());

export interface ApiCredentials {
  enabled: boolean;
  accessToken: string;
  advertiserId: string;
}
export const NO_CREDENTIALS: ApiCredentials = { enabled: false, accessToken: '', advertiserId: '' };

export const apiCredentialsItem = storage.defineItem<ApiCredentials>('local:tiktokApi', { fallback: NO_CREDENTIALS });

/** Whatever is stored, the caller gets a well-formed value; anything unreadable means "off". */
export function parseApiCredentials(raw: unknown): ApiCredentials {
  const input = (raw ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || Array.isArray(input)) return NO_CREDENTIALS;
  const { enabled = false, accessToken = '', advertiserId = '' } = input;
  const fits = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
  if (typeof enabled !== 'boolean' || !fits(accessToken, 512) || !fits(advertiserId, 25)) return NO_CREDENTIALS;
  return { enabled, accessToken, advertiserId };
}

export async function getApiCredentials(): Promise<ApiCredentials> {
  return parseApiCredentials(await apiCredentialsItem.getValue());
}

/** Field-level problems with the user's input, keyed by field; empty when it can be saved. */
export function credentialProblems(input: { accessToken: string; advertiserId: string }): Partial<Record<'accessToken' | 'advertiserId', string>> {
  const problems: Partial<Record<'accessToken' | 'advertiserId', string>> = {};
  if (!isAccessToken(input.accessToken)) problems.accessToken = input.accessToken.trim() ? TOKEN_PROBLEM : 'Enter your access token.';
  if (!isAdvertiserId(input.advertiserId)) problems.advertiserId = input.advertiserId.trim() ? ADVERTISER_PROBLEM : 'Enter your advertiser ID.';
  return problems;
}

/** Saves trimmed, validated credentials; throws with the first field problem otherwise. */
export async function saveApiCredentials(input: { accessToken: string; advertiserId: string; enabled: boolean }): Promise<ApiCredentials> {
  const problems = credentialProblems(input);
  const first = problems.accessToken ?? problems.advertiserId;
  if (first) throw new Error(first);
  const next: ApiCredentials = {
    enabled: input.enabled,
    accessToken: input.accessToken.trim(),
    advertiserId: input.advertiserId.trim(),
  };
  await apiCredentialsItem.setValue(next);
  return next;
}

export async function setApiEnabled(enabled: boolean): Promise<ApiCredentials> {
  const next = { ...(await getApiCredentials()), enabled };
  await apiCredentialsItem.setValue(next);
  return next;
}

/** Forgets the token and advertiser and turns the feature off. */
export async function removeApiCredentials(): Promise<void> {
  await apiCredentialsItem.removeValue();
  await verificationStateItem.removeValue();
}

/** Usable only when turned on and both fields are valid. */
export function credentialsReady(c: ApiCredentials): boolean {
  return c.enabled && isAccessToken(c.accessToken) && isAdvertiserId(c.advertiserId);
}

/** "••••••••3f9a": enough for the user to recognise which token is saved, useless to anyone else. */
export function maskToken(token: string): string {
  const t = token.trim();
  if (!t) return '';
  return `${'•'.repeat(8)}${t.length > 12 ? t.slice(-4) : ''}`;
}

// ---------------------------------------------------------------- verification run state

export interface VerificationState {
  lastRunAt?: number;
  lastSuccessAt?: number;
  /** No scheduled or on-demand call happens before this moment (backoff after failures). */
  notBefore?: number;
  failures: number;
  lastError?: { kind: string; message: string; at: number };
  /** Advertiser name from the last successful connection test. */
  advertiserName?: string;
}

/** The stored run state if it is well formed, otherwise a fresh one (as after no run at all). */
function parseVerificationState(raw: unknown): VerificationState {
  const s = (raw ?? {}) as Record<string, unknown>;
  if (typeof s !== 'object' || Array.isArray(s)) return { failures: 0 };
  const optional = (v: unknown, type: 'number' | 'string') => v === undefined || typeof v === type;
  const e = s.lastError as Record<string, unknown> | undefined;
  const errorOk = e === undefined || (typeof e === 'object' && e !== null && typeof e.kind === 'string' && typeof e.message === 'string' && typeof e.at === 'number');
  const failures = s.failures ?? 0;
  const ok =
    ['lastRunAt', 'lastSuccessAt', 'notBefore'].every((k) => optional(s[k], 'number')) &&
    optional(s.advertiserName, 'string') &&
    Number.isInteger(failures) &&
    (failures as number) >= 0 &&
    errorOk;
  if (!ok) return { failures: 0 };
  const state: VerificationState = { failures: failures as number };
  for (const k of ['lastRunAt', 'lastSuccessAt', 'notBefore'] as const) if (s[k] !== undefined) state[k] = s[k] as number;
  if (e) state.lastError = { kind: e.kind as string, message: e.message as string, at: e.at as number };
  if (s.advertiserName !== undefined) state.advertiserName = s.advertiserName as string;
  return state;
}

export const verificationStateItem = storage.defineItem<VerificationState>('local:tiktokApiState', { fallback: { failures: 0 } });

export async function getVerificationState(): Promise<VerificationState> {
  return parseVerificationState(await verificationStateItem.getValue());
}
