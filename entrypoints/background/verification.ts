import { browser } from 'wxt/browser';
import type { AdCodeRecord } from '@/utils/code-record';
import type { CodesDb } from '@/utils/vault/db';
import { applyTikTokFacts } from '@/utils/vault/commands';
import { getCodes, listUsable, onCodeCreated } from '@/utils/vault/queries';
import {
  apiCredentialsItem,
  credentialsReady,
  getApiCredentials,
  getVerificationState,
  verificationStateItem,
  type VerificationState,
} from '@/utils/api-settings';
import type { ConnectionReport, VerifyReport } from '@/utils/protocol';
import { getSettings } from '@/utils/settings';
import {
  backoffDelayMs,
  createTikTokClient,
  isCodeLevel,
  isTransient,
  TIKTOK_API_PERMISSION,
  type ApiError,
} from '@/utils/tiktok-api';
import { applyVerification, isLostPerTikTok, justLost, type VerifyOutcome } from '@/utils/verify-apply';
import { ensurePeriodicAlarm } from './periodic-alarm';
import { registerHandlers } from './router';

/**
 * Optional verification of saved codes with TikTok's Marketing API. Nothing in here touches the
 * network unless the user turned the feature on, saved a token and advertiser, and granted the
 * optional host permission; every entry point checks that first.
 */

export const VERIFY_ALARM = 'tiktok-verify';
const TICK_MINUTES = 60;
/** A code is re-checked at most about once a day by the schedule. */
export const STALE_AFTER_MS = 20 * 3_600_000;
/** Per scheduled tick; with hourly ticks that is still far below TikTok's limits. */
export const SCHEDULE_BATCH = 25;
/** Pause between two calls: a schedule run is slow on purpose, a user's click a bit less. */
const SPACING_MS = { schedule: 1000, demand: 250, save: 250 } as const;
const SAVE_DEBOUNCE_MS = 1500;

type Mode = keyof typeof SPACING_MS;

export interface VerifierDeps {
  db: CodesDb;
  /** Runs after records changed (badge refresh). */
  changed: () => Promise<void> | void;
  /** Tests inject the loopback mock here; the extension uses the global fetch and TikTok's real URL. */
  fetch?: typeof fetch;
  baseUrl?: string;
  hasPermission?: () => Promise<boolean>;
  notifyLost?: (record: AdCodeRecord) => Promise<void>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const NEEDS_USER = new Set(['token', 'advertiser']);

export function createVerifier(deps: VerifierDeps) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const hasPermission = deps.hasPermission ?? (() => browser.permissions.contains({ origins: [TIKTOK_API_PERMISSION] }));
  const notifyLost = deps.notifyLost ?? notifyLostCode;

  // One run at a time, so a click during a scheduled run can never double the request rate.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };

  /** Credentials, permission and backoff, in that order; returns why not, or a ready client. */
  async function readiness(mode: Mode | 'test') {
    const creds = await getApiCredentials();
    if (!credentialsReady(creds)) {
      return { blocked: { kind: 'off', message: 'TikTok verification is off. Turn it on in Options → TikTok API verification.' } };
    }
    if (!(await hasPermission())) {
      return {
        blocked: {
          kind: 'permission',
          message: 'Ad Code Keeper is not allowed to contact business-api.tiktok.com. Turn verification off and on again in Options to grant it.',
        },
      };
    }
    const state = await getVerificationState();
    const t = now();
    if (state.notBefore !== undefined && state.notBefore > t && state.lastError) {
      return { blocked: { kind: state.lastError.kind, message: state.lastError.message, retryAt: state.notBefore } };
    }
    // A bad token or advertiser will not fix itself: the schedule waits for the user to change them.
    if (mode === 'schedule' && state.lastError && NEEDS_USER.has(state.lastError.kind)) {
      return { blocked: { kind: state.lastError.kind, message: state.lastError.message } };
    }
    const client = createTikTokClient({
      accessToken: creds.accessToken,
      advertiserId: creds.advertiserId,
      fetch: deps.fetch,
      baseUrl: deps.baseUrl,
    });
    return { client, state };
  }

  async function recordFailure(state: VerificationState, error: ApiError) {
    const t = now();
    const failures = state.failures + 1;
    const next: VerificationState = {
      ...state,
      lastRunAt: t,
      failures,
      lastError: { kind: error.kind, message: error.message, at: t },
      notBefore: isTransient(error.kind) ? t + backoffDelayMs(error.kind, failures, deps.random) : undefined,
    };
    await verificationStateItem.setValue(next);
    return next;
  }

  async function recordSuccess(state: VerificationState, extra: Partial<VerificationState> = {}) {
    const t = now();
    await verificationStateItem.setValue({
      ...state,
      ...extra,
      lastRunAt: t,
      lastSuccessAt: t,
      failures: 0,
      lastError: undefined,
      notBefore: undefined,
    });
  }

  /** Re-reads the record inside the write, so an edit made while TikTok was answering is kept. */
  async function store(id: number, code: string, outcome: VerifyOutcome): Promise<{ lost: boolean; after?: AdCodeRecord }> {
    const t = now();
    const { before, after } = await applyTikTokFacts(deps.db, id, code, (fresh) => applyVerification(fresh, outcome, t));
    return { lost: !!before && !!after && justLost(before, after), after };
  }

  function verifyIds(ids: number[], mode: Mode): Promise<VerifyReport> {
    return serial(async () => {
      const report: VerifyReport = { ran: false, verified: 0, lost: 0, failed: [], skipped: 0 };
      const ready = await readiness(mode);
      if ('blocked' in ready) return { ...report, skipped: ids.length, error: ready.blocked };
      const { client } = ready;
      let state = ready.state;
      report.ran = true;

      const all = await getCodes(deps.db, [...new Set(ids)]);
      // On save, a code that arrived with TikTok's facts (import from Ads Manager) needs no second look.
      const t0 = now();
      const records = mode === 'save' ? all.filter((r) => !r.verified?.authEnd || !!r.verified.error || t0 - r.verified.checkedAt >= STALE_AFTER_MS) : all;
      let wrote = false;
      let answered = false;
      for (let i = 0; i < records.length; i++) {
        const record = records[i];
        if (i > 0) await sleep(SPACING_MS[mode]);
        const result = await client.videoInfo(record.code);
        if (!result.ok && !isCodeLevel(result.error.kind)) {
          state = await recordFailure(state, result.error);
          report.skipped = records.length - i;
          report.error = { kind: result.error.kind, message: result.error.message, retryAt: state.notBefore };
          break;
        }
        answered = true;
        const outcome: VerifyOutcome = result.ok ? { ok: true, facts: result.value } : { ok: false, error: result.error };
        const { lost, after } = await store(record.id!, record.code, outcome);
        if (after) wrote = true;
        if (result.ok) report.verified++;
        else report.failed.push({ id: record.id!, kind: result.error.kind, message: result.error.message });
        if (after && isLostPerTikTok(after.verified)) report.lost++;
        if (lost && after) await notifyLost(after).catch((e) => console.warn('[ad-code-keeper] notification failed', e));
      }
      if (answered && !report.error) await recordSuccess(state);
      if (wrote) await deps.changed();
      return report;
    });
  }

  /** The schedule's pick: usable codes never checked or not checked for a day, soonest expiry first. */
  async function dueForCheck(): Promise<number[]> {
    const t = now();
    const usable = await listUsable(deps.db, t);
    return usable
      .filter((r) => !isLostPerTikTok(r.verified) && (!r.verified || t - r.verified.checkedAt >= STALE_AFTER_MS))
      .sort((a, b) => Number(!!a.verified) - Number(!!b.verified) || a.expiresAt - b.expiresAt)
      .slice(0, SCHEDULE_BATCH)
      .map((r) => r.id!);
  }

  async function runSchedule(): Promise<VerifyReport | undefined> {
    // Checked before reading the database, so an idle extension with the feature off does nothing.
    if (!credentialsReady(await getApiCredentials())) return undefined;
    const ids = await dueForCheck();
    if (!ids.length) return undefined;
    return verifyIds(ids, 'schedule');
  }

  function testConnection(): Promise<ConnectionReport> {
    return serial(async () => {
      const ready = await readiness('test');
      if ('blocked' in ready) return { ok: false, error: ready.blocked };
      const result = await ready.client.advertiserInfo();
      if (!result.ok) {
        await recordFailure(ready.state, result.error);
        return { ok: false, error: { kind: result.error.kind, message: result.error.message } };
      }
      await recordSuccess(ready.state, { advertiserName: result.value.name });
      return { ok: true, advertiserName: result.value.name };
    });
  }

  return { verifyIds, runSchedule, testConnection, dueForCheck };
}

async function notifyLostCode(record: AdCodeRecord) {
  const { notificationsEnabled } = await getSettings();
  if (!notificationsEnabled) return;
  const who = record.verified?.tiktokName || record.creatorHandle || record.source.senderName || 'a creator';
  const revoked = record.verified?.authStatus === 'REVOKED' || record.verified?.itemStatus === 'DELETED';
  await browser.notifications.create(`tiktok-lost-${record.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: revoked ? 'Ad code revoked' : 'Ad code expired',
    message: revoked
      ? `TikTok says ${who} revoked the code ${record.code.slice(0, 9)}… or deleted the post. Ask them for a new code.`
      : `TikTok says the authorization for ${who}'s code ${record.code.slice(0, 9)}… has ended. Contact the creator to extend it.`,
    priority: 1,
  });
}

/** The background's one wiring call: messages, on-save checks, the hourly tick, settings changes. */
export function setupVerification(db: CodesDb, changed: () => Promise<void> | void) {
  const verifier = createVerifier({ db, changed });

  registerHandlers({
    verifyCodes: ({ ids }) => verifier.verifyIds(ids, 'demand'),
    testTikTokConnection: () => verifier.testConnection(),
  });

  // On save: collect ids of newly created records and check them together once saving settles.
  let pending = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCodeCreated(db, (id) => {
      pending.add(id);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ids = [...pending];
        pending = new Set();
        // Quick exit (no request) when the feature is off: verifyIds checks credentials first.
        void getApiCredentials().then((c) => (credentialsReady(c) ? verifier.verifyIds(ids, 'save') : undefined));
      }, SAVE_DEBOUNCE_MS);
  });

  void ensurePeriodicAlarm(VERIFY_ALARM, TICK_MINUTES);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VERIFY_ALARM) void verifier.runSchedule();
  });

  apiCredentialsItem.watch((next, prev) => {
    const changedWho = next?.accessToken !== prev?.accessToken || next?.advertiserId !== prev?.advertiserId;
    // New credentials deserve a fresh start: forget the old token's errors and backoff.
    const reset = changedWho ? verificationStateItem.removeValue() : Promise.resolve();
    if (next?.enabled && (!prev?.enabled || changedWho)) void reset.then(() => verifier.runSchedule());
  });
}
