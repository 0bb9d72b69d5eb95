import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * The TikTok API feature's own storage. Everything is `local:` on purpose: an access token must
 * never be synced to other browsers or to the user's Google account.
 */

export const accessTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{16,512}$/, 'An access token is a long string of letters and digits (at least 16), with no spaces.');

export const advertiserIdSchema = z
  .string()
  .trim()
  .regex(/^\d{6,25}$/, 'The advertiser ID is a number (the digits after "aadvid=" in Ads Manager\'s address).');

export const apiCredentialsSchema = z.object({
  enabled: z.boolean().default(false),
  accessToken: z.string().max(512).default(''),
  advertiserId: z.string().max(25).default(''),
});
export type ApiCredentials = z.infer<typeof apiCredentialsSchema>;
export const NO_CREDENTIALS: ApiCredentials = { enabled: false, accessToken: '', advertiserId: '' };

export const apiCredentialsItem = storage.defineItem<ApiCredentials>('local:tiktokApi', { fallback: NO_CREDENTIALS });

/** Whatever is stored, the caller gets a well-formed value; anything unreadable means "off". */
export function parseApiCredentials(raw: unknown): ApiCredentials {
  const parsed = apiCredentialsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : NO_CREDENTIALS;
}

export async function getApiCredentials(): Promise<ApiCredentials> {
  return parseApiCredentials(await apiCredentialsItem.getValue());
}

/** Field-level problems with the user's input, keyed by field; empty when it can be saved. */
export function credentialProblems(input: { accessToken: string; advertiserId: string }): Partial<Record<'accessToken' | 'advertiserId', string>> {
  const problems: Partial<Record<'accessToken' | 'advertiserId', string>> = {};
  const token = accessTokenSchema.safeParse(input.accessToken);
  if (!token.success) problems.accessToken = input.accessToken.trim() ? token.error.issues[0].message : 'Enter your access token.';
  const adv = advertiserIdSchema.safeParse(input.advertiserId);
  if (!adv.success) problems.advertiserId = input.advertiserId.trim() ? adv.error.issues[0].message : 'Enter your advertiser ID.';
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
  return c.enabled && accessTokenSchema.safeParse(c.accessToken).success && advertiserIdSchema.safeParse(c.advertiserId).success;
}

/** "••••••••3f9a": enough for the user to recognise which token is saved, useless to anyone else. */
export function maskToken(token: string): string {
  const t = token.trim();
  if (!t) return '';
  return `${'•'.repeat(8)}${t.length > 12 ? t.slice(-4) : ''}`;
}

// ---------------------------------------------------------------- verification run state

export const verificationStateSchema = z.object({
  lastRunAt: z.number().optional(),
  lastSuccessAt: z.number().optional(),
  /** No scheduled or on-demand call happens before this moment (backoff after failures). */
  notBefore: z.number().optional(),
  failures: z.number().int().min(0).default(0),
  lastError: z
    .object({ kind: z.string(), message: z.string(), at: z.number() })
    .optional(),
  /** Advertiser name from the last successful connection test. */
  advertiserName: z.string().optional(),
});
export type VerificationState = z.infer<typeof verificationStateSchema>;

export const verificationStateItem = storage.defineItem<VerificationState>('local:tiktokApiState', { fallback: { failures: 0 } });

export async function getVerificationState(): Promise<VerificationState> {
  const parsed = verificationStateSchema.safeParse((await verificationStateItem.getValue()) ?? {});
  return parsed.success ? parsed.data : { failures: 0 };
}
