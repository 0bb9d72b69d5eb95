import { browser } from 'wxt/browser';
import type { AdCodeRecord } from '@/utils/code-record';
import type { CodesDb } from '@/utils/vault/db';
import { applyTikTokFacts } from '@/utils/vault/commands';
import { applyTikTokPosts } from '@/utils/vault/tiktok-commands';
import { getCodes, savedAmong } from '@/utils/vault/queries';
import { normalizeAdCode } from '@/utils/extract';
import { credentialsReady, getApiCredentials, type ApiCredentials } from '@/utils/api-settings';
import {
  accountsItem,
  connectedAccounts,
  getAccountsStore,
  putAccount,
  SYNC_PERIOD_MINUTES,
  syncProgressItem,
  type AccountState,
} from '@/utils/tiktok-accounts';
import {
  backoffDelayMs,
  createTikTokClient,
  TIKTOK_API_PERMISSION,
  type ApiError,
  type PostFacts,
  type TikTokClient,
} from '@/utils/tiktok-api';
import { accountLabel, mergePost, readAllPosts, type PostChange } from '@/utils/tiktok-sync';
import { describeChange } from '@/utils/tiktok-history';
import type { ApiProblem, ApplyReport, ImportPreview, SyncReport } from '@/utils/protocol';
import { alreadyIn, markApplied, verdictOf } from '@/utils/tiktok-apply';
import { getSettings } from '@/utils/settings';
import { resolveLanguage, translator, type Translator } from '@/utils/i18n';
import { ensurePeriodicAlarm } from './periodic-alarm';
import { syncLiveAds } from './live-ads';
import { applyFromPageHandlers } from './apply-handlers';
import { registerHandlers } from './router';

/**
 * Import from Ads Manager and the daily re-sync (optional TikTok API feature): every connected
 * account's authorized posts are read page by page, then merged one account per vault command.
 * Like verification, nothing here touches the network unless the feature is on, set up and granted.
 */

export const SYNC_ALARM = 'tiktok-sync';
/** A preview's posts are reused by the import that follows it, if the user confirms soon enough. */
const PREVIEW_FRESH_MS = 10 * 60_000;
const MAX_NOTIFIED = 3;
/** Between two /tt_video/authorize/ calls: a bulk apply must not trip TikTok's rate limit. */
const APPLY_SPACING_MS = 200;

export interface SyncerDeps {
  db: CodesDb;
  changed: () => Promise<void> | void;
  fetch?: typeof fetch;
  baseUrl?: string;
  hasPermission?: () => Promise<boolean>;
  notify?: (record: AdCodeRecord, change: PostChange) => Promise<void>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type Ready = { client: TikTokClient; creds: ApiCredentials } | { blocked: ApiProblem };

const problem = (e: ApiError): ApiProblem => ({ kind: e.kind, message: e.message });

/** A token that stops working mid-run: the run ends, says so, and keeps nothing of the account it was reading. */
function tokenStopped(account: AccountState, t: Translator['t']): ApiProblem {
  return { kind: 'token', message: t('apTokenStopped', { account: accountLabel(account) }) };
}

export function createSyncer(deps: SyncerDeps) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const hasPermission = deps.hasPermission ?? (() => browser.permissions.contains({ origins: [TIKTOK_API_PERMISSION] }));
  const notify = deps.notify ?? notifyChange;
  let cache: { at: number; token: string; read: Map<string, PostFacts[]> } | undefined;

  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  async function readiness(): Promise<Ready> {
    const creds = await getApiCredentials();
    if (!credentialsReady(creds)) return { blocked: { kind: 'off', message: (await userWords()).t('apBlockedOff') } };
    if (!(await hasPermission())) return { blocked: { kind: 'permission', message: (await userWords()).t('apBlockedPermission') } };
    return {
      creds,
      client: createTikTokClient({
        accessToken: creds.accessToken,
        advertiserId: creds.advertiserId,
        fetch: deps.fetch,
        baseUrl: deps.baseUrl,
      }),
    };
  }

  async function saveAccount(account: AccountState) {
    await accountsItem.setValue(putAccount(await getAccountsStore(), account));
  }

  function addAccount(advertiserId: string) {
    return serial(async () => {
      const ready = await readiness();
      if ('blocked' in ready) return { ok: false, error: ready.blocked };
      const info = await ready.client.advertiserInfo(advertiserId);
      if (!info.ok) return { ok: false, error: problem(info.error) };
      const store = await getAccountsStore();
      const known = store.accounts.find((a) => a.advertiserId === advertiserId);
      await saveAccount({ ...(known ?? { advertiserId, addedAt: now(), failures: 0 }), name: info.value.name });
      return { ok: true, name: info.value.name };
    });
  }

  async function removeAccount(advertiserId: string) {
    const store = await getAccountsStore();
    await accountsItem.setValue({ ...store, accounts: store.accounts.filter((a) => a.advertiserId !== advertiserId) });
  }

  /** Accounts not named yet (the token's own advertiser) are named through /advertiser/info/ once. */
  async function named(client: TikTokClient, accounts: AccountState[]): Promise<AccountState[]> {
    const out: AccountState[] = [];
    for (const a of accounts) {
      const info = a.name === undefined ? await client.advertiserInfo(a.advertiserId) : undefined;
      if (info?.ok && info.value.name) {
        const latest = (await getAccountsStore()).accounts.find((x) => x.advertiserId === a.advertiserId) ?? a;
        await saveAccount({ ...latest, name: info.value.name });
        out.push({ ...a, name: info.value.name });
      } else out.push(a);
    }
    return out;
  }

  /** Reads every account; stops at a token error (the others would fail the same way). */
  async function readAccounts(client: TikTokClient, accounts: AccountState[], mode: 'preview' | 'import' | 'sync' | 'schedule') {
    const read = new Map<string, PostFacts[]>();
    const failed = new Map<string, ApiProblem>();
    let stop: ApiProblem | undefined;
    const t = now();
    for (let i = 0; i < accounts.length; i++) {
      const account = accounts[i];
      // A rate-limited account rests until its backoff ends; the others go on.
      if (mode === 'schedule' && account.notBefore !== undefined && account.notBefore > t) continue;
      const progress = { running: true, account: i + 1, accounts: accounts.length, accountName: accountLabel(account) };
      await syncProgressItem.setValue({ ...progress, page: 0, totalPages: 0 });
      const result = await readAllPosts(client, account.advertiserId, {
        sleep,
        random: deps.random,
        onPage: (page, totalPages) => void syncProgressItem.setValue({ ...progress, page, totalPages }),
      });
      if (result.ok) {
        read.set(account.advertiserId, result.posts);
        continue;
      }
      if (result.error.kind === 'token') {
        stop = tokenStopped(account, (await userWords()).t);
        failed.set(account.advertiserId, stop);
        break;
      }
      failed.set(account.advertiserId, problem(result.error));
      if (result.error.kind === 'rate-limited' && mode !== 'preview') {
        const failures = account.failures + 1;
        await saveAccount({ ...account, failures, notBefore: t + backoffDelayMs('rate-limited', failures, deps.random) });
      }
    }
    await syncProgressItem.setValue(null);
    return { read, failed, stop };
  }

  function previewImport(): Promise<ImportPreview> {
    return serial(async () => {
      const ready = await readiness();
      if ('blocked' in ready) return { ok: false, accounts: [], newCodes: 0, knownCodes: 0, error: ready.blocked };
      const accounts = await named(ready.client, connectedAccounts(ready.creds, await getAccountsStore(), now()));
      const { read, failed, stop } = await readAccounts(ready.client, accounts, 'preview');
      cache = { at: now(), token: ready.creds.accessToken, read };
      const rows: ImportPreview['accounts'] = [];
      const all = new Set<string>();
      const saved = new Set<string>();
      for (const a of accounts) {
        const codes = (read.get(a.advertiserId) ?? []).map((p) => normalizeAdCode(p.authCode)).filter((c): c is string => !!c);
        const known = codes.length ? await savedAmong(deps.db, codes) : [];
        codes.forEach((c) => all.add(c));
        known.forEach((c) => saved.add(c));
        const error = failed.get(a.advertiserId);
        rows.push({
          advertiserId: a.advertiserId,
          name: a.name,
          posts: codes.length,
          newCodes: codes.length - known.length,
          knownCodes: known.length,
          error,
        });
      }
      const ok = !stop && failed.size < accounts.length;
      return { ok, accounts: rows, newCodes: all.size - saved.size, knownCodes: saved.size, error: stop };
    });
  }

  function sync(mode: 'import' | 'sync' | 'schedule'): Promise<SyncReport> {
    return serial(async () => {
      const report: SyncReport = { ran: false, accounts: [], added: 0, updated: 0, changes: 0 };
      const ready = await readiness();
      if ('blocked' in ready) return { ...report, error: ready.blocked };
      const store = await getAccountsStore();
      if (mode !== 'import' && store.importedAt === undefined) {
        return { ...report, error: { kind: 'no-import', message: (await userWords()).t('apImportFirst') } };
      }
      report.ran = true;
      const accounts = await named(ready.client, connectedAccounts(ready.creds, store, now()));
      const reuse = mode === 'import' && cache && cache.token === ready.creds.accessToken && now() - cache.at < PREVIEW_FRESH_MS;
      const pending = reuse ? accounts.filter((a) => !cache!.read.has(a.advertiserId)) : accounts;
      const fetched = await readAccounts(ready.client, pending, mode);
      const read = new Map([...(reuse ? cache!.read : []), ...fetched.read]);
      cache = undefined;
      const t = now();
      const notices: { record: AdCodeRecord; change: PostChange }[] = [];
      const user = await userWords();
      const [added, updated] = [new Set<string>(), new Set<string>()];
      let liveChanged = false;
      for (const account of accounts) {
        const posts = read.get(account.advertiserId);
        const error = fetched.failed.get(account.advertiserId);
        const latest =
          connectedAccounts(ready.creds, await getAccountsStore(), t).find((a) => a.advertiserId === account.advertiserId) ?? account;
        if (!posts) {
          if (error) {
            report.accounts.push({
              advertiserId: account.advertiserId,
              name: account.name,
              ok: false,
              posts: 0,
              added: 0,
              updated: 0,
              changes: [],
              error,
            });
            await saveAccount({
              ...latest,
              lastSync: { at: t, ok: false, posts: 0, added: 0, updated: 0, changes: [], message: error.message },
            });
          }
          continue;
        }
        const ref = { advertiserId: account.advertiserId, name: account.name };
        const applied = await applyTikTokPosts(deps.db, posts, t, (existing, code, post) => mergePost(existing, code, post, ref, t));
        const words = applied.changes.flatMap(({ record, changes }) =>
          changes.map((change) => {
            notices.push({ record, change });
            return describeChange(change, whoOf(record), shortDate(user.lang), user.t).message;
          }),
        );
        applied.touched.added.forEach((c) => added.add(c));
        applied.touched.updated.forEach((c) => updated.add(c));
        report.changes += words.length;
        // After the posts (they link TikTok's item ids to the codes): a token that stopped needs no more requests.
        const live = fetched.stop
          ? undefined
          : await syncLiveAds(deps.db, ready.client, account.advertiserId, posts, t, { sleep, random: deps.random });
        const adsError = live && !live.ok ? problem(live.error) : undefined;
        if (live?.ok && live.changed) liveChanged = true;
        report.accounts.push({
          ...ref,
          ok: true,
          posts: posts.length,
          added: applied.added,
          updated: applied.updated,
          changes: words,
          adsError,
        });
        await saveAccount({
          ...latest,
          failures: 0,
          notBefore: undefined,
          lastSync: {
            at: t,
            ok: true,
            posts: posts.length,
            added: applied.added,
            updated: applied.updated,
            changes: words.slice(0, 20),
            adsMessage: adsError?.message,
          },
        });
      }
      // Distinct codes: one listed in two accounts is one new code, not two.
      report.added = added.size;
      report.updated = [...updated].filter((c) => !added.has(c)).length;
      if (fetched.stop) report.error = fetched.stop;
      const after = await getAccountsStore();
      await accountsItem.setValue({ ...after, importedAt: after.importedAt ?? t, nextSyncAt: t + SYNC_PERIOD_MINUTES * 60_000 });
      for (const n of notices.slice(0, MAX_NOTIFIED))
        await notify(n.record, n.change).catch((e) => console.warn('[ad-code-keeper] notification failed', e));
      if (report.added || report.updated || liveChanged) await deps.changed();
      return report;
    });
  }

  /** Each code × account through /tt_video/authorize/, one at a time; a success is recorded on the code. */
  function applyCodes(ids: number[], advertiserIds: string[]): Promise<ApplyReport> {
    return serial(async () => {
      const report: ApplyReport = { ran: false, results: [], applied: 0, already: 0, failed: 0 };
      const ready = await readiness();
      if ('blocked' in ready) return { ...report, error: ready.blocked };
      report.ran = true;
      const user = await userWords();
      const { t } = user;
      const chosen = connectedAccounts(ready.creds, await getAccountsStore(), now()).filter((a) => advertiserIds.includes(a.advertiserId));
      const accounts = await named(ready.client, chosen);
      let stopped: ApiProblem | undefined;
      for (const record of await getCodes(deps.db, ids)) {
        for (const account of accounts) {
          const row = {
            id: record.id!,
            code: record.code,
            who: whoOf(record),
            advertiserId: account.advertiserId,
            accountName: account.name,
          };
          if (stopped) {
            report.results.push({ ...row, outcome: 'failed', words: t('apNotTried'), retry: true });
            continue;
          }
          if (alreadyIn(record, account.advertiserId)) {
            report.results.push({ ...row, ...verdictOf(undefined, true, user) });
            continue;
          }
          const result = await ready.client.authorize(account.advertiserId, record.code);
          if (!result.ok && result.error.kind === 'token') stopped = tokenStopped(account, t);
          if (result.ok) {
            const ref = { advertiserId: account.advertiserId, name: account.name };
            await applyTikTokFacts(deps.db, record.id!, record.code, (fresh) => markApplied(fresh, ref, now()));
          }
          const verdict =
            stopped && !result.ok
              ? { outcome: 'failed' as const, words: stopped.message, retry: true }
              : verdictOf(result.ok ? undefined : result.error, false, user);
          report.results.push({ ...row, ...verdict });
          await sleep(APPLY_SPACING_MS);
        }
      }
      for (const r of report.results) report[r.outcome]++;
      report.error = stopped;
      if (report.applied) await deps.changed();
      return report;
    });
  }

  async function runSchedule(): Promise<SyncReport | undefined> {
    // Checked before anything else, so an idle extension with the feature off does nothing.
    if (!credentialsReady(await getApiCredentials())) return undefined;
    if ((await getAccountsStore()).importedAt === undefined) return undefined;
    return sync('schedule');
  }

  return { addAccount, removeAccount, previewImport, sync, applyCodes, runSchedule };
}

const whoOf = (r: AdCodeRecord) => r.creatorHandle ?? r.verified?.tiktokName ?? r.source.senderName ?? 'a creator';
const shortDate = (lang: string) => (ms: number) =>
  new Date(ms).toLocaleDateString(lang, { month: 'short', day: 'numeric', year: 'numeric' });
/** Change reports, notifications and apply results are worded in the user's language (settings, else the browser's). */
async function userWords(): Promise<Translator> {
  return translator(resolveLanguage((await getSettings()).language, globalThis.navigator?.languages));
}

async function notifyChange(record: AdCodeRecord, change: PostChange) {
  const { notificationsEnabled } = await getSettings();
  if (!notificationsEnabled) return;
  const { t, lang } = await userWords();
  const { title, message } = describeChange(change, whoOf(record), shortDate(lang), t);
  await browser.notifications.create(`tiktok-change-${record.id}-${change.kind}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message: `${message} Code ${record.code.slice(0, 9)}…`,
    priority: 1,
  });
}

/** The background's one wiring call for import and re-sync. */
export function setupTikTokSync(db: CodesDb, changed: () => Promise<void> | void) {
  const syncer = createSyncer({ db, changed });
  registerHandlers({
    tiktokAddAccount: ({ advertiserId }) => syncer.addAccount(advertiserId),
    tiktokRemoveAccount: ({ advertiserId }) => syncer.removeAccount(advertiserId),
    tiktokPreviewImport: () => syncer.previewImport(),
    tiktokSync: ({ mode }) => syncer.sync(mode),
    tiktokApplyCodes: ({ ids, advertiserIds }) => syncer.applyCodes(ids, advertiserIds),
    ...applyFromPageHandlers(db, changed),
  });
  void ensurePeriodicAlarm(SYNC_ALARM, SYNC_PERIOD_MINUTES);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncer.runSchedule();
  });
}
