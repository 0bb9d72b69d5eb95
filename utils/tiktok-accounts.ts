import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { isAdvertiserId, type ApiCredentials } from './api-settings';

/**
 * The ad accounts the user's token works with (optional TikTok API feature) and how each one's
 * last sync went. `local:` like the token: never synced to other browsers. The advertiser saved
 * with the token is always the first account; the user adds more by ID (TikTok lists a token's
 * accounts only through /oauth2/advertiser/get/, which needs the app's secret, which the user
 * does not have — so there is nothing to pick from).
 */

/** A daily re-sync; the user can ask for one any time. */
export const SYNC_PERIOD_MINUTES = 24 * 60;
export const MAX_ACCOUNTS = 50;

const epoch = z.number().finite().min(0);
const syncOutcomeSchema = z.object({
  at: epoch,
  ok: z.boolean(),
  posts: z.number().int().min(0).default(0),
  added: z.number().int().min(0).default(0),
  updated: z.number().int().min(0).default(0),
  /** Changes TikTok reported on known codes (extended, no longer authorized, deleted), worded for the user. */
  changes: z.array(z.string().max(500)).max(20).default([]),
  message: z.string().max(2000).optional(),
  /** Why live ads (/ad/get/, /adgroup/get/) could not be checked this time, when they could not. */
  adsMessage: z.string().max(2000).optional(),
});

const accountSchema = z.object({
  advertiserId: z.string().refine(isAdvertiserId),
  name: z.string().max(1000).optional(),
  addedAt: epoch,
  lastSync: syncOutcomeSchema.optional(),
  /** After a rate limit: this account is not asked again before then. */
  notBefore: epoch.optional(),
  failures: z.number().int().min(0).default(0),
});

const storeSchema = z.object({
  accounts: z.array(accountSchema).max(MAX_ACCOUNTS).default([]),
  /** When the first import (after its preview) was made: re-syncs only run after it. */
  importedAt: epoch.optional(),
  nextSyncAt: epoch.optional(),
});

export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;
export type AccountState = z.infer<typeof accountSchema>;
export type AccountsStore = z.infer<typeof storeSchema>;

const EMPTY: AccountsStore = { accounts: [] };
export const accountsItem = storage.defineItem<AccountsStore>('local:tiktokAccounts', { fallback: EMPTY });

export function parseAccountsStore(raw: unknown): AccountsStore {
  const parsed = storeSchema.safeParse(raw ?? EMPTY);
  return parsed.success ? parsed.data : EMPTY;
}

export async function getAccountsStore(): Promise<AccountsStore> {
  return parseAccountsStore(await accountsItem.getValue());
}

/** The token's advertiser first, then the ones the user added (never twice). */
export function connectedAccounts(creds: ApiCredentials, store: AccountsStore, now = 0): AccountState[] {
  const primary = store.accounts.find((a) => a.advertiserId === creds.advertiserId) ?? { advertiserId: creds.advertiserId, addedAt: now, failures: 0 };
  const rest = store.accounts.filter((a) => a.advertiserId !== creds.advertiserId);
  return isAdvertiserId(creds.advertiserId) ? [primary, ...rest] : rest;
}

/** Returns the store with `account` added or replaced (same advertiser ID). */
export function putAccount(store: AccountsStore, account: AccountState): AccountsStore {
  const i = store.accounts.findIndex((a) => a.advertiserId === account.advertiserId);
  const accounts = i < 0 ? [...store.accounts, account] : store.accounts.toSpliced(i, 1, account);
  return { ...store, accounts: accounts.slice(-MAX_ACCOUNTS) };
}

/** What the options page shows while a read runs (session storage: gone when the browser closes). */
export interface SyncProgress {
  running: boolean;
  /** 1-based account being read, of `accounts`. */
  account: number;
  accounts: number;
  accountName: string;
  page: number;
  totalPages: number;
}

export const syncProgressItem = storage.defineItem<SyncProgress | null>('session:tiktokSyncProgress', { fallback: null });
