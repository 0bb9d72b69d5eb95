import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AdCodeRecord } from '@/utils/code-record';
import { openCodesDb, type CodesDb } from '@/utils/vault/db';
import { DAY_MS } from '@/utils/expiry';
import { apiCredentialsItem, getVerificationState } from '@/utils/api-settings';
import { CODE_EXPIRED_MESSAGE } from '@/utils/tiktok-api';
import { createVerifier, SCHEDULE_BATCH, type VerifierDeps } from '@/entrypoints/background/verification';
import { MESSAGES, MOCK_ADVERTISER_ID, MOCK_TOKEN, startMockTikTokApi, type MockTikTokApi } from '../mock-tiktok-api/server.mjs';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const code = (n: number) => `#Code${String(n).padStart(3, '0')}AbCdEfGh0123456789AbCdEfGh0123456789AbCdEfGh0123456789xyz`;

let mock: MockTikTokApi;
let db: CodesDb;
let clock: number;
let lostNotices: AdCodeRecord[];
let changedCalls: number;

beforeAll(async () => {
  mock = await startMockTikTokApi();
});
afterAll(() => mock.close());

beforeEach(async () => {
  fakeBrowser.reset();
  db = openCodesDb(`verify-test-${Math.random()}`);
  clock = NOW;
  lostNotices = [];
  changedCalls = 0;
  mock.requests.length = 0;
});
afterEach(() => db.delete());

function verifier(over: Partial<VerifierDeps> = {}) {
  return createVerifier({
    db,
    changed: () => void changedCalls++,
    baseUrl: mock.baseUrl,
    hasPermission: async () => true,
    notifyLost: async (r) => void lostNotices.push(r),
    now: () => clock,
    sleep: async () => undefined,
    random: () => 1,
    ...over,
  });
}

async function enable(over: Partial<{ accessToken: string; advertiserId: string; enabled: boolean }> = {}) {
  await apiCredentialsItem.setValue({ enabled: true, accessToken: MOCK_TOKEN, advertiserId: MOCK_ADVERTISER_ID, ...over });
}

async function addCode(n: number, over: Partial<AdCodeRecord> = {}): Promise<number> {
  return (await db.codes.add({
    code: code(n),
    creatorHandle: '@maya.glow',
    periodDays: 30,
    periodAssumed: true,
    receivedAt: NOW - 2 * DAY_MS,
    expiresAt: NOW + 28 * DAY_MS,
    status: 'unused',
    uses: [],
    archived: 0,
    notes: `note ${n}`,
    tags: ['t'],
    source: { kind: 'gmail', subject: 'Your ad code' },
    alertsSent: [],
    createdAt: NOW - 2 * DAY_MS,
    updatedAt: NOW - 2 * DAY_MS,
    ...over,
  })) as number;
}

const authorized = (days = 60) => ({ authorized: { start: NOW - DAY_MS, end: NOW + days * DAY_MS, name: 'Maya Glow', text: 'Routine' } });

describe('with the feature off', () => {
  it('sends nothing, changes nothing, and says how to turn it on', async () => {
    const id = await addCode(1);
    mock.setCode(code(1), authorized());
    const before = await db.codes.get(id);
    const report = await verifier().verifyIds([id], 'demand');
    expect(report).toMatchObject({ ran: false, verified: 0, skipped: 1, error: { kind: 'off' } });
    expect(report.error?.message).toMatch(/Options/);
    expect(await verifier().runSchedule()).toBeUndefined();
    expect(await verifier().testConnection()).toMatchObject({ ok: false, error: { kind: 'off' } });
    expect(mock.requests).toEqual([]);
    expect(await db.codes.get(id)).toEqual(before);
  });

  it('sends nothing when turned on but the host permission was not granted (or was removed)', async () => {
    await enable();
    const id = await addCode(1);
    const report = await verifier({ hasPermission: async () => false }).verifyIds([id], 'demand');
    expect(report.error?.kind).toBe('permission');
    expect(mock.requests).toEqual([]);
  });
});

describe('with the feature on', () => {
  beforeEach(() => enable());

  it('stores the exact facts and keeps user data', async () => {
    const id = await addCode(1);
    mock.setCode(code(1), authorized(45));
    const report = await verifier().verifyIds([id], 'demand');
    expect(report).toEqual({ ran: true, verified: 1, lost: 0, failed: [], skipped: 0 });
    const saved = (await db.codes.get(id))!;
    expect(saved.expiresAt).toBe(NOW + 45 * DAY_MS);
    expect(saved.verified).toMatchObject({ authStatus: 'AUTHORIZED', tiktokName: 'Maya Glow', videoText: 'Routine', checkedAt: NOW });
    expect(saved.notes).toBe('note 1');
    expect(changedCalls).toBe(1);
    expect((await getVerificationState()).lastSuccessAt).toBe(NOW);
  });

  it('4025 flips the code to expired, alerts once, and offers renewal through errorKind', async () => {
    const id = await addCode(2);
    mock.setCode(code(2), { error: [4025, MESSAGES.codeExpired] });
    const report = await verifier().verifyIds([id], 'demand');
    expect(report).toMatchObject({ ran: true, verified: 0, lost: 1, failed: [{ id, kind: 'code-expired', message: CODE_EXPIRED_MESSAGE }] });
    const saved = (await db.codes.get(id))!;
    expect(saved.expiresAt).toBe(NOW);
    expect(saved.verified).toMatchObject({ authStatus: 'EXPIRED', errorKind: 'code-expired' });
    expect(lostNotices.map((r) => r.id)).toEqual([id]);
    clock += DAY_MS;
    await verifier().verifyIds([id], 'demand');
    expect(lostNotices).toHaveLength(1);
  });

  it('a bad token stops the run, leaves every record byte-for-byte as it was, and pauses the schedule', async () => {
    await enable({ accessToken: 'wrongtoken0123456789abcdef' });
    const ids = [await addCode(1), await addCode(2)];
    mock.setCode(code(1), authorized());
    mock.setCode(code(2), authorized());
    const before = await db.codes.bulkGet(ids);
    const report = await verifier().verifyIds(ids, 'demand');
    expect(report).toMatchObject({ ran: true, verified: 0, skipped: 2, error: { kind: 'token' } });
    expect(mock.requests).toHaveLength(1);
    expect(await db.codes.bulkGet(ids)).toEqual(before);
    expect(changedCalls).toBe(0);
    // The schedule does not retry a token TikTok refused: only new credentials restart it.
    mock.requests.length = 0;
    clock += 2 * DAY_MS;
    const scheduled = await verifier().runSchedule();
    expect(scheduled?.error?.kind).toBe('token');
    expect(mock.requests).toEqual([]);
  });

  it('a wrong advertiser says which one and changes nothing', async () => {
    await enable({ advertiserId: '7000000000000000009' });
    const id = await addCode(1);
    const before = await db.codes.get(id);
    const report = await verifier().verifyIds([id], 'demand');
    expect(report.error).toMatchObject({ kind: 'advertiser' });
    expect(report.error?.message).toContain('7000000000000000009');
    expect(await db.codes.get(id)).toEqual(before);
  });

  it('a rate limit keeps finished work, backs off, and refuses to call again before the retry time', async () => {
    const ids = [await addCode(1), await addCode(2), await addCode(3)];
    for (const n of [1, 2, 3]) mock.setCode(code(n), authorized());
    const v = verifier();
    // First call succeeds, then TikTok throttles.
    const origFetch = globalThis.fetch;
    let calls = 0;
    const report = await verifier({
      fetch: (input, init) => {
        if (++calls === 2) mock.rateLimit(1);
        return origFetch(input, init);
      },
    }).verifyIds(ids, 'demand');
    expect(report).toMatchObject({ ran: true, verified: 1, skipped: 2, error: { kind: 'rate-limited' } });
    expect((await db.codes.get(ids[0]))!.verified?.authStatus).toBe('AUTHORIZED');
    expect((await db.codes.get(ids[1]))!.verified).toBeUndefined();
    const state = await getVerificationState();
    expect(state.failures).toBe(1);
    expect(state.notBefore).toBe(NOW + 15 * 60_000);
    expect(report.error?.retryAt).toBe(state.notBefore);

    mock.requests.length = 0;
    clock += 5 * 60_000;
    const early = await v.verifyIds(ids, 'demand');
    expect(early).toMatchObject({ ran: false, error: { kind: 'rate-limited', retryAt: NOW + 15 * 60_000 } });
    expect(mock.requests).toEqual([]);

    clock = NOW + 16 * 60_000;
    const later = await v.verifyIds(ids, 'demand');
    expect(later).toMatchObject({ ran: true, verified: 3 });
    expect((await getVerificationState()).failures).toBe(0);
  });

  it('offline: nothing changes and the next try is pushed back, longer after each failure', async () => {
    const id = await addCode(1);
    const before = await db.codes.get(id);
    const offline = verifier({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const first = await offline.verifyIds([id], 'demand');
    expect(first.error).toMatchObject({ kind: 'offline', retryAt: NOW + 5 * 60_000 });
    clock = first.error!.retryAt!;
    const second = await offline.verifyIds([id], 'demand');
    expect(second.error?.retryAt).toBe(clock + 10 * 60_000);
    expect(await db.codes.get(id)).toEqual(before);
  });

  it('an answer in an unexpected shape changes nothing', async () => {
    const id = await addCode(1);
    mock.setCode(code(1), { malformed: true });
    const before = await db.codes.get(id);
    const report = await verifier().verifyIds([id], 'demand');
    expect(report.error?.kind).toBe('bad-response');
    expect(await db.codes.get(id)).toEqual(before);
  });

  it('keeps an edit the user makes while TikTok is answering', async () => {
    const id = await addCode(1);
    mock.setCode(code(1), authorized(45));
    const origFetch = globalThis.fetch;
    const v = verifier({
      fetch: async (input, init) => {
        // The user edits the note between request and answer.
        await db.codes.update(id, { notes: 'edited meanwhile', tags: ['vip'] });
        return origFetch(input, init);
      },
    });
    await v.verifyIds([id], 'demand');
    const saved = (await db.codes.get(id))!;
    expect(saved.notes).toBe('edited meanwhile');
    expect(saved.tags).toEqual(['vip']);
    expect(saved.expiresAt).toBe(NOW + 45 * DAY_MS);
  });

  it('a code deleted while TikTok is answering stays deleted', async () => {
    const id = await addCode(1);
    mock.setCode(code(1), authorized());
    const origFetch = globalThis.fetch;
    await verifier({
      fetch: async (input, init) => {
        await db.codes.delete(id);
        return origFetch(input, init);
      },
    }).verifyIds([id], 'demand');
    expect(await db.codes.get(id)).toBeUndefined();
  });

  it('the schedule checks only usable codes not checked for a day, never-checked first, in small batches', async () => {
    const fresh = await addCode(1, { verified: { checkedAt: NOW - 3_600_000, authStatus: 'AUTHORIZED' } });
    const stale = await addCode(2, { verified: { checkedAt: NOW - 2 * DAY_MS, authStatus: 'AUTHORIZED' }, expiresAt: NOW + 2 * DAY_MS });
    const never = await addCode(3, { expiresAt: NOW + 20 * DAY_MS });
    await addCode(4, { archived: 1 });
    await addCode(5, { expiresAt: NOW - DAY_MS });
    const due = await verifier().dueForCheck();
    expect(due).toEqual([never, stale]);
    expect(due).not.toContain(fresh);

    for (let n = 10; n < 10 + SCHEDULE_BATCH + 5; n++) await addCode(n);
    expect(await verifier().dueForCheck()).toHaveLength(SCHEDULE_BATCH);
  });

  it('waits between calls so a run never hammers TikTok', async () => {
    const ids = [await addCode(1), await addCode(2), await addCode(3)];
    for (const n of [1, 2, 3]) mock.setCode(code(n), authorized());
    const sleep = vi.fn(async () => undefined);
    await verifier({ sleep }).runSchedule();
    expect(sleep.mock.calls).toEqual([[1000], [1000]]);
    expect(mock.requests).toHaveLength(ids.length);
  });

  it('runs one at a time even when asked twice at once', async () => {
    const id = await addCode(1);
    mock.setCode(code(1), authorized());
    const origFetch = globalThis.fetch;
    let inFlight = 0;
    let maxInFlight = 0;
    const v = verifier({
      fetch: async (input, init) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        try {
          return await origFetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    await Promise.all([v.verifyIds([id], 'demand'), v.verifyIds([id], 'demand'), v.testConnection()]);
    expect(maxInFlight).toBe(1);
  });

  it('the connection test names the advertiser', async () => {
    expect(await verifier().testConnection()).toEqual({ ok: true, advertiserName: 'Northwind Skincare' });
    expect((await getVerificationState()).advertiserName).toBe('Northwind Skincare');
  });
});

describe('on save', () => {
  it('skips a code that arrived with TikTok\'s facts (imported from Ads Manager) and checks the others', async () => {
    await enable();
    const imported = await addCode(1, { verified: { checkedAt: NOW - 60_000, authStatus: 'AUTHORIZED', authEnd: NOW + 20 * DAY_MS } });
    const fromMail = await addCode(2);
    mock.setCode(code(1), authorized());
    mock.setCode(code(2), authorized());
    const report = await verifier().verifyIds([imported, fromMail], 'save');
    expect(report.verified).toBe(1);
    expect(mock.requests.map((r) => r.query.auth_code)).toEqual([code(2)]);
  });
});
